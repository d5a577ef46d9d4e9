using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PeerBot.Conversations;
using PeerBot.Data;

namespace PeerBot.Dialogs.Goals;

/// <summary>
/// Keeps recovery goals encrypted at rest, like <see cref="SafetyPlans.SafetyPlanStore"/>: a row exists only after
/// the client agreed and wrote a goal. <see cref="DeleteAsync"/> is the hook for "delete my data".
/// </summary>
public sealed class GoalsStore(PeerBotDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Purpose = "PeerBot.RecoveryGoals";
    public const int MaxGoals = 3;

    /// <summary>A goal or a step is a short line; longer words (a pasted page) are cut here.</summary>
    public const int MaxLength = 300;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task<RecoveryGoals?> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var entity = await db.Set<GoalsEntity>().AsNoTracking()
            .SingleOrDefaultAsync(g => g.ConversationKey == conversationKey, cancellationToken);
        if (entity is null)
            return null;
        var stored = Unprotect(entity.ProtectedGoals);
        var goals = stored.Goals.OrderBy(g => g.Slot)
            .Select(g => new RecoveryGoal(g.Slot, new ClientText(g.Goal),
                string.IsNullOrEmpty(g.Step) ? null : new ClientText(g.Step)))
            .ToList();
        return new RecoveryGoals(goals, stored.Progress, stored.ProgressAt, entity.UpdatedAt);
    }

    /// <summary>How many goals the client has (0 when none or nothing stored).</summary>
    public async Task<int> CountAsync(string conversationKey, CancellationToken cancellationToken) =>
        (await GetAsync(conversationKey, cancellationToken))?.Goals.Count ?? 0;

    /// <summary>Replaces goal <paramref name="slot"/> with the client's words, keeping its step unless it is new.</summary>
    public Task SaveGoalAsync(string conversationKey, int slot, ClientText goal, CancellationToken cancellationToken) =>
        UpdateAsync(conversationKey, create: true, stored =>
        {
            var existing = stored.Goals.Find(g => g.Slot == slot);
            if (existing is null)
                stored.Goals.Add(new StoredGoal { Slot = Check(slot), Goal = Shorten(goal) });
            else
                existing.Goal = Shorten(goal);
        }, cancellationToken);

    /// <summary>Sets this week's step for goal <paramref name="slot"/>. No goal there: nothing is saved.</summary>
    public Task SaveStepAsync(string conversationKey, int slot, ClientText step, CancellationToken cancellationToken) =>
        UpdateAsync(conversationKey, create: false, stored =>
        {
            if (stored.Goals.Find(g => g.Slot == Check(slot)) is { } goal)
                goal.Step = Shorten(step);
        }, cancellationToken);

    /// <summary>Removes one goal; the row goes when no goal is left.</summary>
    public Task RemoveAsync(string conversationKey, int slot, CancellationToken cancellationToken) =>
        UpdateAsync(conversationKey, create: false, stored => stored.Goals.RemoveAll(g => g.Slot == slot), cancellationToken);

    /// <summary>Notes how this week's steps went (a choice value such as done, partly, not-yet).</summary>
    public Task RecordProgressAsync(string conversationKey, string progress, CancellationToken cancellationToken) =>
        UpdateAsync(conversationKey, create: false, stored =>
        {
            stored.Progress = progress;
            stored.ProgressAt = clock.GetUtcNow();
        }, cancellationToken);

    /// <summary>Erases the goals. Returns whether there were any.</summary>
    public async Task<bool> DeleteAsync(string conversationKey, CancellationToken cancellationToken) =>
        await db.Set<GoalsEntity>().Where(g => g.ConversationKey == conversationKey)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task UpdateAsync(
        string conversationKey, bool create, Action<StoredGoals> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entity = await db.Set<GoalsEntity>()
            .SingleOrDefaultAsync(g => g.ConversationKey == conversationKey, cancellationToken);
        if (entity is null && !create)
            return;
        var stored = entity is null ? new StoredGoals() : Unprotect(entity.ProtectedGoals);
        change(stored);
        if (stored.Goals.Count == 0)
        {
            if (entity is not null)
                db.Remove(entity);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var protectedGoals = _protector.Protect(JsonSerializer.Serialize(stored, Json));
        if (entity is null)
        {
            db.Set<GoalsEntity>().Add(new GoalsEntity
            {
                ConversationKey = conversationKey, ProtectedGoals = protectedGoals, CreatedAt = now, UpdatedAt = now,
            });
        }
        else
        {
            entity.ProtectedGoals = protectedGoals;
            entity.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private StoredGoals Unprotect(string protectedGoals) =>
        JsonSerializer.Deserialize<StoredGoals>(_protector.Unprotect(protectedGoals), Json) ?? new StoredGoals();

    private static string Shorten(ClientText text)
    {
        var trimmed = text.Value.Trim();
        return trimmed.Length <= MaxLength ? trimmed : trimmed[..MaxLength].TrimEnd();
    }

    private static int Check(int slot) =>
        slot is >= 1 and <= MaxGoals ? slot : throw new ArgumentOutOfRangeException(nameof(slot), slot, "Goals are numbered 1 to 3.");

    private sealed class StoredGoals
    {
        public List<StoredGoal> Goals { get; set; } = [];
        public string? Progress { get; set; }
        public DateTimeOffset? ProgressAt { get; set; }
    }

    private sealed class StoredGoal
    {
        public int Slot { get; set; }
        public string Goal { get; set; } = string.Empty;
        public string? Step { get; set; }
    }
}
