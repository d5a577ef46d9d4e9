using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Conversations;

public sealed class MessagesFuzzTests
{
    private const string Seed = """
        {"type":"message","id":"f-1","channelId":"msteams","serviceUrl":"https://connector.test/",
         "from":{"id":"user-1","name":"Client"},"recipient":{"id":"bot-1"},"conversation":{"id":"fuzz-conv"},
         "text":"hello there","locale":"en-US","timestamp":"2026-12-01T10:00:00.000Z",
         "entities":[{"type":"clientInfo","locale":"en-US"}],"channelData":{"tenant":{"id":"t"}}}
        """;

    [Fact]
    public async Task Post_MutatedBodies_NeverA5xx_AndNeighbourConversationUnaffected()
    {
        await using var app = new PeerBotApp();
        using var http = app.CreateClient();
        var random = new Random(20261201);
        var neighbour = new ActivityBuilder();

        for (var i = 0; i < 250; i++)
        {
            var body = Mutate(Encoding.UTF8.GetBytes(Seed), random, i);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/messages", content);

            var status = (int)response.StatusCode;
            Assert.True(status is 200 or (>= 400 and < 500), $"case {i}: {status}");

            if (i % 50 == 0)
            {
                var before = app.Connector.Sent.Count(s => s.ConversationId == neighbour.ConversationId);
                using var ok = await app.SendAsync(neighbour.Message("still here?"));
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
                Assert.True(app.Connector.Sent.Count(s => s.ConversationId == neighbour.ConversationId) > before);
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random random, int round)
    {
        switch (round % 7)
        {
            case 0: // truncated
                return seed[..random.Next(0, seed.Length)];
            case 1: // random byte flips, invalid UTF-8 included
                var flipped = (byte[])seed.Clone();
                for (var k = 0; k < 1 + random.Next(8); k++)
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                return flipped;
            case 2: // wrong types
                string[] wrong = ["\"conversation\":\"x\"", "\"type\":7", "\"from\":[1]", "\"timestamp\":\"not a date\"",
                    "\"entities\":{}", "\"channelData\":null", "\"text\":{\"a\":1}", "\"membersAdded\":\"all\""];
                var text = Encoding.UTF8.GetString(seed);
                var insert = wrong[random.Next(wrong.Length)];
                return Encoding.UTF8.GetBytes(text.Replace("\"locale\":\"en-US\"", insert, StringComparison.Ordinal));
            case 3: // huge text, sometimes above the limit
                var size = random.Next(1, 3) == 1 ? 100_000 : 300_000;
                return Encoding.UTF8.GetBytes(Seed.Replace("hello there", new string('x', size), StringComparison.Ordinal));
            case 4: // deep nesting
                var depth = 200;
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            case 5: // invalid UTF-8 inside a string
                var bytes = new List<byte>(seed);
                var at = Encoding.UTF8.GetString(seed).IndexOf("hello", StringComparison.Ordinal);
                bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE });
                return bytes.ToArray();
            default: // unknown fields and odd but valid values
                return Encoding.UTF8.GetBytes(Seed.Replace("\"text\":\"hello there\"",
                    $"\"text\":\"{new string('\u263A', random.Next(1, 500))}\",\"x-{round}\":{{\"deep\":[null,true,1e308]}}",
                    StringComparison.Ordinal));
        }
    }
}
