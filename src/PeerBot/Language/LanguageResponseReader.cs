using System.Globalization;
using PeerBot.Conversations;

namespace PeerBot.Language;

/// <summary>Maps wire documents to our records, in input order, resolving opinion-mining relations.</summary>
internal static class LanguageResponseReader
{
    public static IReadOnlyList<LanguageDocumentResult<T>> InInputOrder<TWire, T>(
        int count, LanguageWire.Results<TWire>? results, Func<TWire, string?> idOf,
        Func<TWire, T> map, Func<TWire, IReadOnlyList<LanguageWire.Warning>?> warningsOf)
        where T : class
    {
        var byId = new Dictionary<string, LanguageDocumentResult<T>>(StringComparer.Ordinal);
        foreach (var document in results?.Documents ?? [])
        {
            var id = idOf(document);
            if (id is null)
                continue;
            var warnings = (warningsOf(document) ?? []).Select(w => new LanguageWarning(w.Code ?? "Unknown")).ToList();
            byId[id] = new LanguageDocumentResult<T>(id, map(document), null, warnings);
        }

        foreach (var error in results?.Errors ?? [])
        {
            if (error.Id is null)
                continue;
            byId[error.Id] = new LanguageDocumentResult<T>(error.Id, null,
                new LanguageError(error.Error?.Code ?? "Unknown", error.Error?.InnerError?.Code), []);
        }

        var ordered = new LanguageDocumentResult<T>[count];
        for (var i = 0; i < count; i++)
        {
            var id = DocumentId(i);
            ordered[i] = byId.TryGetValue(id, out var found)
                ? found
                : new LanguageDocumentResult<T>(id, null, new LanguageError(LanguageError.NotReturnedCode, null), []);
        }
        return ordered;
    }

    /// <summary>Ids are the 1-based input position, as in the service's own examples.</summary>
    public static string DocumentId(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    public static DocumentSentiment Sentiment(LanguageWire.SentimentDocument document)
    {
        var sentences = new List<SentenceSentiment>();
        foreach (var sentence in document.Sentences ?? [])
        {
            var assessments = (sentence.Assessments ?? []).Select(a => new SentimentAssessment(
                Label(a.Sentiment), Scores(a.ConfidenceScores), a.Offset, a.Length, new ClientText(a.Text ?? ""),
                a.IsNegated)).ToList();
            sentences.Add(new SentenceSentiment(Label(sentence.Sentiment), Scores(sentence.ConfidenceScores),
                sentence.Offset, sentence.Length, new ClientText(sentence.Text ?? ""), [], assessments));
        }

        // Targets point at assessments with JSON pointers ("#/documents/0/sentences/1/assessments/0"), so they
        // are resolved once every sentence's assessments exist.
        var resolved = new List<SentenceSentiment>(sentences.Count);
        var wireSentences = document.Sentences ?? [];
        for (var s = 0; s < sentences.Count; s++)
        {
            var targets = (wireSentences[s].Targets ?? []).Select(t => new SentimentTarget(
                Label(t.Sentiment), Scores(t.ConfidenceScores), t.Offset, t.Length, new ClientText(t.Text ?? ""),
                (t.Relations ?? [])
                    .Where(r => string.Equals(r.RelationType, "assessment", StringComparison.OrdinalIgnoreCase))
                    .Select(r => Resolve(r.Ref, sentences))
                    .OfType<SentimentAssessment>()
                    .ToList())).ToList();
            resolved.Add(sentences[s] with { Targets = targets });
        }

        return new DocumentSentiment(Label(document.Sentiment), Scores(document.ConfidenceScores), resolved);
    }

    public static PiiDocument Pii(LanguageWire.PiiDocument document) =>
        new(new ClientText(document.RedactedText ?? ""),
            (document.Entities ?? []).Select(e => new PiiEntity(e.Category ?? "Unknown", e.Subcategory, e.Offset,
                e.Length, e.ConfidenceScore, new ClientText(e.Text ?? ""))).ToList());

    public static TextSentiment Label(string? value) => value?.ToUpperInvariant() switch
    {
        "POSITIVE" => TextSentiment.Positive,
        "NEGATIVE" => TextSentiment.Negative,
        "MIXED" => TextSentiment.Mixed,
        _ => TextSentiment.Neutral,
    };

    private static SentimentScores Scores(LanguageWire.Scores? scores) =>
        scores is null ? new SentimentScores(0, 0, 0) : new SentimentScores(scores.Positive, scores.Neutral, scores.Negative);

    private static SentimentAssessment? Resolve(string? pointer, List<SentenceSentiment> sentences)
    {
        // "#/documents/{d}/sentences/{s}/assessments/{a}"; the document part is the result's own position.
        var parts = pointer?.Split('/');
        if (parts is not { Length: 7 } || parts[3] != "sentences" || parts[5] != "assessments")
            return null;
        if (!int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ||
            !int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            return null;
        return s < sentences.Count && a < sentences[s].Assessments.Count ? sentences[s].Assessments[a] : null;
    }
}
