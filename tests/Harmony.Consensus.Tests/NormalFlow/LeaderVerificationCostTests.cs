using Harmony.Consensus.Tests.Infrastructure;
using Harmony.Consensus.Tests.Simulation;

namespace Harmony.Consensus.Tests.NormalFlow;

public class LeaderVerificationCostTests
{
    [Fact]
    public void A_sixteen_member_leader_spends_about_two_pairing_checks_per_block_not_one_per_vote()
    {
        var spec = new ScenarioSpec { Seed = 3, Scheme = InsecureTestBlsScheme.Instance, NodeKeys = Enumerable.Range(0, 16).Select(i => new[] { i }).ToList(), BlocksAfterHeal = 6, Loss = 0 };
        var simulation = new Simulation.Simulation(spec);
        simulation.Run().ShouldBeNull();
        var leader = simulation.Nodes[0];
        ulong blocks = leader.Store.Latest!.Height;
        blocks.ShouldBeGreaterThanOrEqualTo(6UL);

        // 15 prepares + 15 commits arrive per block; one aggregate check per phase settles them.
        ((double)leader.Engine!.PairingChecks / blocks).ShouldBeLessThanOrEqualTo(2.5);
    }

    [Fact]
    public void Invalid_votes_are_found_by_bisection_and_left_out_of_every_certificate()
    {
        var spec = new ScenarioSpec
        {
            Seed = 4,
            Scheme = InsecureTestBlsScheme.Instance,
            NodeKeys = Enumerable.Range(0, 7).Select(i => new[] { i }).ToList(),
            Faults = [new NodeFault(3, FaultKind.InvalidSigner, TimeSpan.Zero, null), new NodeFault(5, FaultKind.InvalidSigner, TimeSpan.Zero, null)],
            BlocksAfterHeal = 4,
        };
        var simulation = new Simulation.Simulation(spec);
        simulation.Run().ShouldBeNull();
        var store = simulation.Nodes[0].Store;
        for (ulong h = 1; h <= store.Latest!.Height; h++)
        {
            store.TryGet(h, out var block).ShouldBeTrue();
            var bitmap = block.Commit.Span[96..];
            (bitmap[0] & (1 << 3)).ShouldBe(0);
            (bitmap[0] & (1 << 5)).ShouldBe(0);
        }

        ((double)simulation.Nodes[0].Engine!.PairingChecks / store.Latest.Height).ShouldBeLessThan(12);
    }
}
