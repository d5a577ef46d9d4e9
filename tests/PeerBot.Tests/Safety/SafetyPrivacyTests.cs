using PeerBot.Conversations;
using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>No log record or exception message ever carries the scanned words.</summary>
public sealed class SafetyPrivacyTests
{
    [Fact]
    public async Task Screen_EveryDevRow_NoLogRecordContainsText()
    {
        var rows = EvaluationFile.Read(SafetyTestPaths.DevSet, out _)!;
        using var host = new SafetyHost(sentiment: new TestSentimentSource(0.99, fail: true));
        var state = new SafetyState();
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var row in rows)
        {
            now = now.AddMinutes(45);
            await host.Screen.ScreenAsync(new ClientText(row.Text), "en-US", state, now, TestContext.Current.CancellationToken);
        }
        host.Screen.RecordCheckIn(1, 5, true, "en-US", state, now);

        Assert.NotEmpty(host.Logs.Records);
        foreach (var record in host.Logs.Records)
        {
            foreach (var row in rows.Where(r => r.Text.Length >= 8))
                Assert.DoesNotContain(row.Text, record, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ClientText_InState_IsNeverStored()
    {
        using var host = new SafetyHost();
        var state = new SafetyState();
        var text = "i want to kill myself with my dads pistol";
        await host.Screen.ScreenAsync(new ClientText(text), "en-US", state, DateTimeOffset.UnixEpoch,
            TestContext.Current.CancellationToken);
        var json = System.Text.Json.JsonSerializer.Serialize(state);

        Assert.DoesNotContain("pistol", json, StringComparison.Ordinal);
        Assert.DoesNotContain("kill", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Detector_OddInput_ThrowsNothingThatCouldCarryText()
    {
        var detector = DistressDetector.FromFile(SafetyTestPaths.Lexicon);
        var exception = Record.Exception(() => detector.Scan(new ClientText("\uD800kill\uDFFFmyself" + new string('\u0300', 5000))));
        Assert.Null(exception);
    }
}
