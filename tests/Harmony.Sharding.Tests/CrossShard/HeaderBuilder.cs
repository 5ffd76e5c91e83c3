using System.Buffers;
using System.Numerics;
using Harmony.Crypto.Encoding;

namespace Harmony.Sharding.Tests.CrossShard;

/// <summary>Builds v3 headers (spec/harmony.md §8 field order) in their tagged envelope, for the cross-shard tests.</summary>
internal static class HeaderBuilder
{
    public static byte[] V3(ulong number = 0, ulong viewId = 0, ulong epoch = 0, uint shardId = 0, byte[]? outgoingReceiptHash = null, byte[]? parentHash = null)
    {
        byte[][] fields =
        [
            Str(parentHash ?? new byte[32]),   // ParentHash
            Str(new byte[20]),                 // Coinbase
            Str(new byte[32]),                 // Root
            Str(new byte[32]),                 // TxHash
            Str(new byte[32]),                 // ReceiptHash
            Str(outgoingReceiptHash ?? new byte[32]), // OutgoingReceiptHash
            Str(new byte[32]),                 // IncomingReceiptHash
            Str(new byte[256]),                // Bloom
            Int(number),                       // Number
            Int(0),                            // GasLimit
            Int(0),                            // GasUsed
            Int(0),                            // Time
            Str([]),                           // Extra
            Str(new byte[32]),                 // MixDigest
            Int(viewId),                       // ViewID
            Int(epoch),                        // Epoch
            Int(shardId),                      // ShardID
            Str(new byte[96]),                 // LastCommitSignature
            Str([]),                           // LastCommitBitmap
            Str([]),                           // Vrf
            Str([]),                           // Vdf
            Str([]),                           // ShardState
            Str([]),                           // CrossLinks
            Str([]),                           // Slashes
        ];
        byte[] inner = List(fields);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RlpWriter(buffer);
        HarmonyTaggedRlp.WriteEnvelope(ref writer, "v3"u8, inner);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Str(byte[] value) => Rlp.EncodeBytes(value);

    public static byte[] Int(BigInteger value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new RlpWriter(buffer).WriteBigInteger(value);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] List(byte[][] items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(items.Sum(i => i.Length));
        foreach (byte[] item in items)
        {
            writer.WriteRaw(item);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
