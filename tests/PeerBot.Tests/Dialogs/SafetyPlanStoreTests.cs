using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Dialogs.SafetyPlans;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class SafetyPlanStoreTests
{
    private const string Words = "Calling my sister Maria at 555-0142";

    [Fact]
    public async Task SaveSection_ThenGet_ReturnsTheClientsWords()
    {
        await using var host = new DialogTestHost();
        var ct = TestContext.Current.CancellationToken;

        await WithStoreAsync(host, s => s.SaveSectionAsync(host.ConversationKey, SafetyPlanSection.People, new ClientText(Words), ct));
        var plan = await WithStoreAsync(host, s => s.GetAsync(host.ConversationKey, ct));

        Assert.Equal(Words, plan!.Sections[SafetyPlanSection.People].Value);
        Assert.Single(plan.Sections);
    }

    [Fact]
    public async Task SaveSection_StoresOnlyCiphertextInTheDatabaseFile()
    {
        await using var host = new DialogTestHost();
        var ct = TestContext.Current.CancellationToken;

        await WithStoreAsync(host, s => s.SaveSectionAsync(host.ConversationKey, SafetyPlanSection.Coping, new ClientText(Words), ct));

        var stored = await WithStoreAsync(host, async _ =>
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PeerBot.Data.PeerBotDb>();
            await using var connection = new SqliteConnection(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database));
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ProtectedPlan FROM SafetyPlans";
            return (string)(await command.ExecuteScalarAsync(ct))!;
        });
        Assert.DoesNotContain("Maria", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("555", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveSection_Twice_ReplacesThatPartOnly()
    {
        await using var host = new DialogTestHost();
        var ct = TestContext.Current.CancellationToken;

        await WithStoreAsync(host, s => s.SaveSectionAsync(host.ConversationKey, SafetyPlanSection.WarningSigns, new ClientText("not sleeping"), ct));
        await WithStoreAsync(host, s => s.SaveSectionAsync(host.ConversationKey, SafetyPlanSection.Coping, new ClientText("walk"), ct));
        await WithStoreAsync(host, s => s.SaveSectionAsync(host.ConversationKey, SafetyPlanSection.WarningSigns, new ClientText("skipping meals"), ct));
        var plan = await WithStoreAsync(host, s => s.GetAsync(host.ConversationKey, ct));

        Assert.Equal("skipping meals", plan!.Sections[SafetyPlanSection.WarningSigns].Value);
        Assert.Equal("walk", plan.Sections[SafetyPlanSection.Coping].Value);
    }

    [Fact]
    public async Task Delete_RemovesThePlan_AndOtherClientsAreUntouched()
    {
        await using var host = new DialogTestHost();
        var ct = TestContext.Current.CancellationToken;
        await WithStoreAsync(host, s => s.SaveSectionAsync("a", SafetyPlanSection.Coping, new ClientText("walk"), ct));
        await WithStoreAsync(host, s => s.SaveSectionAsync("b", SafetyPlanSection.Coping, new ClientText("music"), ct));

        var deleted = await WithStoreAsync(host, s => s.DeleteAsync("a", ct));

        Assert.True(deleted);
        Assert.Null(await WithStoreAsync(host, s => s.GetAsync("a", ct)));
        Assert.NotNull(await WithStoreAsync(host, s => s.GetAsync("b", ct)));
    }

    [Fact]
    public async Task PlanDialog_WithoutConsent_StoresNothing()
    {
        await using var host = new DialogTestHost();
        var ct = TestContext.Current.CancellationToken;

        foreach (var line in new[] { "my plan", "Add or change a part", "no", "Back" })
            await host.SendAsync(line);

        Assert.Null(await WithStoreAsync(host, s => s.GetAsync(host.ConversationKey, ct)));
    }

    private static async Task<T> WithStoreAsync<T>(DialogTestHost host, Func<SafetyPlanStore, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SafetyPlanStore>());
    }

    private static async Task WithStoreAsync(DialogTestHost host, Func<SafetyPlanStore, Task> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<SafetyPlanStore>());
    }
}
