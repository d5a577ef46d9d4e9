using System.Net;
using Microsoft.EntityFrameworkCore;
using PeerBot.Audit;
using PeerBot.Dialogs.Goals;
using PeerBot.Dialogs.SafetyPlans;
using PeerBot.Tests.Summaries;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Dialogs.Goals;

/// <summary>Recovery goals end to end: written through POST /api/messages, seen by the peer, exported, erased.</summary>
public sealed class GoalsFlowTests
{
    private const string Goal = "Find a steady job in a warehouse";
    private const string Step = "Send two applications by Friday";
    private const string WarningSigns = "Skipping dinner and not answering my phone";

    [Fact]
    public async Task PeerOnPickup_SeesGoalsAndSafetyPlan_EachReadAudited_NotWhileQueued()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("webchat");
        await WriteGoalAsync(app, client);
        await WritePlanAsync(app, client);
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);

        using (var queued = await peer.GetAsync($"/api/handoffs/{handoff.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
            var detail = await queued.JsonAsync();
            Assert.True(!detail.TryGetProperty("recovery", out var none) || none.ValueKind == System.Text.Json.JsonValueKind.Null);
        }
        using (await peer.ClaimAsync(handoff.Id)) { }
        using var picked = await peer.GetAsync($"/api/handoffs/{handoff.Id}");

        var recovery = (await picked.JsonAsync()).GetProperty("recovery");
        var goal = Assert.Single(recovery.GetProperty("goals").EnumerateArray());
        Assert.Equal(1, goal.GetProperty("number").GetInt32());
        Assert.Equal(Goal, goal.GetProperty("goal").GetString());
        Assert.Equal(Step, goal.GetProperty("step").GetString());
        var part = Assert.Single(recovery.GetProperty("safetyPlan").EnumerateArray());
        Assert.Equal("warning-signs", part.GetProperty("part").GetString());
        Assert.Equal(WarningSigns, part.GetProperty("text").GetString());
        var peerId = await app.AccountIdAsync(ConsoleClients.Peer1);
        var audit = await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().ToListAsync());
        Assert.Single(audit, a => a.Action == AuditTrail.ReadGoals && a.ActorId == peerId && a.HandoffId == handoff.Id);
        Assert.Single(audit, a => a.Action == AuditTrail.ReadSafetyPlan && a.ActorId == peerId && a.HandoffId == handoff.Id);
    }

    [Fact]
    public async Task PeerOnPickup_ClientKeepsNothing_NoRecoveryContentAndNoReadAudited()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("webchat");
        var handoff = await app.RequestPeerAsync(client);
        using var peer = await app.SignInAsync(ConsoleClients.Peer1);
        using (await peer.ClaimAsync(handoff.Id)) { }

        using var picked = await peer.GetAsync($"/api/handoffs/{handoff.Id}");

        var recovery = (await picked.JsonAsync()).GetProperty("recovery");
        Assert.Empty(recovery.GetProperty("goals").EnumerateArray());
        Assert.Empty(recovery.GetProperty("safetyPlan").EnumerateArray());
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().ToListAsync()),
            a => a.Action is AuditTrail.ReadGoals or AuditTrail.ReadSafetyPlan);
    }

    [Fact]
    public async Task ConsentDeclined_NothingStored()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("webchat");
        await app.SayAsync(client, "my goals");
        await app.SayAsync(client, "Set or change a goal");
        var declined = await app.SayAsync(client, "no");

        Assert.Contains(declined, t => t.StartsWith("Okay, nothing will be saved.", StringComparison.Ordinal));
        Assert.Equal(0, await app.CountAsync<GoalsEntity>(await app.KeyOfAsync(client)));
    }

    [Fact]
    public async Task CoordinatorExport_IncludesGoalsAndPlan()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("webchat");
        await WriteGoalAsync(app, client);
        await WritePlanAsync(app, client);
        var key = await app.KeyOfAsync(client);
        using var coordinator = await app.SignInAsync(ConsoleClients.Coordinator);

        using var response = await coordinator.GetAsync($"/api/console/clients/{key}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recovery = (await response.JsonAsync()).GetProperty("recovery");
        Assert.Equal(Goal, Assert.Single(recovery.GetProperty("goals").EnumerateArray()).GetProperty("goal").GetString());
        Assert.Equal(WarningSigns, Assert.Single(recovery.GetProperty("safetyPlan").EnumerateArray()).GetProperty("text").GetString());
        var coordinatorId = await app.AccountIdAsync(ConsoleClients.Coordinator);
        Assert.Contains(await app.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking().ToListAsync()),
            a => a.Action == AuditTrail.ReadGoals && a.ActorId == coordinatorId && a.ConversationKey == key);
    }

    [Fact]
    public async Task DeleteMyData_Confirmed_ErasesGoalsAndPlan()
    {
        await using var app = new PeerBotApp();
        var client = new ActivityBuilder("webchat");
        await WriteGoalAsync(app, client);
        await WritePlanAsync(app, client);
        var key = await app.KeyOfAsync(client);
        Assert.Equal(1, await app.CountAsync<GoalsEntity>(key));

        await app.SayAsync(client, "delete my data");
        var done = await app.SayAsync(client, "yes");

        Assert.Contains(done, t => t.Contains("has been erased", StringComparison.Ordinal));
        Assert.Equal(0, await app.CountAsync<GoalsEntity>(key));
        Assert.Equal(0, await app.CountAsync<SafetyPlanEntity>(key));
        await app.SayAsync(client, "my goals");
        var seen = await app.SayAsync(client, "See my goals");
        Assert.Contains(seen, t => t.StartsWith("You don't have saved goals yet.", StringComparison.Ordinal));
    }

    private static async Task WriteGoalAsync(PeerBotApp app, ActivityBuilder client)
    {
        await app.SayAsync(client, "my goals");
        await app.SayAsync(client, "Set or change a goal");
        await app.SayAsync(client, "yes");
        await app.SayAsync(client, "Goal 1");
        await app.SayAsync(client, Goal);
        await app.SayAsync(client, Step);
        await app.SayAsync(client, "Done");
        await app.SayAsync(client, "Back");
    }

    private static async Task WritePlanAsync(PeerBotApp app, ActivityBuilder client)
    {
        await app.SayAsync(client, "my plan");
        await app.SayAsync(client, "Add or change a part");
        await app.SayAsync(client, "yes");
        await app.SayAsync(client, "Warning signs");
        await app.SayAsync(client, WarningSigns);
        await app.SayAsync(client, "Done");
        await app.SayAsync(client, "Back");
    }
}
