using Xunit;

namespace PeerBot.Tests.Dialogs;

/// <summary>
/// Every transcript in <c>Transcripts/</c> played through <c>POST /api/messages</c> of the real app (safety scan,
/// privacy desk, handoff, channel rendering and all), compared line by line.
/// </summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(RepoPaths.Transcripts, "*.txt").Select(Path.GetFileName).Order()!);

    [Theory, MemberData(nameof(Files))]
    public async Task Transcript_PlayedThroughHttpPipeline_MatchesEveryLineAndKeepsNoClientWords(string file)
    {
        var transcript = Transcript.Parse(Path.Combine(RepoPaths.Transcripts, file));
        string? problem;
        await using (var session = new TranscriptSession(transcript))
        {
            problem = await TranscriptRunner.RunAsync(transcript, session);
            if (problem is null)
                await AssertNoClientWordsKeptAsync(transcript, session);
        }

        if (problem is not null && Environment.GetEnvironmentVariable("PEERBOT_RECORD_TRANSCRIPTS") == "1")
        {
            // Writing a new transcript: record what the bot says now into <file>.actual, read it, then keep it.
            var recorded = await TranscriptRunner.RecordAsync(transcript, transcript.Header);
            await File.WriteAllTextAsync(Path.Combine(RepoPaths.Transcripts, file + ".actual"), recorded,
                TestContext.Current.CancellationToken);
        }

        if (problem is not null)
            Assert.Fail(problem);
    }

    [Fact]
    public async Task Transcript_OneBotLineChanged_FailsNamingTheLine()
    {
        var transcript = Transcript.Parse(Path.Combine(RepoPaths.Transcripts, "check-in.happy.webchat.txt"));
        var turn = transcript.Turns.First(t => t.User == "4");
        turn.Bot[0] = "Good to hear. Notice what is hurting today.";
        await using var session = new TranscriptSession(transcript);

        var problem = await TranscriptRunner.RunAsync(transcript, session);

        Assert.NotNull(problem);
        Assert.Contains($"check-in.happy.webchat.txt:{turn.Line}", problem, StringComparison.Ordinal);
        Assert.Contains("Notice what is helping today.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcript_ExpectedEventMissing_Fails()
    {
        var transcript = Transcript.Parse(Path.Combine(RepoPaths.Transcripts, "check-in.happy.webchat.txt"));
        transcript.Turns.First(t => t.User == "no").Events.Add("handoff: requested");
        await using var session = new TranscriptSession(transcript);

        var problem = await TranscriptRunner.RunAsync(transcript, session);

        Assert.NotNull(problem);
        Assert.Contains("events differ", problem, StringComparison.Ordinal);
    }

    /// <summary>Free text (anything longer than a menu word) must not be kept in the stored state or written to a log.</summary>
    private static async Task AssertNoClientWordsKeptAsync(Transcript transcript, TranscriptSession session)
    {
        var state = await session.StoredStateAsync();
        var words = transcript.Turns.Select(TranscriptSession.TextOf).Where(u => u.Length >= 12 && !u.StartsWith('(')).ToList();
        foreach (var utterance in words)
        {
            Assert.DoesNotContain(utterance, state, StringComparison.OrdinalIgnoreCase);
            Assert.False(session.App.Logs.Contains(utterance), $"a log record holds '{utterance}'");
        }
    }
}
