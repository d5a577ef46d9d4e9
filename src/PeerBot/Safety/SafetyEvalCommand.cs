using System.Globalization;
using System.Text.Json;
using PeerBot.Safety.Lexicon;
using PeerBot.Safety.Matching;

namespace PeerBot.Safety;

/// <summary>
/// <c>safety eval &lt;file.tsv&gt; [--json] [--errors] [--lexicon path]</c>: scans every row of a labelled file
/// (header <c>text&lt;TAB&gt;tier&lt;TAB&gt;note</c>) and prints the metrics. <paramref name="args"/> are the
/// arguments after "safety eval". Exit code 0 on success, 2 on bad input or an invalid lexicon.
/// </summary>
public static class SafetyEvalCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, lexiconPath = null;
        bool json = false, errors = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--errors":
                    errors = true;
                    break;
                case "--lexicon" when i + 1 < args.Length:
                    lexiconPath = args[++i];
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null)
                        return Fail(stderr, $"unexpected argument '{args[i]}'");
                    file = args[i];
                    break;
            }
        }
        if (file is null)
            return Fail(stderr, "missing evaluation file");
        if (!File.Exists(file))
            return Fail(stderr, $"evaluation file not found: {file}");

        var rows = EvaluationFile.Read(file, out var error);
        if (rows is null)
            return Fail(stderr, error!);

        DistressDetector detector;
        try
        {
            detector = DistressDetector.FromFile(lexiconPath
                ?? SafetyPaths.FindLexicon(Directory.GetCurrentDirectory(), AppContext.BaseDirectory));
        }
        catch (LexiconException ex)
        {
            return Fail(stderr, ex.Message);
        }

        var evaluation = SafetyEvaluation.Run(detector, rows);
        if (json)
            WriteJson(evaluation, stdout);
        else
            WriteText(evaluation, stdout);
        if (errors)
            WriteErrors(evaluation, stdout);
        return Task.FromResult(0);
    }

    private static Task<int> Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"safety eval: {message}");
        stderr.WriteLine("usage: safety eval <file.tsv> [--json] [--errors] [--lexicon <lexicon.yaml>]");
        return Task.FromResult(2);
    }

    private static void WriteJson(SafetyEvaluation e, TextWriter stdout)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("n", e.N);
            w.WriteStartObject("recall");
            foreach (var tier in SafetyEvaluation.TierOrder)
                w.WriteNumber(SignalJudge.Label(tier), Math.Round(e.Recall(tier), 4));
            w.WriteEndObject();
            w.WriteStartObject("atOrAboveRecall");
            foreach (var tier in SafetyEvaluation.TierOrder.Where(t => t != DistressTier.None))
                w.WriteNumber(SignalJudge.Label(tier), Math.Round(e.AtOrAboveRecall(tier), 4));
            w.WriteEndObject();
            w.WriteNumber("noneFalsePositiveRate", Math.Round(e.NoneFalsePositiveRate, 4));
            w.WriteNumber("criticalMisses", e.CriticalMisses.Count);
            w.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Every row predicted at a different tier, with the signals behind the prediction.</summary>
    private static void WriteErrors(SafetyEvaluation e, TextWriter o)
    {
        foreach (var r in e.Results.Where(r => r.Predicted != r.Row.Gold))
        {
            o.WriteLine($"line {r.Row.Line}: gold {SignalJudge.Label(r.Row.Gold)}, predicted {SignalJudge.Label(r.Predicted)}: {r.Row.Text}  [{r.Row.Note}]");
            foreach (var signal in r.Assessment.Signals)
                o.WriteLine($"    {signal.Explanation}");
        }
    }

    private static void WriteText(SafetyEvaluation e, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"rows: {e.N}"));
        o.WriteLine("tier        recall  precision  at-or-above recall");
        foreach (var tier in SafetyEvaluation.TierOrder)
        {
            var above = tier == DistressTier.None ? "" : e.AtOrAboveRecall(tier).ToString("0.000", c);
            o.WriteLine(string.Create(c, $"{SignalJudge.Label(tier),-10}  {e.Recall(tier),6:0.000}  {e.Precision(tier),9:0.000}  {above}"));
        }
        o.WriteLine(string.Create(c, $"false-positive rate on gold none: {e.NoneFalsePositiveRate:0.000}"));
        o.WriteLine();
        o.WriteLine("confusion (rows gold, columns predicted):");
        o.WriteLine("gold\\pred     crisis     high moderate     none");
        foreach (var gold in SafetyEvaluation.TierOrder)
        {
            var cells = string.Concat(SafetyEvaluation.TierOrder.Select(p => e.Count(gold, p).ToString(c).PadLeft(9)));
            o.WriteLine($"{SignalJudge.Label(gold),-10}{cells}");
        }
        o.WriteLine();
        var misses = e.CriticalMisses;
        o.WriteLine(string.Create(c, $"critical misses (gold crisis predicted none or moderate): {misses.Count}"));
        foreach (var miss in misses)
            o.WriteLine(string.Create(c, $"  line {miss.Row.Line}: predicted {SignalJudge.Label(miss.Predicted)}: {miss.Row.Text}"));
    }
}
