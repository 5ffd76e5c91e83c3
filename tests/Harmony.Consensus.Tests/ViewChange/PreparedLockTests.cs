using Harmony.Consensus.Engine;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Tests.Infrastructure;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Tests.ViewChange;

/// <summary>
/// A validator that saw a block prepared does not let a NEWVIEW abandon it (stricter than Harmony, which accepts
/// any NEWVIEW whose M2 signers cover its M3 signers), and accepts only the scheduled leader of that view.
/// </summary>
public class PreparedLockTests
{
    private readonly ManualCommittee _committee = new(InsecureTestBlsScheme.Instance, [[0], [1], [2], [3]], InsecureTestBlsScheme.Key);
    private readonly byte[] _preparedPayload;

    public PreparedLockTests()
    {
        // View 1 prepares a block everywhere but every COMMIT is lost; then nobody hears anybody (the view change is
        // only started), so node 1 sits in a view change for view 4 holding the prepared block.
        _committee.Drop = (_, m) => m.Type == MessageType.Commit;
        _committee.StartAll();
        _committee.Pump();
        var prepared = _committee.Sent.First(s => s.Message.Type == MessageType.Prepared).Message.Consensus!;
        _preparedPayload = [.. prepared.BlockHash.Span, .. prepared.Payload.Span];
        _committee.Drop = (_, _) => true;
        _committee.Advance(TimeSpan.FromSeconds(121));
        _committee.Pump();
        _committee.Engines[1].Mode.ShouldBe(ConsensusMode.ViewChanging);
        _committee.Engines[1].ViewChangingId.ShouldBe(4UL);
    }

    [Fact]
    public void A_new_view_without_the_prepared_block_is_refused()
    {
        Deliver(NewView(sender: 3, m1: null)).Messages.ShouldBeEmpty();
        _committee.Engines[1].Mode.ShouldBe(ConsensusMode.ViewChanging);
    }

    [Fact]
    public void A_new_view_from_a_member_who_does_not_lead_that_view_is_refused()
    {
        Deliver(NewView(sender: 2, m1: _preparedPayload)).Messages.ShouldBeEmpty();
        _committee.Engines[1].Mode.ShouldBe(ConsensusMode.ViewChanging);
    }

    [Fact]
    public void A_new_view_carrying_the_prepared_block_is_joined_with_a_commit()
    {
        var output = Deliver(NewView(sender: 3, m1: _preparedPayload));
        _committee.Engines[1].Mode.ShouldBe(ConsensusMode.Normal);
        _committee.Engines[1].ViewId.ShouldBe(4UL);
        _committee.Engines[1].LeaderIndex.ShouldBe(3);
        output.Messages.ShouldHaveSingleItem().Type.ShouldBe(MessageType.Commit);
        output.Events.OfType<ViewChangedEvent>().ShouldHaveSingleItem().CarriedOverBlock.ShouldBeTrue();
    }

    private FbftOutput Deliver(HarmonyMessage message) => _committee.Engines[1].HandleMessage(GossipFrame.WrapConsensus(message));

    private HarmonyMessage NewView(int sender, byte[]? m1)
    {
        const ulong view = 4;
        int[] signers = [0, 2, 3];
        var bitmap = new SignerBitmap(4);
        foreach (int i in signers)
        {
            bitmap.Set(i);
        }

        var request = new ViewChangeRequest
        {
            ViewId = view,
            BlockNumber = 1,
            SenderPublicKey = _committee.Committee.EncodedKey(sender),
            Payload = m1 ?? [],
            PreparedBlock = m1 is null ? ReadOnlyMemory<byte>.Empty : _committee.Sent.First(s => s.Message.Type == MessageType.Announce).Message.Consensus!.Block,
            M2AggregateSignature = m1 is null ? Aggregate(signers, CommitPayload.Nil) : [],
            M2Bitmap = m1 is null ? bitmap.ToArray() : [],
            M3AggregateSignature = Aggregate(signers, CommitPayload.ViewId(view)),
            M3Bitmap = bitmap.ToArray(),
        };
        return MessageSignature.Sign(_committee.Scheme, _committee.Keys[sender], new HarmonyMessage { Type = MessageType.NewView, ViewChange = request });
    }

    private byte[] Aggregate(int[] signers, ReadOnlySpan<byte> message)
    {
        var parts = new BlsSignature[signers.Length];
        for (int i = 0; i < signers.Length; i++)
        {
            parts[i] = _committee.Scheme.Sign(_committee.Keys[signers[i]], message);
        }

        BlsSignature.TryAggregate(parts, out var sum);
        var bytes = new byte[96];
        _committee.Scheme.EncodeSignature(sum, bytes);
        return bytes;
    }
}
