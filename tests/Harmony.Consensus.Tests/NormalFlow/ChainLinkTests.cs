using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Tests.Infrastructure;
using Harmony.Consensus.Tests.Simulation;

namespace Harmony.Consensus.Tests.NormalFlow;

public class ChainLinkTests
{
    [Fact]
    public void Block_n_plus_one_carries_block_n_commit_signature_and_bitmap()
    {
        var spec = new ScenarioSpec { Seed = 5, Scheme = InsecureTestBlsScheme.Instance, NodeKeys = [[0], [1], [2], [3]], BlocksAfterHeal = 4 };
        var simulation = new Simulation.Simulation(spec);
        simulation.Run().ShouldBeNull();
        var store = simulation.Nodes[2].Store;
        var chain = new TestChain();
        for (ulong h = 2; h <= store.Latest!.Height; h++)
        {
            store.TryGet(h, out var block).ShouldBeTrue();
            store.TryGet(h - 1, out var parent).ShouldBeTrue();
            chain.TryValidate(block.Block, out var summary, out _).ShouldBeTrue();
            summary.ParentCommit.ToArray().ShouldBe(parent.Commit.ToArray());
            summary.ParentHash.ToArray().ShouldBe(parent.Hash.ToArray());
            AggregateCertificate.TryParse(spec.Scheme, parent.Commit.Span, 4, out var certificate, out _).ShouldBeTrue();
            certificate.Verify(simulation.Committee, CommitPayload.Build(parent.Height, parent.Hash.Span, parent.BlockViewId, includeViewId: true)).ShouldBeTrue();
        }
    }

    [Fact]
    public void Pre_staking_committees_sign_the_forty_byte_commit_payload()
    {
        var options = new ConsensusOptions { CommitPayloadIncludesViewId = false };
        var committee = new ManualCommittee(InsecureTestBlsScheme.Instance, [[0], [1], [2], [3]], InsecureTestBlsScheme.Key, options);
        committee.StartAll();
        committee.Pump();
        var block = committee.Engines[0].LastCommitted!;
        AggregateCertificate.TryParse(committee.Scheme, block.Commit.Span, 4, out var certificate, out _).ShouldBeTrue();
        certificate.Verify(committee.Committee, CommitPayload.Build(1, block.Hash.Span, 1, includeViewId: false)).ShouldBeTrue();
        certificate.Verify(committee.Committee, CommitPayload.Build(1, block.Hash.Span, 1, includeViewId: true)).ShouldBeFalse();
    }

    [Fact]
    public void A_lagging_node_catches_up_with_committed_blocks_and_rejects_forged_ones()
    {
        var committee = new ManualCommittee(InsecureTestBlsScheme.Instance, [[0], [1], [2], [3]], InsecureTestBlsScheme.Key);
        committee.StartAll();
        committee.RunUntil(() => committee.Engines[0].Height >= 4, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)).ShouldBeTrue();
        var committed = committee.Events.Where(e => e.Node == 0 && e.Event is BlockCommittedEvent).Select(e => ((BlockCommittedEvent)e.Event).Block).ToList();
        var lagging = new FbftEngine(committee.Committee, [committee.Keys[3]], committee.Chain, committee.Chain, new InMemoryCommittedBlockStore(), committee.Options, committee.Clock);

        var forged = committed[0] with { Commit = committed[0].Commit.ToArray().Select((b, i) => i == 96 ? (byte)(b ^ 0x08) : b).ToArray() };
        lagging.SubmitCommittedBlock(forged).Events.ShouldBeEmpty();
        lagging.SubmitCommittedBlock(committed[1]).Events.ShouldBeEmpty();     // not the next height
        lagging.Height.ShouldBe(1UL);
        foreach (var block in committed)
        {
            lagging.SubmitCommittedBlock(block).Events.OfType<BlockCommittedEvent>().ShouldHaveSingleItem();
        }

        lagging.Height.ShouldBe(committed[^1].Height + 1);
        lagging.LeaderIndex.ShouldBe(0);
    }
}
