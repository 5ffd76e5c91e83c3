using Harmony.Consensus.Tests.Infrastructure;
using Harmony.Consensus.Tests.Simulation;
using Xunit.Abstractions;

namespace Harmony.Consensus.Tests.Faults;

/// <summary>
/// At least 1,000 seeded scenarios per run over committees of 4, 7 and 16 with message delay, loss, duplication and
/// reordering, healing partitions, crashes and restarts, silent and equivocating leaders, double signers and invalid
/// signers (at most f faulty keys). Each asserts safety (no two nodes commit different blocks at a height), liveness
/// (every honest node commits more blocks after the last disturbance) and that every double signer whose votes
/// reached an honest node is caught with evidence that verifies. Uses the cheap test signature scheme.
/// </summary>
public class SeededScenarioTests(ITestOutputHelper output)
{
    private static readonly int ScenarioCount = int.TryParse(Environment.GetEnvironmentVariable("HARMONY_SIM_COUNT"), out int count) ? count : 1000;

    [Fact]
    public void A_thousand_seeded_fault_scenarios_are_safe_live_and_catch_every_double_signer()
    {
        var (runs, evidence, failures) = ScenarioRunner.Run(Enumerable.Range(0, ScenarioCount), seed => ScenarioGenerator.Create(seed, InsecureTestBlsScheme.Instance));
        output.WriteLine($"{runs} scenarios, {failures.Count} failures, {evidence} double-sign records verified");
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine(failure);
        }

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void The_seeds_cover_every_committee_size_fault_kind_and_network_disturbance()
    {
        var specs = Enumerable.Range(0, ScenarioCount).Select(seed => ScenarioGenerator.Create(seed, InsecureTestBlsScheme.Instance)).ToList();
        foreach (int size in new[] { 4, 7, 16 })
        {
            specs.Count(s => s.CommitteeSize == size).ShouldBeGreaterThan(ScenarioCount / 5);
        }

        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            specs.Count(s => s.Faults.Any(f => f.Kind == kind)).ShouldBeGreaterThan(ScenarioCount / 20, kind.ToString());
        }

        specs.Count(s => s.Faults.Any(f => f is { Kind: FaultKind.Crash, Until: not null })).ShouldBeGreaterThan(ScenarioCount / 40);
        specs.Count(s => s.Partitions.Count > 0).ShouldBeGreaterThan(ScenarioCount / 10);
        specs.Count(s => s.NodeKeys.Any(k => k.Length > 1)).ShouldBeGreaterThan(ScenarioCount / 20);
        specs.Count(s => s.Staked).ShouldBeGreaterThan(ScenarioCount / 10);
        specs.ShouldAllBe(s => s.Faults.Sum(f => s.NodeKeys[f.Node].Length) <= (s.CommitteeSize - 1) / 3);
    }
}
