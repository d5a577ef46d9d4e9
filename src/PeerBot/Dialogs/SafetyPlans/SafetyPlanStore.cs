using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Dialogs.SafetyPlans;

/// <summary>
/// Keeps safety plans encrypted at rest. A plan exists only after the client agreed and wrote a part of it;
/// <see cref="DeleteAsync"/> is the hook for "delete my data".
/// </summary>
public sealed class SafetyPlanStore(PeerBotDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Purpose = "PeerBot.SafetyPlan";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task<SafetyPlan?> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var entity = await db.Set<SafetyPlanEntity>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.ConversationKey == conversationKey, cancellationToken);
        return entity is null ? null : new SafetyPlan(Unprotect(entity.ProtectedPlan), entity.UpdatedAt);
    }

    /// <summary>Replaces one part of the plan with the client's words (creating the plan if needed).</summary>
    public async Task SaveSectionAsync(
        string conversationKey, SafetyPlanSection section, ClientText text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entity = await db.Set<SafetyPlanEntity>()
            .SingleOrDefaultAsync(p => p.ConversationKey == conversationKey, cancellationToken);
        var sections = entity is null
            ? new Dictionary<SafetyPlanSection, ClientText>()
            : new Dictionary<SafetyPlanSection, ClientText>(Unprotect(entity.ProtectedPlan));
        sections[section] = new ClientText(text.Value.Trim());
        var protectedPlan = Protect(sections);
        if (entity is null)
        {
            db.Set<SafetyPlanEntity>().Add(new SafetyPlanEntity
            {
                ConversationKey = conversationKey, ProtectedPlan = protectedPlan, CreatedAt = now, UpdatedAt = now,
            });
        }
        else
        {
            entity.ProtectedPlan = protectedPlan;
            entity.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Erases the plan. Returns whether there was one.</summary>
    public async Task<bool> DeleteAsync(string conversationKey, CancellationToken cancellationToken) =>
        await db.Set<SafetyPlanEntity>().Where(p => p.ConversationKey == conversationKey)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    private string Protect(Dictionary<SafetyPlanSection, ClientText> sections) =>
        _protector.Protect(JsonSerializer.Serialize(sections.ToDictionary(s => s.Key.ToString(), s => s.Value.Value)));

    private Dictionary<SafetyPlanSection, ClientText> Unprotect(string protectedPlan)
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedPlan)) ?? [];
        return stored
            .Where(s => Enum.TryParse<SafetyPlanSection>(s.Key, out _))
            .ToDictionary(s => Enum.Parse<SafetyPlanSection>(s.Key), s => new ClientText(s.Value));
    }
}
