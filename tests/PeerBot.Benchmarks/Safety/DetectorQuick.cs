using System.Diagnostics;
using System.Globalization;
using PeerBot.Conversations;
using PeerBot.Safety;
using PeerBot.Safety.Lexicon;

namespace PeerBot.Benchmarks.Safety;

/// <summary>
/// Quick looks at the distress detector without BenchmarkDotNet's harness (for iterating on a busy machine):
/// <c>detector-quick [scans]</c> prints stopwatch medians of the benchmark inputs and of lexicon loads;
/// <c>detector-dump &lt;file.tsv&gt;...</c> prints every row's tier and signals (rule, tier, explanation), so two
/// builds can be compared line by line.
/// </summary>
internal static class DetectorQuick
{
    public static void Run(int scans)
    {
        var bench = new DistressDetectorBenchmarks();
        var load = Stopwatch.StartNew();
        bench.Setup();
        Console.WriteLine(FormattableString.Invariant($"first load (cold, with JIT): {load.Elapsed.TotalMilliseconds:F1} ms"));
        var loads = new double[15];
        for (var i = 0; i < loads.Length; i++)
        {
            var sw = Stopwatch.StartNew();
            bench.LoadLexicon();
            loads[i] = sw.Elapsed.TotalMilliseconds;
        }
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        bench.LoadLexicon();
        var loadBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine(FormattableString.Invariant(
            $"load: median {Median(loads):F1} ms, min {loads.Min():F1} ms (15 loads), {loadBytes / 1048576.0:F1} MB allocated per load"));
        var path = SafetyPaths.FindLexicon(AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var content = File.ReadAllText(path);
        var yaml = new double[15];
        var events = new double[15];
        for (var i = 0; i < yaml.Length; i++)
        {
            var sw = Stopwatch.StartNew();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(content));
            yaml[i] = sw.Elapsed.TotalMilliseconds;
            if (i == 0)
                Console.WriteLine(FormattableString.Invariant($"  YamlStream.Load allocates {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1048576.0:F1} MB"));
            sw.Restart();
            var parser = new YamlDotNet.Core.Parser(new StringReader(content));
            while (parser.MoveNext())
            {
            }
            events[i] = sw.Elapsed.TotalMilliseconds;
        }
        Console.WriteLine(FormattableString.Invariant($"  YamlStream.Load: median {Median(yaml):F1} ms; parser events only: median {Median(events):F1} ms"));
        Time("Scan160_None", scans, () => bench.Scan160_None());
        Time("Scan160_Crisis", scans, () => bench.Scan160_Crisis());
        Time("Scan2000_None", scans / 10, () => bench.Scan2000_None());
        Time("Scan4000_Adversarial", scans / 20, () => bench.Scan4000_Adversarial());
        Breakdown(scans / 10);
    }

    /// <summary>Normalize+lookup alone, then with the trie walk, on the 2,000-character everyday text.</summary>
    private static void Breakdown(int scans)
    {
        var lexicon = LexiconLoader.Load(SafetyPaths.FindLexicon(AppContext.BaseDirectory, Directory.GetCurrentDirectory()));
        var text = string.Concat(Enumerable.Repeat("hey just got off my shift, gonna grab some food and head to group at 7. can you text me the zoom link? thx!! ", 20))[..2000];
        var norm = new char[4000];
        var tokens = new PeerBot.Safety.Matching.Token[4000];
        var matches = new PeerBot.Safety.Matching.PatternMatch[12016];
        var count = lexicon.Tokenize(text, norm, tokens, 4000);
        var found = lexicon.Trie.MatchAll(tokens.AsSpan(0, count), matches);
        Console.WriteLine(FormattableString.Invariant($"trie nodes {lexicon.Trie.NodeCount}, words {lexicon.Vocabulary.Count}, patterns {lexicon.PatternCount}, targets {lexicon.Targets.Length}"));
        Console.WriteLine(FormattableString.Invariant($"2000-char text: {count} tokens, {found} trie matches"));
        Time("  tokenize only", scans, () => (DistressTier)lexicon.Tokenize(text, norm, tokens, 4000));
        Time("  normalize only", scans, () =>
        {
            int n = 0, se = 0, cl = 0;
            return (DistressTier)PeerBot.Safety.Matching.TextNormalizer.Normalize(text, 0, norm, ref n, tokens, 0, ref se, ref cl);
        });
        lexicon.Tokenize(text, norm, tokens, 4000);
        Time("  trie walk only", scans, () => (DistressTier)lexicon.Trie.MatchAll(tokens.AsSpan(0, count), matches));
    }

    private static void Time(string name, int scans, Func<DistressTier> scan)
    {
        for (var i = 0; i < scans / 10; i++)
            scan();
        var rounds = new double[31];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < rounds.Length; r++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < scans / rounds.Length; i++)
                scan();
            rounds[r] = sw.Elapsed.TotalMicroseconds / (scans / rounds.Length);
        }
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(scans / rounds.Length * rounds.Length);
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: median {Median(rounds):F3} µs, min {rounds.Min():F3} µs, {allocated:F1} B/scan"));
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Runs one benchmark body in a loop (for a profiler): load, 160, crisis, 2000 or adversarial.</summary>
    public static void Loop(string what, int times)
    {
        var bench = new DistressDetectorBenchmarks();
        bench.Setup();
        Func<int> body = what switch
        {
            "load" => bench.LoadLexicon,
            "160" => () => (int)bench.Scan160_None(),
            "crisis" => () => (int)bench.Scan160_Crisis(),
            "2000" => () => (int)bench.Scan2000_None(),
            _ => () => (int)bench.Scan4000_Adversarial(),
        };
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
            body();
        Console.WriteLine(FormattableString.Invariant($"{what}: {sw.Elapsed.TotalMicroseconds / times:F3} µs each"));
    }

    public static void Dump(IEnumerable<string> files)
    {
        var detector = DistressDetector.FromFile(SafetyPaths.FindLexicon(AppContext.BaseDirectory, Directory.GetCurrentDirectory()));
        foreach (var file in files)
        {
            var rows = EvaluationFile.Read(file, out var error) ?? throw new InvalidOperationException(error);
            foreach (var row in rows)
            {
                var assessment = detector.Scan(new ClientText(row.Text));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}:{row.Line}\t{assessment.Tier}"));
                foreach (var s in assessment.Signals)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Tier}\t{s.Category}\t{s.RuleId}\t{s.Explanation}"));
            }
        }
    }
}
