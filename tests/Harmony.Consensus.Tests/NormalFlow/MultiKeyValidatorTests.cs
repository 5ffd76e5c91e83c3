using Harmony.Consensus.Messages;
using Harmony.Consensus.Tests.Infrastructure;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Tests.NormalFlow;

public class MultiKeyValidatorTests
{
    [Fact]
    public void A_node_with_two_keys_sends_one_vote_named_by_a_sender_bitmap()
    {
        var committee = new ManualCommittee(InsecureTestBlsScheme.Instance, [[0], [1, 2], [3], [4], [5], [6]], InsecureTestBlsScheme.Key);
        committee.StartAll();
        committee.Pump();
        var prepare = committee.Sent.Single(s => s.From == 1 && s.Message.Type == MessageType.Prepare).Message.Consensus!;
        prepare.SenderPublicKey.IsEmpty.ShouldBeTrue();
        SignerBitmap.TryParse(prepare.SenderPublicKeyBitmap.Span, 7, out var senders, out _).ShouldBeTrue();
        senders!.IsSet(1).ShouldBeTrue();
        senders.IsSet(2).ShouldBeTrue();
        senders.Count.ShouldBe(2);
        committee.Scheme.TryDecodeSignature(prepare.Payload.Span, out var signature, out _).ShouldBeTrue();
        committee.Committee.Keys.VerifyAggregate(senders, prepare.BlockHash.Span, signature).ShouldBeTrue();

        var single = committee.Sent.Single(s => s.From == 2 && s.Message.Type == MessageType.Prepare).Message.Consensus!;
        single.SenderPublicKey.ToArray().ShouldBe(committee.Committee.EncodedKey(3).ToArray());
        single.SenderPublicKeyBitmap.IsEmpty.ShouldBeTrue();

        committee.Engines.ShouldAllBe(e => e.Height == 2);
        var bitmap = committee.Engines[0].LastCommitted!.Commit.Span[96..];
        (bitmap[0] & 0b110).ShouldBe(0b110);
    }
}
