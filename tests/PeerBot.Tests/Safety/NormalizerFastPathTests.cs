using System.Text;
using PeerBot.Safety.Matching;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>
/// The normalizer's chunked ASCII fast path must give exactly the tokens of its general character loop: every
/// field of every token and every token's normalized characters, on real messages and on seeded random text full of
/// the cases the fast path hands over (digits, apostrophes, elongation, accents, emoji, chunk edges).
/// </summary>
public sealed class NormalizerFastPathTests
{
    public static TheoryData<string> Corpora() => new("dev", "batches", "sms");

    [Theory, MemberData(nameof(Corpora))]
    public void Normalize_RealMessages_FastPathEqualsGeneralLoop(string corpus)
    {
        var texts = corpus switch
        {
            "dev" => Rows(SafetyTestPaths.DevSet),
            "batches" => Directory.GetFiles(Path.Combine(SafetyTestPaths.RepoRoot, "tests", "PeerBot.Tests", "Safety"), "*.tsv")
                .SelectMany(Rows).ToList(),
            _ => File.ReadLines(SafetyTestPaths.SmsCorpus).Select(line => line[(line.IndexOf('\t') + 1)..]).ToList(),
        };
        Assert.True(texts.Count > 100);
        foreach (var text in texts)
        {
            AssertSame(text);
            // Long messages put words across chunk edges at every offset.
            AssertSame(string.Join(' ', Enumerable.Repeat(text, 4)));
        }
    }

    [Fact]
    public void Normalize_RandomText_FastPathEqualsGeneralLoop()
    {
        string[] pieces =
        [
            "a", "b", "e", "i", "o", "s", "t", "z", "A", "E", "Z", " ", " ", " ", "  ", ".", ",", "!", "?", ";", ":",
            "(", ")", "\"", "'", "`", "’", "0", "1", "7", "é", "Ñ", "ß", "😀", "\u200d", "\u0301", "\n", "-", "@", "[",
            "{", "~", "ee", "eee", "EEe", "aaaa", "'s", "n't", "\t", "\uD800", "x", "hello", "WORLD", "die",
        ];
        var random = new Random(20261201);
        for (var round = 0; round < 3000; round++)
        {
            var text = new StringBuilder();
            var parts = random.Next(1, 120);
            for (var k = 0; k < parts; k++)
                text.Append(pieces[random.Next(pieces.Length)]);
            AssertSame(text.ToString());
        }
    }

    [Fact]
    public void Normalize_WordLongerThanAChunk_FastPathEqualsGeneralLoop()
    {
        AssertSame("ok " + string.Concat(Enumerable.Repeat("abcdefghij", 9)) + " then more words after it, and more.");
        AssertSame(string.Concat(Enumerable.Repeat("ab cd ef ", 40)) + new string('q', 33) + " end of the text here ok");
    }

    private static List<string> Rows(string path) =>
        File.ReadLines(path).Skip(1).Select(line => line.Split('\t')[0]).ToList();

    private static void AssertSame(string text)
    {
        var fast = Run(text, vectorized: true);
        var general = Run(text, vectorized: false);
        Assert.Equal(general.Count, fast.Count);
        for (var t = 0; t < general.Count; t++)
            Assert.Equal(general[t], fast[t]);
    }

    private static List<(string Word, int OrigStart, int OrigEnd, int Sentence, int Clause, TokenFlags Flags)> Run(
        string text, bool vectorized)
    {
        var norm = new char[text.Length + 8];
        var tokens = new Token[text.Length + 8];
        int normLength = 0, sentence = 0, clause = 0;
        var count = TextNormalizer.Normalize(text, 0, norm, ref normLength, tokens, 0, ref sentence, ref clause, vectorized);
        return tokens.Take(count)
            .Select(t => (new string(norm, t.NormStart, t.NormLength), t.OrigStart, t.OrigEnd, t.Sentence, t.Clause, t.Flags))
            .ToList();
    }
}
