using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

public class PubSubRpcCodecTests
{
    private static readonly PubSubLimits Limits = new();

    private static PubSubRpc Full()
    {
        var rpc = new PubSubRpc();
        rpc.Subscriptions.Add(new SubscriptionChange(true, "a"));
        rpc.Subscriptions.Add(new SubscriptionChange(false, "harmony/0.0.1/node/shard/3"));
        rpc.Messages.Add(new PubSubMessage("from"u8.ToArray(), "data"u8.ToArray(), new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 }, "a", new byte[64], "key"u8.ToArray()));
        rpc.Messages.Add(new PubSubMessage(default, default, default, "b", default, default));
        rpc.IHave.Add(new ControlIHave("a", [new MessageId("id1"u8), new MessageId("id2"u8)]));
        rpc.IWant.Add(new ControlIWant([new MessageId("id3"u8)]));
        rpc.Graft.Add(new ControlGraft("a"));
        rpc.Prune.Add(new ControlPrune("a", [new PeerExchangeRecord("peer"u8.ToArray(), "record"u8.ToArray()), new PeerExchangeRecord("p2"u8.ToArray(), default)], 60));
        rpc.Prune.Add(new ControlPrune("b", [], null));
        rpc.IDontWant.Add(new ControlIDontWant([new MessageId("id4"u8), new MessageId("id5"u8)]));
        return rpc;
    }

    [Fact]
    public void A_subscription_has_the_bytes_of_the_pubsub_schema()
    {
        var rpc = new PubSubRpc();
        rpc.Subscriptions.Add(new SubscriptionChange(true, "t"));
        PubSubRpcCodec.Encode(rpc).ShouldBe(new byte[] { 0x0A, 0x05, 0x08, 0x01, 0x12, 0x01, (byte)'t' });
    }

    [Fact]
    public void Every_field_survives_a_round_trip()
    {
        var rpc = Full();
        var bytes = PubSubRpcCodec.Encode(rpc);
        PubSubRpcCodec.GetSize(rpc).ShouldBe(bytes.Length);
        PubSubRpcCodec.TryDecode(bytes, Limits, out var back, out var error).ShouldBeTrue(error);
        back.Subscriptions.ShouldBe(rpc.Subscriptions);
        back.Messages.Count.ShouldBe(2);
        var m = back.Messages[0];
        m.From.ToArray().ShouldBe("from"u8.ToArray());
        m.Data.ToArray().ShouldBe("data"u8.ToArray());
        m.Seqno.ToArray().ShouldBe(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 });
        (m.Topic, m.Signature.Length).ShouldBe(("a", 64));
        m.Key.ToArray().ShouldBe("key"u8.ToArray());
        back.Messages[1].Topic.ShouldBe("b");
        back.IHave.Single().MessageIds.ShouldBe([new MessageId("id1"u8), new MessageId("id2"u8)]);
        back.IWant.Single().MessageIds.Single().ShouldBe(new MessageId("id3"u8));
        back.Graft.Single().Topic.ShouldBe("a");
        back.Prune[0].BackoffSeconds.ShouldBe(60UL);
        back.Prune[0].Peers[0].SignedPeerRecord.ToArray().ShouldBe("record"u8.ToArray());
        back.Prune[1].BackoffSeconds.ShouldBeNull();
        back.IDontWant.Single().MessageIds.ShouldBe([new MessageId("id4"u8), new MessageId("id5"u8)]);
        PubSubRpcCodec.Encode(back).ShouldBe(bytes);
    }

    [Fact]
    public void The_signing_payload_is_the_prefix_and_the_message_without_signature_and_key()
    {
        var message = new PubSubMessage(new byte[] { 1 }, new byte[] { 2 }, new byte[] { 3 }, "t", new byte[] { 9 }, new byte[] { 8 });
        PubSubRpcCodec.SigningPayload(message).ShouldBe(
            [.. "libp2p-pubsub:"u8.ToArray(), 0x0A, 1, 1, 0x12, 1, 2, 0x1A, 1, 3, 0x22, 1, (byte)'t']);
    }

    [Fact]
    public void Limits_are_enforced_with_the_field_named()
    {
        var tight = new PubSubLimits { MaxMessageIdsPerRpc = 1, MaxTopicLength = 3, MaxRpcSize = 1024 };
        var ids = new PubSubRpc();
        ids.IHave.Add(new ControlIHave("a", [new MessageId("1"u8), new MessageId("2"u8)]));
        PubSubRpcCodec.TryDecode(PubSubRpcCodec.Encode(ids), tight, out _, out var e1).ShouldBeFalse();
        e1.ShouldContain("ihave");
        var topic = new PubSubRpc();
        topic.Subscriptions.Add(new SubscriptionChange(true, "long"));
        PubSubRpcCodec.TryDecode(PubSubRpcCodec.Encode(topic), tight, out _, out var e2).ShouldBeFalse();
        e2.ShouldContain("topicid");
        PubSubRpcCodec.TryDecode(new byte[2000], tight, out _, out var e3).ShouldBeFalse();
        e3.ShouldContain("MaxRpcSize");
        PubSubRpcCodec.TryDecode(new byte[] { 0x0A, 0x04, 0x12, 0x02, 0xC3, 0x28 }, Limits, out _, out var e4).ShouldBeFalse();
        e4.ShouldContain("UTF-8");
    }

    [Fact]
    public void Idontwant_has_the_v1_2_field_numbers_and_unknown_fields_are_skipped()
    {
        // control (3) { idontwant (5) { messageIDs (1) "x" } } followed by an unknown varint field 9 at the top level:
        // the numbering of rpc.proto in gossipsub v1.2 and of js-libp2p-gossipsub 14 (ControlMessage tag 42, messageIDs tag 10).
        var bytes = new byte[] { 0x1A, 0x05, 0x2A, 0x03, 0x0A, 0x01, (byte)'x', 0x48, 0x01 };
        PubSubRpcCodec.TryDecode(bytes, Limits, out var rpc, out var error).ShouldBeTrue(error);
        rpc.IDontWant.Single().MessageIds.Single().ShouldBe(new MessageId("x"u8));
        var encoded = new PubSubRpc();
        encoded.IDontWant.Add(new ControlIDontWant([new MessageId("x"u8)]));
        PubSubRpcCodec.Encode(encoded).ShouldBe(bytes[..7]);
    }

    [Fact]
    public void Idontwant_ids_count_toward_the_per_rpc_id_limit()
    {
        var rpc = new PubSubRpc();
        rpc.IDontWant.Add(new ControlIDontWant([new MessageId("1"u8), new MessageId("2"u8)]));
        rpc.IDontWant.Add(new ControlIDontWant([new MessageId("3"u8)]));
        var bytes = PubSubRpcCodec.Encode(rpc);
        PubSubRpcCodec.TryDecode(bytes, new PubSubLimits { MaxMessageIdsPerRpc = 3 }, out _, out var fits).ShouldBeTrue(fits);
        PubSubRpcCodec.TryDecode(bytes, new PubSubLimits { MaxMessageIdsPerRpc = 2 }, out _, out var error).ShouldBeFalse();
        error.ShouldContain("idontwant");
        var entries = new PubSubRpc();
        entries.IDontWant.Add(new ControlIDontWant([]));
        entries.IDontWant.Add(new ControlIDontWant([]));
        PubSubRpcCodec.TryDecode(PubSubRpcCodec.Encode(entries), new PubSubLimits { MaxControlEntriesPerRpc = 1 }, out _, out var tooMany).ShouldBeFalse();
        tooMany.ShouldContain("MaxControlEntriesPerRpc");
    }

    [Fact]
    public void Random_and_mutated_bytes_never_throw()
    {
        var valid = PubSubRpcCodec.Encode(Full());
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary(),
            Gen.Choose(0, 10_000).ToArbitrary(),
            (byte[] noise, int seed) =>
            {
                var random = new Random(seed);
                var mutated = (byte[])valid.Clone();
                for (var i = 0; i < 3; i++)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                _ = PubSubRpcCodec.TryDecode(noise, Limits, out _, out _);
                _ = PubSubRpcCodec.TryDecode(mutated, Limits, out _, out _);
                _ = PubSubRpcCodec.TryDecode(mutated.AsSpan(0, random.Next(mutated.Length)), Limits, out _, out _);
            }).QuickCheckThrowOnFailure();
    }
}
