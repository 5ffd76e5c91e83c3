using FsCheck;
using FsCheck.Fluent;
using Harmony.Consensus.Messages;

namespace Harmony.Consensus.Tests.Messages;

public class ProtobufCodecTests
{
    private static readonly byte[] Hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Key = Enumerable.Repeat((byte)0x11, 48).ToArray();
    private static readonly byte[] Vote = Enumerable.Repeat((byte)0x22, 96).ToArray();

    [Fact]
    public void A_prepare_encodes_field_by_field_as_proto3_does()
    {
        var message = new HarmonyMessage
        {
            Type = MessageType.Prepare,
            Consensus = new ConsensusRequest { ViewId = 1005, BlockNumber = 1000, BlockHash = Hash, SenderPublicKey = Key, Payload = Vote },
        };

        // type(2)=PREPARE: 10 02; consensus(5): 2a varint(len); view_id 08 ed07; block_num 10 e807; shard 0 omitted;
        // block_hash 22 20 …; sender_pubkey 32 30 …; payload 3a 60 …  (service type 0 and empty fields omitted)
        string body = "08ed07" + "10e807" + "2220" + Hex(Hash) + "3230" + Hex(Key) + "3a60" + Hex(Vote);
        (body.Length / 2).ShouldBe(188);
        string expected = "1002" + "2a" + "bc01" + body;
        Hex(message.Encode()).ShouldBe(expected);
        HarmonyMessage.TryDecode(message.Encode(), out var decoded, out _).ShouldBeTrue();
        decoded!.Consensus!.ViewId.ShouldBe(1005UL);
        decoded.Consensus.Payload.ToArray().ShouldBe(Vote);
    }

    [Fact]
    public void The_spec_announce_frames_to_the_published_pubsub_prefix()
    {
        // spec §9.2: an ANNOUNCE from K1, view 1005, block 1000, shard 0, payload = hash, empty block, signed:
        // the pubsub payload starts 11 000000e3 00.
        var announce = new HarmonyMessage
        {
            Type = MessageType.Announce,
            Signature = new byte[96],
            Consensus = new ConsensusRequest { ViewId = 1005, BlockNumber = 1000, BlockHash = Hash, SenderPublicKey = Key, Payload = Hash },
        };
        var frame = GossipFrame.WrapConsensus(announce);
        Hex(frame.AsSpan(0, 6)).ShouldBe("11000000e300");
        frame.Length.ShouldBe(5 + 0xe3);
        Hex(announce.EncodeUnsigned()).ShouldStartWith("10012a7c");    // the unsigned form drops field 3 only
    }

    [Fact]
    public void Negative_int64_is_the_ten_byte_varint_and_shard_ids_are_written()
    {
        var message = new HarmonyMessage
        {
            Type = MessageType.LastSignPower,
            LastSignPower = new LastSignPowerBroadcast { Prepare = -1, Commit = 66, Change = 0, SenderPublicKey = Key, ShardId = 3 },
        };
        var encoded = message.Encode();
        Hex(encoded).ShouldContain("08ffffffffffffffffff01" + "1042");
        HarmonyMessage.TryDecode(encoded, out var decoded, out _).ShouldBeTrue();
        decoded!.LastSignPower!.Prepare.ShouldBe(-1);
        decoded.LastSignPower.ShardId.ShouldBe(3U);
    }

    [Fact]
    public void A_view_change_request_round_trips_every_field()
    {
        var request = new ViewChangeRequest
        {
            ViewId = 7, BlockNumber = 9, ShardId = 2, SenderPublicKey = Key, LeaderPublicKey = Key.Reverse().ToArray(),
            Payload = new byte[] { 1, 2, 3 }, ViewChangeSignature = Vote, ViewIdSignature = Vote.Reverse().ToArray(),
            M2AggregateSignature = new byte[] { 4 }, M2Bitmap = new byte[] { 5 }, M3AggregateSignature = new byte[] { 6 }, M3Bitmap = new byte[] { 7 }, PreparedBlock = new byte[] { 8, 9 },
        };
        var message = new HarmonyMessage { Type = MessageType.NewView, Signature = Vote, ViewChange = request };
        HarmonyMessage.TryDecode(message.Encode(), out var decoded, out var error).ShouldBeTrue(error);
        decoded!.Encode().ShouldBe(message.Encode());
        decoded.ViewChange!.PreparedBlock.ToArray().ShouldBe(new byte[] { 8, 9 });
        decoded.ViewChange.M3Bitmap.ToArray().ShouldBe(new byte[] { 7 });
    }

    [Theory]
    [InlineData("0802ff", "truncated key/varint")]
    [InlineData("08022a05080110", "truncated inner message")]
    [InlineData("7801", "unknown field 15")]
    [InlineData("0a00", "field 1 with the wrong wire type")]
    [InlineData("08022a00" + "3a00", "two requests of the oneof")]
    [InlineData("1affffffff0f", "a length beyond the bound")]
    public void Malformed_messages_are_refused_with_a_reason(string hex, string why)
    {
        HarmonyMessage.TryDecode(Convert.FromHexString(hex), out var message, out var error).ShouldBeFalse(why);
        message.ShouldBeNull();
        error.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Random_bytes_never_throw() =>
        Prop.ForAll<byte[]>(bytes =>
        {
            HarmonyMessage.TryDecode(bytes, out _, out _);
            GossipFrame.TryUnwrap(bytes, out _, out _, out _);
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Frames_check_marker_and_length()
    {
        var frame = GossipFrame.Wrap(GossipFrame.NodeCategory, [1, 2, 3]);
        Hex(frame).ShouldBe("110000000401010203");
        GossipFrame.TryUnwrap(frame, out byte category, out var body, out _).ShouldBeTrue();
        category.ShouldBe(GossipFrame.NodeCategory);
        body.ToArray().ShouldBe(new byte[] { 1, 2, 3 });
        GossipFrame.TryUnwrap([0x12, 0, 0, 0, 1, 0], out _, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull();
        GossipFrame.TryUnwrap([0x11, 0, 0, 0, 9, 0], out _, out _, out _).ShouldBeFalse();
        GossipFrame.TryUnwrap([0x11, 0, 0], out _, out _, out _).ShouldBeFalse();
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
