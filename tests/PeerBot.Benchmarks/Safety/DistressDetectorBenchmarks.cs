using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PeerBot.Conversations;
using PeerBot.Safety;
using PeerBot.Safety.Lexicon;

namespace PeerBot.Benchmarks.Safety;

/// <summary>
/// Issue 4 speed goals: a 160-char scan ≤ 2 µs median, a 2,000-char scan ≤ 10 µs, no allocation for a message
/// without a hit, lexicon load ≤ 50 ms. Run: <c>dotnet run -c Release --project tests/PeerBot.Benchmarks --
/// --filter *DistressDetector*</c>. Short run, in process (no generated project to build on a shared machine).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class DistressDetectorBenchmarks
{
    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            // The goals are medians (issue 4).
            AddColumn(StatisticColumn.Median);
        }
    }

    private const string Everyday =
        "hey just got off my shift, gonna grab some food and head to group at 7. can you text me the zoom link? thx!!";

    private DistressDetector _detector = null!;
    private string _lexiconPath = null!;
    private ClientText _none160;
    private ClientText _crisis160;
    private ClientText _none2000;
    private ClientText _adversarial4000;

    [GlobalSetup]
    public void Setup()
    {
        _lexiconPath = SafetyPaths.FindLexicon(AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        _detector = DistressDetector.FromFile(_lexiconPath);
        _none160 = new ClientText(Fit(Everyday + " see you there, bringing snacks for everyone", 160));
        _crisis160 = new ClientText(Fit("honestly i can't do this anymore, everyone would be better off without me. i keep thinking about taking all my pills tonight", 160));
        _none2000 = new ClientText(Fit(string.Concat(Enumerable.Repeat(Everyday + " ", 20)), 2000));
        _adversarial4000 = new ClientText(Fit(string.Concat(Enumerable.Repeat("i want to want to i i want want to to ... ", 100)), 4000));
    }

    private static string Fit(string text, int length)
    {
        while (text.Length < length)
            text += " " + text;
        return text[..length];
    }

    [Benchmark(Baseline = true)]
    public DistressTier Scan160_None() => _detector.Scan(_none160).Tier;

    [Benchmark]
    public DistressTier Scan160_Crisis() => _detector.Scan(_crisis160).Tier;

    [Benchmark]
    public DistressTier Scan2000_None() => _detector.Scan(_none2000).Tier;

    [Benchmark]
    public DistressTier Scan4000_Adversarial() => _detector.Scan(_adversarial4000).Tier;

    [Benchmark]
    public int LoadLexicon() => LexiconLoader.Load(_lexiconPath).Rules.Length;
}
