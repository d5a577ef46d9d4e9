using PeerBot.Dialogs.Running;
using Xunit;

namespace PeerBot.Tests.Dialogs;

public sealed class AnswerMatcherTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Needs =
    [
        ["A craving", "Un antojo", "cravings"],
        ["Anxiety or panic", "Ansiedad o pánico", "anxiety"],
        ["Anger", "Enojo"],
        ["Loneliness", "Soledad"],
    ];

    [Theory]
    [InlineData("2", 1)]
    [InlineData(" 2. ", 1)]
    [InlineData("ANGER", 2)]
    [InlineData("soledád", 3)]
    [InlineData("anxeity", 1)]
    [InlineData("angr", 2)]
    [InlineData("lonel", 3)]
    [InlineData("ansiedad o panico", 1)]
    [InlineData("I think anger today", 2)]
    public void MatchChoice_NumberWordTypoOrPrefix_PicksTheOption(string input, int expected) =>
        Assert.Equal(expected, AnswerMatcher.MatchChoice(input, Needs));

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("an")]
    [InlineData("banana")]
    [InlineData("")]
    public void MatchChoice_NoClearOption_ReturnsMinusOne(string input) =>
        Assert.Equal(-1, AnswerMatcher.MatchChoice(input, Needs));

    [Fact]
    public void MatchChoice_AmbiguousPrefix_ReturnsMinusOne() =>
        Assert.Equal(-1, AnswerMatcher.MatchChoice("an", [["Anger"], ["Anxiety"]]));

    [Fact]
    public void MatchChoice_ExactOnly_IgnoresNumbersAndTypos()
    {
        Assert.Equal(-1, AnswerMatcher.MatchChoice("2", Needs, exactOnly: true));
        Assert.Equal(-1, AnswerMatcher.MatchChoice("angr", Needs, exactOnly: true));
        Assert.Equal(2, AnswerMatcher.MatchChoice("anger!", Needs, exactOnly: true));
    }

    [Theory]
    [InlineData("yes", 0)]
    [InlineData("Yse", 0)]
    [InlineData("2", 1)]
    [InlineData("nope", 1)]
    [InlineData("I'm not sure", -1)]
    [InlineData("ye", -1)]
    [InlineData("yes and no", -1)]
    public void MatchChoice_Strict_NeverReadsASentenceAsYes(string input, int expected) =>
        Assert.Equal(expected, AnswerMatcher.MatchChoice(input, [["yes", "sure", "okay"], ["no", "nope", "not now"]], strict: true));

    [Theory]
    [InlineData("about 7", 7)]
    [InlineData("10/10", 10)]
    [InlineData("-1", -1)]
    public void FirstNumber_FindsTheFirstWholeNumber(string input, int expected) =>
        Assert.Equal(expected, AnswerMatcher.FirstNumber(input));

    [Fact]
    public void FirstNumber_NoDigits_IsNull() => Assert.Null(AnswerMatcher.FirstNumber("seven"));
}
