using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Harmony.Benchmarks.Kademlia;

/// <summary>
/// Produces the 10,000-node statistics report once (a cold single run, not a timing): run with
/// <c>--filter '*KademliaReport*'</c>. The report is printed and written to <c>kademlia-report.md</c> in the
/// directory named by <c>HARMONY_KAD_REPORT_DIR</c> (default: the system temp folder).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class KademliaReportBenchmark
{
    [Params(10_000)]
    public int Nodes { get; set; }

    [Benchmark]
    public int Report()
    {
        var report = KademliaReport.Run(Nodes, lookups: 1000, seed: 2026);
        var directory = Environment.GetEnvironmentVariable("HARMONY_KAD_REPORT_DIR") ?? Path.GetTempPath();
        var path = Path.Combine(directory, "kademlia-report.md");
        File.WriteAllText(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"// report written to {path}");
        return report.Length;
    }
}
