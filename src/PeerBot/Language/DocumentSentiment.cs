using PeerBot.Conversations;

namespace PeerBot.Language;

public enum TextSentiment
{
    Neutral,
    Positive,
    Negative,
    Mixed,
}

/// <summary>Confidence scores 0–1. Targets and assessments have no neutral score (0 there).</summary>
public sealed record SentimentScores(double Positive, double Neutral, double Negative);

/// <summary>Document-level sentiment with its sentences and, with opinion mining, targets and assessments.</summary>
public sealed record DocumentSentiment(
    TextSentiment Sentiment, SentimentScores Scores, IReadOnlyList<SentenceSentiment> Sentences);

public sealed record SentenceSentiment(
    TextSentiment Sentiment,
    SentimentScores Scores,
    int Offset,
    int Length,
    ClientText Text,
    IReadOnlyList<SentimentTarget> Targets,
    IReadOnlyList<SentimentAssessment> Assessments);

/// <summary>What an opinion is about ("food"), with the assessments its relations point to.</summary>
public sealed record SentimentTarget(
    TextSentiment Sentiment,
    SentimentScores Scores,
    int Offset,
    int Length,
    ClientText Text,
    IReadOnlyList<SentimentAssessment> Assessments);

/// <summary>The opinion itself ("unacceptable").</summary>
public sealed record SentimentAssessment(
    TextSentiment Sentiment, SentimentScores Scores, int Offset, int Length, ClientText Text, bool IsNegated);
