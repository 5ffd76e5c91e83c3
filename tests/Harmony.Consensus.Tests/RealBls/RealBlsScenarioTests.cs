using Harmony.Consensus.Tests.Faults;
using Harmony.Consensus.Tests.Simulation;
using Harmony.Crypto.Bls;
using Xunit.Abstractions;

namespace Harmony.Consensus.Tests.RealBls;

/// <summary>
/// Fifty seeded scenarios end to end with real BLS (Harmony's mcl-compatible suite): every key, vote, aggregate and
/// message signature is real, under the same fault model (milder network, committees of 4).
/// </summary>
public class RealBlsScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public void Fifty_seeded_scenarios_with_real_harmony_bls_are_safe_and_live()
    {
        var (runs, evidence, failures) = ScenarioRunner.Run(Enumerable.Range(10_000, 50), seed => ScenarioGenerator.Create(seed, HarmonyBlsScheme.Instance, sizes: [4], mild: true));
        output.WriteLine($"{runs} real-BLS scenarios, {failures.Count} failures, {evidence} double-sign records verified");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(5)));
        runs.ShouldBe(50);
    }
}
