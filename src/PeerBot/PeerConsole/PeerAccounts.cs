using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerBot.Data;
using PeerBot.Handoff;

namespace PeerBot.PeerConsole;

public enum LoginStatus
{
    Succeeded,
    Invalid,
    LockedOut,
}

public sealed record LoginResult(LoginStatus Status, PeerAccount? Account = null);

/// <summary>Console accounts: create, sign-in check with lockout (5 failures → 15 minutes), lookup.</summary>
public sealed class PeerAccounts(PeerBotDb db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<PeerAccount> Hasher = new();

    public async Task<PeerAccount> CreateAsync(string email, string displayName, string password, string role,
        CancellationToken cancellationToken)
    {
        if (!PeerRoles.IsValid(role))
            throw new ArgumentException("Unknown role.", nameof(role));
        var account = new PeerAccount
        {
            Id = "pr_" + Guid.NewGuid().ToString("N")[..16],
            Email = Normalize(email),
            DisplayName = displayName,
            PasswordHash = string.Empty,
            Role = role,
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        db.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    public async Task<LoginResult> VerifyAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return new LoginResult(LoginStatus.Invalid);
        var normalized = Normalize(email);
        var account = await db.Set<PeerAccount>().SingleOrDefaultAsync(a => a.Email == normalized, cancellationToken);
        if (account is null)
            return new LoginResult(LoginStatus.Invalid);
        var now = clock.GetUtcNow();
        if (account.LockedUntil is { } until && until > now)
            return new LoginResult(LoginStatus.LockedOut);

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedLogins++;
            if (account.FailedLogins >= MaxFailures)
            {
                account.LockedUntil = now + Lockout;
                account.FailedLogins = 0;
            }
            await db.SaveChangesAsync(cancellationToken);
            return new LoginResult(account.LockedUntil > now ? LoginStatus.LockedOut : LoginStatus.Invalid);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            account.PasswordHash = Hasher.HashPassword(account, password);
        account.FailedLogins = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return new LoginResult(LoginStatus.Succeeded, account);
    }

    public Task<PeerAccount?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Set<PeerAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<List<PeerAccount>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<PeerAccount>().AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);

    public static ClaimsPrincipal Principal(PeerAccount account, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id),
            new Claim(ClaimTypes.Name, account.DisplayName),
            new Claim(ClaimTypes.Role, account.Role),
            new Claim(PeerClaims.CaseloadCap, account.CaseloadCap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
        ], authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static PeerIdentity Identity(PeerAccount account) =>
        new(account.Id, account.DisplayName, account.Role is PeerRoles.Coordinator or PeerRoles.Admin, account.CaseloadCap);

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
