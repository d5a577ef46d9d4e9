using PeerBot.Safety;
using Xunit;

namespace PeerBot.Tests.Safety;

/// <summary>Bad input never throws and long input is scanned at both ends (adversarial timing is in the benchmarks).</summary>
public sealed class RobustnessTests(DetectorFixture fixture) : IClassFixture<DetectorFixture>
{
    public static TheoryData<string> OddInputs() => new(
        string.Empty,
        "   ",
        "\0\u0001\u0002\u001b[31m",
        "\uD800 lone high surrogate",
        "lone low \uDC00 surrogate",
        "\uD83D",
        "😀😀😀🙃🙃",
        "e" + new string('\u0301', 10_000),
        "Привет мир こんにちは 世界 مرحبا",
        new string('a', 100_000),
        string.Concat(Enumerable.Repeat("kill ", 20_000)),
        string.Concat(Enumerable.Repeat("i want to ", 10_000)),
        // near-misses for every gap and alternative: a backtracking engine would blow up here (time is benchmarked)
        string.Concat(Enumerable.Repeat("i want to want to i i want want to to ... ", 2_500)),
        string.Concat(Enumerable.Repeat("💊", 50_000)));

    [Theory, MemberData(nameof(OddInputs))]
    public void Scan_OddInput_DoesNotThrow(string text)
    {
        var assessment = fixture.Scan(text);
        Assert.NotNull(assessment);
    }

    [Fact]
    public void Scan_HugeMessage_ScansStartAndEnd()
    {
        var filler = string.Concat(Enumerable.Repeat("nothing much going on here today. ", 3_000));
        Assert.Equal(DistressTier.Crisis, fixture.Scan("i want to die. " + filler).Tier);
        Assert.Equal(DistressTier.Crisis, fixture.Scan(filler + " i want to die").Tier);
        Assert.Equal(DistressTier.None, fixture.Scan(filler).Tier);
    }

    [Fact]
    public void Scan_NoHit_ReturnsSharedNoneInstance() =>
        Assert.Same(DistressAssessment.None, fixture.Scan("see you at group on thursday"));
}
