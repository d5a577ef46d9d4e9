using System.Diagnostics;
using System.Text.Json;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

/// <summary>
/// A client we did not write, the official botframework-directlinejs (npm, under Node), holds a conversation with
/// the local Direct Line over a real socket and WebSocket stream.
/// </summary>
public sealed class DirectLineClientCompatibilityTests
{
    [Fact]
    public async Task OfficialDirectLineJs_HoldsConversation_RepliesArriveOnStream()
    {
        var clientFolder = Path.Combine(Paths.RepositoryRoot, "tests", "directline-client");
        if (!Directory.Exists(Path.Combine(clientFolder, "node_modules", "botframework-directlinejs")))
            Assert.Skip("Run `npm ci` in tests/directline-client (.ci/run does) to enable this test.");

        const string secret = "compat-secret";
        await using var peerBot = await PeerBotProcess.StartAsync(new Dictionary<string, string>
        {
            ["PeerBot:DirectLine:Secret"] = secret,
        });

        var node = new ProcessStartInfo("node") { WorkingDirectory = clientFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        node.ArgumentList.Add("converse.mjs");
        node.ArgumentList.Add(new Uri(peerBot.BaseAddress, "v3/directline").ToString());
        node.ArgumentList.Add(secret);
        node.ArgumentList.Add("hello");
        node.ArgumentList.Add("menu");
        using var process = Process.Start(node)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {stdout}\n{stderr}");
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains("Online", result.RootElement.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        var replies = result.RootElement.GetProperty("botReplies").EnumerateArray().ToList();
        Assert.True(replies.Count >= 3, stdout); // welcome + one reply per message
        Assert.All(replies, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("text").GetString())));
    }
}
