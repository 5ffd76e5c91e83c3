using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.Kademlia;
using Harmony.P2P.Kademlia.Wire;

namespace Harmony.P2P.Tests.Kademlia.Wire;

public class KadWireCodecTests
{
    private static readonly KadOptions Limits = new();

    [Fact]
    public void A_find_node_request_has_the_protobuf_bytes_of_the_kad_dht_schema()
    {
        // type = FIND_NODE (field 1 varint 4), key = 0x01 0x02 (field 2 bytes).
        KadWireCodec.Encode(new KadMessage(KadMessageType.FindNode, new byte[] { 1, 2 }))
            .ShouldBe(new byte[] { 0x08, 0x04, 0x12, 0x02, 0x01, 0x02 });
    }

    [Fact]
    public void Every_field_survives_a_round_trip()
    {
        var time = new DateTimeOffset(2026, 11, 21, 19, 30, 1, 123, TimeSpan.Zero);
        var peers = new[]
        {
            new KadPeer("peer-a"u8, [new byte[] { 4, 127, 0, 0, 1, 6, 0x23, 0x28 }], KadConnectionType.Connected),
            new KadPeer("peer-b"u8, null, KadConnectionType.CannotConnect),
        };
        var message = new KadMessage(KadMessageType.GetValue, "/v/key"u8.ToArray(), new KadRecord("/v/key"u8.ToArray(), "value"u8.ToArray(), time), peers, [peers[1]]);
        KadWireCodec.TryDecode(KadWireCodec.Encode(message), Limits, out var decoded, out var error).ShouldBeTrue(error);
        decoded.Type.ShouldBe(KadMessageType.GetValue);
        decoded.Key.ToArray().ShouldBe("/v/key"u8.ToArray());
        decoded.Record!.Value.ToArray().ShouldBe("value"u8.ToArray());
        decoded.Record.TimeReceived.ShouldBe(time);
        decoded.CloserPeers.Count.ShouldBe(2);
        decoded.CloserPeers[0].ShouldBe(peers[0]);
        decoded.CloserPeers[0].Addresses.Single().ToArray().ShouldBe(peers[0].Addresses[0].ToArray());
        decoded.CloserPeers[0].Connection.ShouldBe(KadConnectionType.Connected);
        decoded.CloserPeers[1].Connection.ShouldBe(KadConnectionType.CannotConnect);
        decoded.ProviderPeers.Single().ShouldBe(peers[1]);
        KadWireCodec.GetSize(message).ShouldBe(KadWireCodec.Encode(message).Length);
    }

    [Fact]
    public void Go_style_nanosecond_times_and_skipped_cluster_level_are_accepted()
    {
        // record { key "k", value "v", timeReceived "2024-05-06T07:08:09.123456789Z" }, clusterLevelRaw = 3 (field 10).
        var time = "2024-05-06T07:08:09.123456789Z"u8.ToArray();
        var record = new List<byte> { 0x0A, 1, (byte)'k', 0x12, 1, (byte)'v', 0x2A, (byte)time.Length };
        record.AddRange(time);
        var bytes = new List<byte> { 0x08, 0x01, 0x12, 1, (byte)'k', 0x1A, (byte)record.Count };
        bytes.AddRange(record);
        bytes.AddRange(new byte[] { 0x50, 0x03 });
        KadWireCodec.TryDecode(bytes.ToArray(), Limits, out var decoded, out var error).ShouldBeTrue(error);
        decoded.Record!.TimeReceived.ShouldBe(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567));
    }

    [Fact]
    public void A_missing_type_field_means_put_value_as_in_proto3()
    {
        KadWireCodec.TryDecode(new byte[] { 0x12, 0x01, 0x61 }, Limits, out var decoded, out _).ShouldBeTrue();
        decoded.Type.ShouldBe(KadMessageType.PutValue);
    }

    [Theory]
    [InlineData(new byte[] { 0x08, 0x09 }, "type")]
    [InlineData(new byte[] { 0x12, 0x05, 0x01 }, "key")]
    [InlineData(new byte[] { 0x42, 0x00 }, "peer.id")]
    [InlineData(new byte[] { 0x42, 0x05, 0x0A, 0x09, 0x01 }, "peer")]
    [InlineData(new byte[] { 0x0B }, "field key")]
    public void Malformed_messages_are_refused_with_the_field_named(byte[] bytes, string field)
    {
        KadWireCodec.TryDecode(bytes, Limits, out _, out var error).ShouldBeFalse();
        error.ShouldContain(field);
    }

    [Fact]
    public void Limits_on_keys_values_and_peer_counts_are_enforced()
    {
        var small = new KadOptions { MaxKeySize = 4, MaxValueSize = 2, MaxCloserPeersPerResponse = 1 };
        KadWireCodec.TryDecode(KadWireCodec.Encode(new KadMessage(KadMessageType.FindNode, new byte[5])), small, out _, out var e1).ShouldBeFalse();
        e1.ShouldContain("MaxKeySize");
        var withValue = new KadMessage(KadMessageType.PutValue, "k"u8.ToArray(), new KadRecord("k"u8.ToArray(), new byte[3], default));
        KadWireCodec.TryDecode(KadWireCodec.Encode(withValue), small, out _, out var e2).ShouldBeFalse();
        e2.ShouldContain("MaxValueSize");
        var twoPeers = new KadMessage(KadMessageType.FindNode, "k"u8.ToArray(), closerPeers: [new KadPeer("a"u8), new KadPeer("b"u8)]);
        KadWireCodec.TryDecode(KadWireCodec.Encode(twoPeers), small, out _, out var e3).ShouldBeFalse();
        e3.ShouldContain("closerPeers");
    }

    [Fact]
    public void Random_and_mutated_bytes_never_throw()
    {
        var valid = KadWireCodec.Encode(new KadMessage(
            KadMessageType.GetProviders,
            "key"u8.ToArray(),
            new KadRecord("key"u8.ToArray(), "v"u8.ToArray(), DateTimeOffset.UnixEpoch),
            [new KadPeer("p"u8, [new byte[] { 1, 2, 3 }])],
            [new KadPeer("q"u8)]));
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (byte[] noise, int seed) =>
            {
                var random = new Random(seed);
                var mutated = (byte[])valid.Clone();
                mutated[random.Next(mutated.Length)] ^= (byte)random.Next(1, 256);
                _ = KadWireCodec.TryDecode(noise, Limits, out _, out _);
                _ = KadWireCodec.TryDecode(mutated, Limits, out _, out _);
                _ = KadWireCodec.TryDecode(mutated.AsSpan(0, random.Next(mutated.Length)), Limits, out _, out _);
            }).QuickCheckThrowOnFailure();
    }
}
