using Harmony.Consensus.Tests.Infrastructure;
using Harmony.Consensus.Tests.Simulation;

namespace Harmony.Consensus.Tests.NormalFlow;

public class FourValidatorNormalFlowTests
{
    [Fact]
    public void Four_honest_validators_commit_blocks_in_one_view_each()
    {
        var spec = new ScenarioSpec { Seed = 1, Scheme = InsecureTestBlsScheme.Instance, NodeKeys = [[0], [1], [2], [3]], BlocksAfterHeal = 5 };
        var simulation = new Simulation.Simulation(spec);
        simulation.Run().ShouldBeNull();
        foreach (var node in simulation.Nodes)
        {
            node.Store.Latest!.Height.ShouldBeGreaterThanOrEqualTo(5UL);
            node.Store.TryGet(1, out var first).ShouldBeTrue();
            first.BlockViewId.ShouldBe(1UL);
        }
    }
}
