using PeerBot.Conversations;
using PeerBot.Safety;

namespace PeerBot.Tests.Safety;

/// <summary>The shipped lexicon, loaded once and shared read-only by the detector tests.</summary>
public sealed class DetectorFixture
{
    internal DistressDetector Detector { get; } = DistressDetector.FromFile(SafetyTestPaths.Lexicon);

    internal DistressAssessment Scan(string text) => Detector.Scan(new ClientText(text));
}
