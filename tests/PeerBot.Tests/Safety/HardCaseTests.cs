using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>One theory per hard-case family (DISTRESS.md §4), with sentences written for these tests.</summary>
public sealed class HardCaseTests(DetectorFixture fixture) : IClassFixture<DetectorFixture>
{
    [Theory]
    [InlineData("I would never kill myself, I promised my daughter", DistressTier.None)]
    [InlineData("not thinking about suicide at all, just bored", DistressTier.None)]
    [InlineData("I don't want to die, I want this pain to stop", DistressTier.High)] // DISTRESS.md §7: denial + psychache = high
    [InlineData("I hope I don't die on this hike lol", DistressTier.None)]
    [InlineData("I won't do anything, but I keep wishing I was dead", DistressTier.Crisis)]
    [InlineData("haven't used in 6 months and feeling good", DistressTier.None)]
    [InlineData("ngl I think about being dead most nights", DistressTier.Crisis)]
    [InlineData("I'm not suicidal, just really exhausted", DistressTier.Moderate)]
    public void Negation_CancelsOnlyWhatItNegates(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("I do not want to wake up tomorrow", "I don't want to wake up tomorrow")] // missed before contractions
    [InlineData("I do not want to be alive anymore", "I don't want to be alive anymore")]
    [InlineData("I cannot keep living like this", "I can't keep living like this")]
    [InlineData("I am going to end it tonight", "I'm going to end it tonight")]
    [InlineData("I do not want to die", "I don't want to die")]
    [InlineData("I have not used in a year and I am proud", "I haven't used in a year and I'm proud")]
    public void SpelledOut_ReadsLikeTheContraction(string formal, string contracted) =>
        Assert.Equal(fixture.Scan(contracted).Tier, fixture.Scan(formal).Tier);

    [Fact]
    public void SpelledOut_WishNotToWake_IsCrisis() =>
        Assert.Equal(DistressTier.Crisis, fixture.Scan("I do not want to wake up tomorrow").Tier);

    [Theory]
    [InlineData("my sister is absolutely killing it at her new job")]
    [InlineData("this commute is killing me lol")]
    [InlineData("I'm dying to try that new taco place")]
    [InlineData("the brownies were to die for")]
    [InlineData("my tablet died halfway through the movie")]
    [InlineData("got a booster shot at the pharmacy")]
    [InlineData("picked up my kids from practice")]
    [InlineData("my boy hit a home run today")]
    [InlineData("studying for the bar exam all weekend")]
    [InlineData("hooked on this podcast about overdose prevention")]
    public void IdiomsAndFalseFriends_AreNotFlagged(string text) =>
        Assert.Equal(DistressTier.None, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("i wanna dieeeeee", DistressTier.Crisis)]
    [InlineData("sooooo lonelyyyy tonight", DistressTier.Moderate)]
    [InlineData("I RELAPSEDDDD", DistressTier.High)]
    [InlineData("KILLLL MYSELFFF", DistressTier.Crisis)]
    public void Elongation_IsCollapsed(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("k1ll mys3lf", DistressTier.Crisis)]
    [InlineData("feeling su1c1dal again", DistressTier.Crisis)]
    [InlineData("r3lapsed on friday", DistressTier.High)]
    public void Leetspeak_IsUndone(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("gonna kil myslef", DistressTier.Crisis)]
    [InlineData("been feeling suicidle", DistressTier.Crisis)]
    [InlineData("so lonly these days", DistressTier.Moderate)]
    public void Misspellings_AreMapped(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("thinking about sewer slide", DistressTier.Crisis)]
    [InlineData("ready to unalive tbh", DistressTier.Crisis)]
    [InlineData("lowkey kms", DistressTier.Crisis)]
    [InlineData("zooted at work again", DistressTier.High)]
    public void Slang_IsRecognised(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("💊💊💊 tonight", DistressTier.Crisis)]
    [InlineData("🩸🩸", DistressTier.Crisis)]
    [InlineData("😔😔", DistressTier.Moderate)]
    [InlineData("💀💀 you're hilarious", DistressTier.None)]
    [InlineData("took my vitamins 💊✅", DistressTier.None)]
    [InlineData("🎉🎉🎉", DistressTier.None)]
    public void Emoji_AreTokens(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("ya no quiero vivir", DistressTier.Crisis)]
    [InlineData("me quiero matar esta noche", DistressTier.Crisis)]
    [InlineData("quiero morir", DistressTier.Crisis)]
    [InlineData("QUIERO MORIRME YA", DistressTier.Crisis)]
    [InlineData("tomé todas las pastillas", DistressTier.Crisis)]
    [InlineData("nos vemos en la reunión del jueves", DistressTier.None)]
    public void Spanish_CrisisPhrasesAreRecognised(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("I used to cut myself in high school, I'm proud of how far I've come", DistressTier.None)]
    [InlineData("my overdose was back in 2014, life is better now", DistressTier.None)]
    [InlineData("I overdosed last night and my roommate found me", DistressTier.Crisis)]
    public void Tense_PastIsResolvedRecentIsNot(string text, DistressTier expected) =>
        Assert.Equal(expected, fixture.Scan(text).Tier);

    [Theory]
    [InlineData("my brother says he wants to die", DistressTier.Crisis)]
    [InlineData("my cousin is not breathing after using", DistressTier.Crisis)]
    [InlineData("my son relapsed again and won't answer", DistressTier.Moderate)]
    public void ThirdPerson_CrisisStaysCrisis(string text, DistressTier expected)
    {
        var assessment = fixture.Scan(text);
        Assert.Equal(expected, assessment.Tier);
        Assert.Contains("another person", assessment.Top!.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I WANT TO DIE")]
    [InlineData("i want to díe")]
    [InlineData("i want to d\u0301ie")]
    [InlineData("kill\u200Bmyself")]
    [InlineData("ｋｍｓ")]
    public void Normalization_CaseDiacriticsAndInvisibleMarks(string text)
    {
        var tier = fixture.Scan(text).Tier;
        Assert.Equal(DistressTier.Crisis, tier);
    }
}
