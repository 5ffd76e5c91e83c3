using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.Consensus.Messages;

/// <summary>
/// The proto3 conventions of Harmony's Go messages over the shared protobuf reader and writer: default values are
/// omitted when writing, and every length-delimited field read is bounded.
/// </summary>
internal static class ProtoFields
{
    /// <summary>Reads a length-delimited field no longer than <paramref name="maxLength"/> as a slice of the input.</summary>
    internal static bool TryReadBounded(ref ProtoReader reader, int maxLength, out ReadOnlySpan<byte> value) =>
        reader.TryReadBytes(out value) && value.Length <= maxLength;

    /// <summary>Reads a length-delimited field no longer than <paramref name="maxLength"/> into a new array.</summary>
    internal static bool TryReadBytes(ref ProtoReader reader, int maxLength, out byte[] value)
    {
        if (TryReadBounded(ref reader, maxLength, out var span))
        {
            value = span.ToArray();
            return true;
        }

        value = [];
        return false;
    }

    /// <summary>A uint64/uint32/enum field (wire type 0), omitted when zero.</summary>
    internal static void WriteVarintField(this ProtoBufferWriter writer, int field, ulong value)
    {
        if (value != 0)
        {
            writer.WriteVarint(field, value);
        }
    }

    /// <summary>An int64 field: negative values are the 10-byte two's-complement varint, as in Go.</summary>
    internal static void WriteInt64Field(this ProtoBufferWriter writer, int field, long value) =>
        writer.WriteVarintField(field, unchecked((ulong)value));

    /// <summary>A bytes field (wire type 2), omitted when empty.</summary>
    internal static void WriteBytesField(this ProtoBufferWriter writer, int field, ReadOnlySpan<byte> value)
    {
        if (!value.IsEmpty)
        {
            writer.WriteBytes(field, value);
        }
    }

    /// <summary>An embedded message (wire type 2), written even when empty, as a set oneof member is.</summary>
    internal static void WriteMessageField(this ProtoBufferWriter writer, int field, ReadOnlySpan<byte> encodedMessage) =>
        writer.WriteBytes(field, encodedMessage);
}
