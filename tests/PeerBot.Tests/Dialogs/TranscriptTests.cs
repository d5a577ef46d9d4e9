using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class TranscriptTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(RepoPaths.Transcripts, "*.txt").Select(Path.GetFileName).Order()!);

    [Theory, MemberData(nameof(Files))]
    public async Task Transcript_PlayedThroughEngineAndRenderer_MatchesEveryLine(string file)
    {
        var transcript = Transcript.Parse(Path.Combine(RepoPaths.Transcripts, file));
        await using var host = new DialogTestHost();

        var problem = await TranscriptRunner.RunAsync(transcript, host);
        if (problem is not null && Environment.GetEnvironmentVariable("PEERBOT_RECORD_TRANSCRIPTS") == "1")
        {
            // Writing a new transcript: record what the bot says now into <file>.actual, read it, then keep it.
            await using var fresh = new DialogTestHost();
            var recorded = await TranscriptRunner.RecordAsync(transcript, fresh);
            await File.WriteAllTextAsync(Path.Combine(RepoPaths.Transcripts, file + ".actual"), recorded, TestContext.Current.CancellationToken);
        }

        if (problem is not null)
            Assert.Fail(problem);
    }

    [Theory, MemberData(nameof(Files))]
    public async Task Transcript_ClientWords_NeverReachStateOrLogs(string file)
    {
        var transcript = Transcript.Parse(Path.Combine(RepoPaths.Transcripts, file));
        await using var host = new DialogTestHost();
        var states = new List<string>();

        foreach (var turn in transcript.Turns)
        {
            var (kind, offerPeer, text) = TranscriptRunner.Input(turn);
            await host.SendAsync(text, transcript.Channel, transcript.Locale, kind, offerPeer);
            var state = System.Text.Json.JsonSerializer.Deserialize<PeerBot.Dialogs.DialogState>(host.StateJson)!;
            states.Add(string.Join("|", state.Stack.SelectMany(f => f.Variables.Values.Append(f.DialogId))));
        }

        // Free text (anything longer than a menu word) must not be kept in the state or written to a log.
        var words = transcript.Turns.Select(t => t.User).Where(u => u.Length >= 12 && !u.StartsWith('(')).ToList();
        foreach (var utterance in words)
        {
            Assert.DoesNotContain(states, s => s.Contains(utterance, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(utterance, StringComparison.OrdinalIgnoreCase));
        }
    }
}
