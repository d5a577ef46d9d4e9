using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerBot.PeerConsole;

/// <summary>A console user: a peer, a coordinator (supervisor) or an admin. Password hashed by PasswordHasher.</summary>
public sealed class PeerAccount
{
    public required string Id { get; init; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }

    /// <summary>Overrides PeerBot:Handoff:CaseloadCap for this peer.</summary>
    public int? CaseloadCap { get; set; }
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class PeerRoles
{
    public const string Peer = "peer";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    public static bool IsValid(string role) => role is Peer or Coordinator or Admin;
}

internal sealed class PeerAccountConfiguration : IEntityTypeConfiguration<PeerAccount>
{
    public void Configure(EntityTypeBuilder<PeerAccount> builder)
    {
        builder.ToTable("PeerAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(40);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.DisplayName).HasMaxLength(64);
        builder.Property(a => a.Role).HasMaxLength(16);
        builder.HasIndex(a => a.Email).IsUnique();
    }
}
