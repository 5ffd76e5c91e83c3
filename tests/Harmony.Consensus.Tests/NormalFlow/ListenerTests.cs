using Harmony.Consensus.Engine;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Tests.Infrastructure;

namespace Harmony.Consensus.Tests.NormalFlow;

public class ListenerTests
{
    [Fact]
    public void A_node_without_committee_keys_follows_the_chain_silently_across_a_view_change()
    {
        // Four validators and one listener (no key); the first leader goes silent after block 2.
        var committee = new ManualCommittee(InsecureTestBlsScheme.Instance, [[0], [1], [2], [3], []], InsecureTestBlsScheme.Key);
        var listener = committee.Engines[4];
        listener.Mode.ShouldBe(ConsensusMode.Listening);
        committee.StartAll();
        committee.RunUntil(() => listener.Height == 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)).ShouldBeTrue();
        committee.Drop = (from, m) => from == 0 && m.Type is MessageType.Announce or MessageType.Prepared or MessageType.Committed;
        committee.RunUntil(() => listener.Height == 5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)).ShouldBeTrue();

        committee.Sent.ShouldNotContain(s => s.From == 4);
        listener.Mode.ShouldBe(ConsensusMode.Listening);
        listener.LastCommitted!.LeaderIndex.ShouldNotBe(0);
        for (int i = 1; i < 4; i++)
        {
            committee.Engines[i].LastCommitted!.Height.ShouldBeGreaterThanOrEqualTo(4UL);
        }

        var mine = committee.Events.Where(e => e.Node == 4).Select(e => e.Event).OfType<BlockCommittedEvent>().Select(e => Convert.ToHexStringLower(e.Block.Hash.Span)).ToList();
        var theirs = committee.Events.Where(e => e.Node == 1).Select(e => e.Event).OfType<BlockCommittedEvent>().Select(e => Convert.ToHexStringLower(e.Block.Hash.Span)).Take(mine.Count).ToList();
        mine.ShouldBe(theirs);
    }
}
