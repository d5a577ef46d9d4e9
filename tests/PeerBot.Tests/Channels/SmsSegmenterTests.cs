using PeerBot.Channels;
using Xunit;

namespace PeerBot.Tests.Channels;

public sealed class SmsSegmenterTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Segments_Gsm7Text_Uses160Then153(int length, int segments) =>
        Assert.Equal(segments, SmsSegmenter.Segments(new string('a', length)));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Segments_OneNonGsmCharacter_SwitchesToUcs2With70Then67(int length, int segments) =>
        Assert.Equal(segments, SmsSegmenter.Segments("á" + new string('a', length - 1)));

    [Fact]
    public void Length_EscapeTableCharacters_CountTwice()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegmenter.EncodingOf("{€}"));
        Assert.Equal(6, SmsSegmenter.Length("{€}"));
        Assert.Equal(2, SmsSegmenter.Segments(new string('€', 81)));
    }

    [Fact]
    public void EncodingOf_GsmSpanishLetters_StayGsm7_OtherAccentsAndEmojiAreUcs2()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegmenter.EncodingOf("¿Qué tal, señor?"));
        Assert.Equal(SmsEncoding.Ucs2, SmsSegmenter.EncodingOf("¿Cómo estás?"));
        Assert.Equal(SmsEncoding.Ucs2, SmsSegmenter.EncodingOf("ok 🙂"));
    }

    [Fact]
    public void Split_ShortText_IsOneMessageWithoutCounter()
    {
        var parts = SmsSegmenter.Split("How did you sleep last night?", maxSegments: 1);

        Assert.Equal(["How did you sleep last night?"], parts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Split_LongGsmText_EveryPartFitsAndNoWordIsBroken(int maxSegments)
    {
        var words = Enumerable.Range(0, 200).Select(i => $"word{i}x{new string('y', i % 9)}").ToList();
        var text = string.Join(" ", words);

        var parts = SmsSegmenter.Split(text, maxSegments);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(SmsSegmenter.Segments(p) <= maxSegments, $"{SmsSegmenter.Length(p)}: {p}"));
        Assert.All(parts, p => Assert.Equal(SmsEncoding.Gsm7, SmsSegmenter.EncodingOf(p)));
        var rejoined = parts.Select((p, i) => p[..p.LastIndexOf($" ({i + 1}/{parts.Count})", StringComparison.Ordinal)])
            .SelectMany(p => p.Split(' ')).ToList();
        Assert.Equal(words, rejoined);
    }

    [Fact]
    public void Split_UcsText_UsesTheSmallerUcs2Capacity()
    {
        var text = string.Join(" ", Enumerable.Repeat("canción", 60));

        var parts = SmsSegmenter.Split(text, maxSegments: 1);

        Assert.All(parts, p => Assert.True(p.Length <= SmsSegmenter.Ucs2Single, p));
        Assert.All(parts, p => Assert.DoesNotContain("canci ", p + " ", StringComparison.Ordinal));
        Assert.Equal(60, parts.Sum(p => p.Split(' ').Count(w => w == "canción")));
    }

    [Fact]
    public void Split_ParagraphBreak_IsPreferredOverFillingTheMessage()
    {
        var first = string.Join(" ", Enumerable.Repeat("calm", 30));
        var second = "Did that help?\n1. Yes\n2. No\nReply 1 or 2.";

        var parts = SmsSegmenter.Split($"{first}\n\n{second}", maxSegments: 1);

        Assert.Equal($"{second} (2/2)", parts[1]);
    }

    [Fact]
    public void Split_SingleWordLongerThanAMessage_IsCutWithoutSplittingAnEmoji()
    {
        var url = "https://example.org/" + string.Concat(Enumerable.Repeat("🙂", 100));

        var parts = SmsSegmenter.Split(url, maxSegments: 1);

        Assert.All(parts, p => Assert.True(SmsSegmenter.Segments(p) == 1, p));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p.TrimEnd()[^1]) && !p.EndsWith(')'), p));
        Assert.Equal(100, parts.Sum(p => p.Split("🙂").Length - 1));
    }

    [Fact]
    public void Split_FiveThousandCharacters_StaysWithinLimits()
    {
        var text = string.Concat(Enumerable.Repeat("I need to say a lot today. ", 185));

        var parts = SmsSegmenter.Split(text, maxSegments: 2);

        Assert.All(parts, p => Assert.True(SmsSegmenter.Segments(p) <= 2));
    }
}
