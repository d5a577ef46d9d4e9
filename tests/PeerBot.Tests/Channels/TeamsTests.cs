using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerBot.BotFramework.Schema;
using PeerBot.Channels;
using PeerBot.Conversations;
using PeerBot.Handoff;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

/// <summary>Teams behaviour against the recorded activities in shared/fixtures/activities.</summary>
public sealed class TeamsTests
{
    [Fact]
    public async Task PersonalInstall_Welcomes_ReferenceKeepsTenantFromChannelData()
    {
        await using var app = new PeerBotApp();
        var update = Fixture("teams.conversationUpdate.botAddedPersonal.json");

        using var response = await app.SendAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(app.Connector.Sent); // the welcome (text and menu)
        Assert.All(app.Connector.Sent, welcome => Assert.Equal("***", welcome.Activity.Conversation!.Id));
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal("<TENANT ID>", ConversationStore.ReadReference(record)!.Conversation!.TenantId);
    }

    [Fact]
    public async Task TeamInstall_InstallationUpdateWelcomes_BotOnlyConversationUpdateDoesNot()
    {
        await using var app = new PeerBotApp();

        using (await app.SendAsync(Fixture("teams.conversationUpdate.botAddedToTeam.json"))) { }
        Assert.Empty(app.Connector.Sent);
        using (await app.SendAsync(Fixture("teams.installationUpdate.add.team.json"))) { }

        Assert.NotEmpty(app.Connector.Sent);
        Assert.Single(app.Connector.Sent.Select(s => s.Activity.ReplyToId).Distinct()); // one welcome turn
        var record = await app.WithDbAsync(db => db.Set<ConversationRecord>().SingleAsync());
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", ConversationStore.ReadReference(record)!.Conversation!.TenantId);
    }

    [Fact]
    public async Task InstallTwice_ConversationUpdateThenInstallationUpdate_OneWelcome()
    {
        await using var app = new PeerBotApp();
        var update = Fixture("teams.conversationUpdate.botAddedPersonal.json");
        var install = Fixture("teams.conversationUpdate.botAddedPersonal.json");
        install.Type = ActivityTypes.InstallationUpdate;
        install.Action = "add";
        install.Id = "f:install";

        using (await app.SendAsync(update)) { }
        var welcome = app.Connector.Sent.Count;
        using (await app.SendAsync(install)) { }

        Assert.True(welcome > 0);
        Assert.Equal(welcome, app.Connector.Sent.Count); // the second install event is not greeted again
    }

    [Fact]
    public async Task ChannelMention_Stripped_BeforeDialog()
    {
        await using var app = new PeerBotApp();
        var message = Fixture("teams.message.channel.mention.json");
        message.Text = "<at>ridotest</at> peer";

        using var response = await app.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The placeholder dialog hands off only on the exact word "peer": the mention must be gone.
        var handoff = await app.WithDbAsync(db => db.Set<HandoffRequest>().SingleAsync());
        Assert.Equal(HandoffReason.Requested, handoff.Reason);
    }

    [Fact]
    public async Task AdaptiveCardInvoke_RunsMessageTurnWithValue_ReturnsCardInvokeResponse()
    {
        await using var app = new PeerBotApp();
        var invoke = Fixture("teams.invoke.adaptiveCardAction.personal.json");
        invoke.Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "choice", data = new { choice = "peer" } }, trigger = "manual" });

        using var response = await app.SendAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.GetProperty("value").GetProperty("type").GetString());
        Assert.NotEmpty(app.Connector.Sent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<HandoffRequest>().CountAsync()));
    }

    [Fact]
    public async Task AdaptiveCardInvoke_Replayed_OneTurn()
    {
        await using var app = new PeerBotApp();
        var invoke = Fixture("teams.invoke.adaptiveCardAction.personal.json");

        using (await app.SendAsync(invoke)) { }
        var after = app.Connector.Sent.Count;
        using var again = await app.SendAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(after, app.Connector.Sent.Count);
    }

    [Fact]
    public async Task MessageWritesBlocked_MarksUnreachable_StopsProactive_ClearedWhenClientWrites()
    {
        await using var app = new PeerBotApp(new Dictionary<string, string?> { ["PeerBot:Scheduling:Enabled"] = "false" });
        var teams = new ActivityBuilder("msteams");
        app.Connector.FailureStatus = HttpStatusCode.Forbidden;
        app.Connector.FailNext(1);

        using (await app.SendAsync(teams.Message("hello"))) { }

        var key = await app.WithDbAsync(db => db.Set<ConversationRecord>().Select(c => c.Key).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Set<ChannelState>().Where(s => s.ConversationKey == key).Select(s => s.Unreachable).SingleAsync()));
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()) == 0, "sent or suppressed rows are deleted");

        await app.WithDbAsync(async db =>
        {
            ReplyOutbox.Enqueue(db, key, [new Activity { Type = ActivityTypes.Message, Text = "A peer says hi" }], null, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await app.Service<ReplyOutbox>().DispatchAsync(key, CancellationToken.None));
        Assert.Empty(app.Connector.Sent);

        using (await app.SendAsync(teams.Message("I'm back"))) { }

        Assert.NotEmpty(app.Connector.Sent);
        Assert.False(await app.WithDbAsync(db => db.Set<ChannelState>().Where(s => s.ConversationKey == key).Select(s => s.Unreachable).SingleAsync()));
    }

    internal static Activity Fixture(string name) =>
        JsonSerializer.Deserialize<Activity>(File.ReadAllText(Paths.Fixture("activities", name)), BotJson.Options)!;
}
