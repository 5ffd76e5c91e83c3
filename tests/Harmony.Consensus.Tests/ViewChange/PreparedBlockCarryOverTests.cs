using Harmony.Consensus.Engine;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Tests.Infrastructure;

namespace Harmony.Consensus.Tests.ViewChange;

public class PreparedBlockCarryOverTests
{
    [Fact]
    public void A_block_prepared_in_a_failed_view_is_committed_by_the_next_leader_unchanged()
    {
        var committee = new ManualCommittee(InsecureTestBlsScheme.Instance, [[0], [1], [2], [3]], InsecureTestBlsScheme.Key)
        {
            // Every COMMIT of view 1 is lost: the block is prepared everywhere but cannot be committed in view 1.
            Drop = (_, m) => m.Type == MessageType.Commit && m.Consensus!.ViewId == 1,
        };
        committee.StartAll();
        committee.Pump();
        var announced = committee.Sent.First(s => s.Message.Type == MessageType.Announce).Message.Consensus!.BlockHash.ToArray();
        committee.Engines.ShouldAllBe(e => e.Phase == ConsensusPhase.Commit && e.Height == 1);

        committee.RunUntil(() => committee.Engines.All(e => e.Height == 2), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)).ShouldBeTrue();

        var viewChange = committee.Sent.First(s => s.Message.Type == MessageType.ViewChange).Message.ViewChange!;
        viewChange.Payload.Length.ShouldBeGreaterThan(32 + 96);                      // M1: hash ‖ sig ‖ bitmap
        viewChange.Payload[..32].ToArray().ShouldBe(announced);
        viewChange.PreparedBlock.IsEmpty.ShouldBeFalse();
        var newView = committee.Sent.Single(s => s.Message.Type == MessageType.NewView);
        newView.Message.ViewChange!.Payload[..32].ToArray().ShouldBe(announced);

        // The view comes from the wall clock (spec §2.1): the bootstrap timeout of 120 s is 2 slots of 45 s past the
        // start, so the nodes ask for view 0 + 1 + 2 + 1 = 4, led by the slot 3 places after the first leader.
        ulong view = newView.Message.ViewChange.ViewId;
        view.ShouldBe(4UL);
        newView.From.ShouldBe(3);
        foreach (var engine in committee.Engines)
        {
            var block = engine.LastCommitted!;
            block.Hash.ToArray().ShouldBe(announced);
            block.BlockViewId.ShouldBe(1UL);       // the commit signatures cover the block's own header view
            block.CommitViewId.ShouldBe(view);
            block.LeaderIndex.ShouldBe(3);
            engine.ViewId.ShouldBe(view + 1);
        }

        committee.Events.Any(e => e.Event is ViewChangedEvent { CarriedOverBlock: true, ViewId: 4 }).ShouldBeTrue();
    }

    [Fact]
    public void Without_a_prepared_block_the_new_leader_proposes_a_fresh_one()
    {
        var committee = new ManualCommittee(InsecureTestBlsScheme.Instance, [[0], [1], [2], [3]], InsecureTestBlsScheme.Key)
        {
            Drop = (from, m) => from == 0,   // the first leader is silent
        };
        committee.StartAll();
        committee.RunUntil(() => committee.Engines.Skip(1).All(e => e.Height == 2), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)).ShouldBeTrue();
        var newView = committee.Sent.First(s => s.Message.Type == MessageType.NewView).Message.ViewChange!;
        newView.Payload.IsEmpty.ShouldBeTrue();
        newView.M2Bitmap.IsEmpty.ShouldBeFalse();
        committee.Engines[1].LastCommitted!.LeaderIndex.ShouldNotBe(0);
        committee.Events.Any(e => e.Event is ViewChangeStartedEvent).ShouldBeTrue();
        committee.Events.Any(e => e.Event is ViewChangedEvent { CarriedOverBlock: false }).ShouldBeTrue();
    }
}
