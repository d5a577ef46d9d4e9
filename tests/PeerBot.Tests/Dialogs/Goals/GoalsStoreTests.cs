using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PeerBot.Conversations;
using PeerBot.Dialogs.Goals;
using Xunit;

namespace PeerBot.Tests.Dialogs.Goals;

public sealed class GoalsStoreTests
{
    private const string Goal = "Get my license back before summer";
    private const string Step = "Call the DMV on Tuesday morning";

    [Fact]
    public async Task SaveGoalAndStep_ReadBack_InSlotOrder()
    {
        await using var host = new DialogTestHost();
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GoalsStore>();

        await store.SaveGoalAsync("k1", 2, new ClientText("Go to two meetings"), CancellationToken.None);
        await store.SaveGoalAsync("k1", 1, new ClientText(Goal), CancellationToken.None);
        await store.SaveStepAsync("k1", 1, new ClientText(Step), CancellationToken.None);
        await store.SaveStepAsync("k1", 3, new ClientText("no goal in slot 3"), CancellationToken.None);

        var goals = await store.GetAsync("k1", CancellationToken.None);
        Assert.NotNull(goals);
        Assert.Equal([1, 2], goals.Goals.Select(g => g.Slot));
        Assert.Equal(Goal, goals.Goals[0].Goal.Value);
        Assert.Equal(Step, goals.Goals[0].Step?.Value);
        Assert.Null(goals.Goals[1].Step);
        Assert.Null(await store.GetAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task StepWithoutGoal_NothingStored()
    {
        await using var host = new DialogTestHost();
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GoalsStore>();

        await store.SaveStepAsync("k1", 1, new ClientText(Step), CancellationToken.None);
        await store.RecordProgressAsync("k1", "done", CancellationToken.None);

        Assert.Null(await store.GetAsync("k1", CancellationToken.None));
        Assert.Equal(0, await store.CountAsync("k1", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveLastGoal_RowGone()
    {
        await using var host = new DialogTestHost();
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GoalsStore>();
        await store.SaveGoalAsync("k1", 1, new ClientText(Goal), CancellationToken.None);
        await store.SaveGoalAsync("k1", 3, new ClientText("Visit my kids"), CancellationToken.None);

        await store.RemoveAsync("k1", 1, CancellationToken.None);
        Assert.Equal(3, Assert.Single((await store.GetAsync("k1", CancellationToken.None))!.Goals).Slot);
        await store.RemoveAsync("k1", 3, CancellationToken.None);

        Assert.Null(await store.GetAsync("k1", CancellationToken.None));
        Assert.Equal(0, await RowCountAsync(host));
    }

    [Fact]
    public async Task VeryLongGoal_KeptShort()
    {
        await using var host = new DialogTestHost();
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GoalsStore>();

        await store.SaveGoalAsync("k1", 1, new ClientText("  " + new string('a', 5000) + "  "), CancellationToken.None);

        var goal = Assert.Single((await store.GetAsync("k1", CancellationToken.None))!.Goals);
        Assert.Equal(new string('a', GoalsStore.MaxLength), goal.Goal.Value);
    }

    [Fact]
    public async Task Progress_RecordedWithTime()
    {
        await using var host = new DialogTestHost();
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GoalsStore>();
        await store.SaveGoalAsync("k1", 1, new ClientText(Goal), CancellationToken.None);

        await store.RecordProgressAsync("k1", "partly", CancellationToken.None);

        var goals = await store.GetAsync("k1", CancellationToken.None);
        Assert.Equal("partly", goals!.LastProgress);
        Assert.NotNull(goals.ProgressAt);
    }

    [Fact]
    public async Task SavedGoals_NoPlaintextInTheDatabase()
    {
        await using var host = new DialogTestHost();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<GoalsStore>();
            await store.SaveGoalAsync("k1", 1, new ClientText(Goal), CancellationToken.None);
            await store.SaveStepAsync("k1", 1, new ClientText(Step), CancellationToken.None);
        }

        var row = await RawRowsAsync(host);
        Assert.Contains("k1", row, StringComparison.Ordinal);
        foreach (var words in new[] { "license back", "summer", "DMV on", "Tuesday morning" })
            Assert.DoesNotContain(words, row, StringComparison.Ordinal);
        var file = await File.ReadAllBytesAsync(host.DatabasePath, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("license back", System.Text.Encoding.UTF8.GetString(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ErasesAndSaysWhetherThereWasAny()
    {
        await using var host = new DialogTestHost();
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<GoalsStore>();
        await store.SaveGoalAsync("k1", 1, new ClientText(Goal), CancellationToken.None);

        Assert.True(await store.DeleteAsync("k1", CancellationToken.None));
        Assert.False(await store.DeleteAsync("k1", CancellationToken.None));
        Assert.Null(await store.GetAsync("k1", CancellationToken.None));
    }

    /// <summary>Every column of every stored goals row, read with plain SQL (what a stolen database shows).</summary>
    private static async Task<string> RawRowsAsync(DialogTestHost host)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM RecoveryGoals";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                text.Append(reader.GetValue(i)).Append('|');
        }
        return text.ToString();
    }

    private static async Task<long> RowCountAsync(DialogTestHost host)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM RecoveryGoals";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
