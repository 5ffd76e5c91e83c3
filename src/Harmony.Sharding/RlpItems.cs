using System.Buffers;
using System.Numerics;
using Harmony.Crypto.Encoding;

namespace Harmony.Sharding;

/// <summary>Builds RLP items bottom-up as byte arrays (for the small, nested structures of this package).</summary>
internal static class RlpItems
{
    internal static byte[] Bytes(ReadOnlySpan<byte> value) => Rlp.EncodeBytes(value);

    internal static byte[] UInt(ulong value)
    {
        var buffer = new ArrayBufferWriter<byte>(9);
        new RlpWriter(buffer).WriteUInt64(value);
        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] Big(BigInteger value)
    {
        var buffer = new ArrayBufferWriter<byte>(Rlp.LengthOfBigInteger(value));
        new RlpWriter(buffer).WriteBigInteger(value);
        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] List(IReadOnlyList<byte[]> items)
    {
        int payload = 0;
        foreach (byte[] item in items)
        {
            payload = checked(payload + item.Length);
        }

        var buffer = new ArrayBufferWriter<byte>(Rlp.LengthOfList(payload));
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(payload);
        foreach (byte[] item in items)
        {
            writer.WriteRaw(item);
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] List(params byte[][] items) => List((IReadOnlyList<byte[]>)items);
}
