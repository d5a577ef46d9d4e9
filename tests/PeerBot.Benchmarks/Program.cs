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
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
