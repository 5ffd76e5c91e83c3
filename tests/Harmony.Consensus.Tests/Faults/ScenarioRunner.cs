using System.Collections.Concurrent;
using System.Globalization;
using Harmony.Consensus.Tests.Simulation;

namespace Harmony.Consensus.Tests.Faults;

/// <summary>Runs many seeded scenarios across the cores and reports every failing seed so it can be replayed.</summary>
internal static class ScenarioRunner
{
    /// <summary>Set to a seed to run only that scenario (replay).</summary>
    public const string ReplayVariable = "HARMONY_SIM_SEED";

    public static (int Runs, int Evidence, IReadOnlyList<string> Failures) Run(IEnumerable<int> seeds, Func<int, ScenarioSpec> create)
    {
        var chosen = seeds.ToList();
        if (int.TryParse(Environment.GetEnvironmentVariable(ReplayVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int replay))
        {
            chosen = chosen.Contains(replay) ? [replay] : [];
        }

        var failures = new ConcurrentBag<string>();
        int evidence = 0;
        Parallel.ForEach(chosen, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var spec = create(seed);
            string? failure;
            int found = 0;
            try
            {
                var simulation = new Simulation.Simulation(spec);
                failure = simulation.Run();
                found = simulation.Evidence.Count;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = $"crashed: {e}";
            }

            Interlocked.Add(ref evidence, found);
            if (failure is not null)
            {
                failures.Add($"{failure}\n    replay: {ReplayVariable}={seed} ({spec})");
            }
        });

        return (chosen.Count, evidence, failures.OrderBy(f => f, StringComparer.Ordinal).ToList());
    }
}
