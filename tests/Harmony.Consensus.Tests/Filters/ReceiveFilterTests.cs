using Harmony.Consensus.Engine;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Tests.Infrastructure;

namespace Harmony.Consensus.Tests.Filters;

/// <summary>The receive-side filters of spec §1.9, each checked on a validator of a 4-member committee.</summary>
public class ReceiveFilterTests
{
    private readonly ManualCommittee _committee = new(InsecureTestBlsScheme.Instance, [[0], [1], [2], [3]], InsecureTestBlsScheme.Key);

    private HarmonyMessage Announce() => _committee.Sent.First(s => s.Message.Type == MessageType.Announce).Message;

    private FbftOutput Deliver(int node, HarmonyMessage message) => _committee.Engines[node].HandleMessage(GossipFrame.WrapConsensus(message));

    public ReceiveFilterTests()
    {
        _committee.Drop = (_, _) => true;   // nothing is delivered unless a test delivers it
        _committee.StartAll();
        _committee.Pump();
    }

    [Fact]
    public void The_untouched_announce_is_accepted()
    {
        var output = Deliver(1, Announce());
        output.Messages.ShouldHaveSingleItem().Type.ShouldBe(MessageType.Prepare);
        _committee.Engines[1].Phase.ShouldBe(ConsensusPhase.Prepare);
    }

    [Fact]
    public void Another_shard_a_stale_view_or_a_stranger_is_rejected()
    {
        var announce = Announce();
        Deliver(1, announce with { Consensus = announce.Consensus! with { ShardId = 1 } }).Messages.ShouldBeEmpty();
        Deliver(1, announce with { Consensus = announce.Consensus! with { SenderPublicKey = new byte[48] } }).Messages.ShouldBeEmpty();
        Deliver(1, announce with { Consensus = announce.Consensus! with { SenderPublicKey = new byte[47] } }).Messages.ShouldBeEmpty();
        Deliver(1, announce with { Consensus = announce.Consensus! with { SenderPublicKeyBitmap = new byte[2] } }).Messages.ShouldBeEmpty();
        Deliver(1, announce with { Consensus = announce.Consensus! with { BlockNumber = 500 } }).Messages.ShouldBeEmpty();
        _committee.Engines[1].Phase.ShouldBe(ConsensusPhase.Announce);
    }

    [Fact]
    public void Leader_messages_from_a_non_leader_or_with_a_bad_signature_are_ignored()
    {
        var announce = Announce();
        var forgedSender = announce with { Consensus = announce.Consensus! with { SenderPublicKey = _committee.Committee.EncodedKey(2) } };
        Deliver(1, forgedSender).Messages.ShouldBeEmpty();
        var badSignature = announce with { Consensus = announce.Consensus! with { ViewId = announce.Consensus.ViewId } , Signature = new byte[96] };
        Deliver(1, badSignature).Messages.ShouldBeEmpty();
        Deliver(1, announce with { Type = MessageType.Announce, Consensus = announce.Consensus with { Payload = new byte[32] } }).Messages.ShouldBeEmpty();
        Deliver(1, announce).Messages.ShouldHaveSingleItem();
        Deliver(1, announce).Messages.ShouldBeEmpty();   // a duplicate is not answered twice
    }

    [Fact]
    public void Votes_reach_only_the_leader_and_view_changes_only_nodes_changing_views()
    {
        var prepare = new HarmonyMessage { Type = MessageType.Prepare, Consensus = Deliver(1, Announce()).Messages.Select(m => Decode(m.Payload)).Single().Consensus };
        Deliver(2, prepare).Messages.ShouldBeEmpty();
        _committee.Engines[2].Phase.ShouldBe(ConsensusPhase.Announce);

        var viewChange = new HarmonyMessage
        {
            Type = MessageType.ViewChange,
            ViewChange = new ViewChangeRequest { ViewId = 2, BlockNumber = 1, SenderPublicKey = _committee.Committee.EncodedKey(3), LeaderPublicKey = _committee.Committee.EncodedKey(1) },
        };
        Deliver(1, viewChange).Messages.ShouldBeEmpty();
        _committee.Engines[1].Mode.ShouldBe(ConsensusMode.Normal);
    }

    [Fact]
    public void Garbage_is_dropped_without_output()
    {
        _committee.Engines[1].HandleMessage([0x11, 0, 0, 0, 2, 0, 0xff]).Messages.ShouldBeEmpty();
        _committee.Engines[1].HandleMessage(GossipFrame.Wrap(GossipFrame.NodeCategory, [1, 0, 0])).Messages.ShouldBeEmpty();
        _committee.Engines[1].HandleMessage([]).Messages.ShouldBeEmpty();
    }

    private static HarmonyMessage Decode(ReadOnlyMemory<byte> frame)
    {
        GossipFrame.TryUnwrap(frame.Span, out _, out var body, out _);
        HarmonyMessage.TryDecode(body, out var message, out _);
        return message!;
    }
}
