using System.Runtime.InteropServices;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>The codec's buffer forms: encoding into a caller's span and decoding that slices instead of copying.</summary>
public class PubSubRpcCodecBufferTests
{
    private static readonly PubSubLimits Limits = new();

    private static PubSubRpc Sample(string topic)
    {
        var rpc = new PubSubRpc();
        rpc.Subscriptions.Add(new SubscriptionChange(true, topic));
        rpc.Messages.Add(new PubSubMessage("from"u8.ToArray(), "payload"u8.ToArray(), new byte[] { 0, 0, 0, 0, 0, 0, 0, 9 }, topic, new byte[64], "key"u8.ToArray()));
        rpc.Messages.Add(new PubSubMessage(default, "second"u8.ToArray(), default, topic, default, default));
        rpc.Graft.Add(new ControlGraft(topic));
        return rpc;
    }

    [Fact]
    public void Encoding_into_a_span_writes_the_same_bytes_and_refuses_a_short_one()
    {
        var rpc = Sample("harmony/0.0.1/node/shard/1");
        var expected = PubSubRpcCodec.Encode(rpc);
        var buffer = new byte[expected.Length + 5];

        PubSubRpcCodec.Encode(rpc, buffer).ShouldBe(expected.Length);
        buffer.AsSpan(0, expected.Length).ToArray().ShouldBe(expected);
        Should.Throw<ArgumentException>(() => PubSubRpcCodec.Encode(rpc, new byte[expected.Length - 1]));
    }

    [Fact]
    public void Decoding_without_copy_gives_the_same_rpc_with_fields_inside_the_buffer()
    {
        var bytes = PubSubRpcCodec.Encode(Sample("harmony/0.0.1/node/shard/1"));
        PubSubRpcCodec.TryDecode(bytes, Limits, out var copied, out var error).ShouldBeTrue(error);
        PubSubRpcCodec.TryDecodeWithoutCopy(bytes, Limits, out var sliced, out error).ShouldBeTrue(error);

        PubSubRpcCodec.Encode(sliced).ShouldBe(PubSubRpcCodec.Encode(copied));
        var message = sliced.Messages[0];
        foreach (var field in new[] { message.From, message.Data, message.Seqno, message.Signature, message.Key })
        {
            MemoryMarshal.TryGetArray(field, out var segment).ShouldBeTrue();
            segment.Array.ShouldBeSameAs(bytes);
        }

        MemoryMarshal.TryGetArray(copied.Messages[0].Data, out var copy).ShouldBeTrue();
        copy.Array.ShouldNotBeSameAs(bytes);
    }

    [Fact]
    public void Topics_decode_correctly_when_they_change_from_rpc_to_rpc()
    {
        foreach (var topic in new[] { "a", "a", "harmony/0.0.1/node/shard/1", "a", "b" })
        {
            PubSubRpcCodec.TryDecode(PubSubRpcCodec.Encode(Sample(topic)), Limits, out var rpc, out var error).ShouldBeTrue(error);
            rpc.Messages[0].Topic.ShouldBe(topic);
            rpc.Subscriptions[0].Topic.ShouldBe(topic);
            rpc.Graft[0].Topic.ShouldBe(topic);
        }

        // A topic that is not UTF-8 is still refused right after a valid one was decoded.
        PubSubRpcCodec.TryDecode(PubSubRpcCodec.Encode(Sample("a")), Limits, out _, out _).ShouldBeTrue();
        var bad = new byte[] { 0x0A, 0x04, 0x12, 0x02, 0xC3, 0x28 };
        PubSubRpcCodec.TryDecode(bad, Limits, out _, out var reason).ShouldBeFalse();
        reason.ShouldContain("UTF-8");
    }
}
