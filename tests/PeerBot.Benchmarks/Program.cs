using BenchmarkDotNet.Running;
using PeerBot.Benchmarks.Scheduling;

namespace PeerBot.Benchmarks;

public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // "scheduler-quick <count>/<rate> [iterations]": the scheduler benchmark's own timing without BenchmarkDotNet's
        // harness, for a short look on a busy machine.
        if (args is ["scheduler-quick", var scheduleCase, ..])
        {
            var iterations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
            using var benchmark = new ScheduledDispatchBenchmark { Case = scheduleCase };
            benchmark.Setup();
            for (var i = 0; i < iterations; i++)
            {
                benchmark.MakeAllDue();
                benchmark.PlanAndDispatchDueCheckIns();
                benchmark.Report();
            }
            benchmark.Cleanup();
            return;
        }
        // "handoff-latency <conversations> [rounds]": per-conversation crisis-to-console latency, printed as p50/p99.
        if (args is ["handoff-latency", var conversations, ..])
        {
            var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
            using var probe = new Handoff.CrisisLatencyProbe { Conversations = int.Parse(conversations, System.Globalization.CultureInfo.InvariantCulture) };
            probe.Start();
            for (var i = 0; i < rounds; i++)
                probe.RoundAsync().GetAwaiter().GetResult();
            Console.WriteLine(probe.Summary());
            return;
        }
        // "handoff-latency-external <PeerBot.dll> <conversations> [rounds]": the same with PeerBot in its own process
        // (run-crisis-external.sh publishes it and passes the path).
        if (args is ["handoff-latency-external", var dll, var count, ..])
        {
            var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
            Environment.ExitCode = Handoff.CrisisLatencyExternal.RunAsync(dll,
                int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), rounds).GetAwaiter().GetResult();
            return;
        }
        // "detector-quick [scans]": stopwatch medians of the distress detector benchmarks; "detector-dump <tsv>...": every
        // row's tier and signals, to compare two builds line by line.
        if (args is ["detector-quick", ..])
        {
            Safety.DetectorQuick.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
            return;
        }
        if (args is ["detector-loop", var what, var times])
        {
            Safety.DetectorQuick.Loop(what, int.Parse(times, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (args is ["detector-dump", ..])
        {
            Safety.DetectorQuick.Dump(args.Skip(1));
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
