using System.Buffers;

namespace Harmony.Consensus.Messages;

/// <summary>
/// Minimal proto3 writer: fields in the order the caller writes them (ascending field number), default values
/// omitted, as Go's protobuf marshals them.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    internal ProtoWriter(int capacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(capacity);
    }

    internal byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>A uint64/uint32/enum field (wire type 0), omitted when zero.</summary>
    internal void WriteVarintField(int field, ulong value)
    {
        if (value == 0)
        {
            return;
        }

        WriteVarint((ulong)field << 3);
        WriteVarint(value);
    }

    /// <summary>An int64 field: negative values are the 10-byte two's-complement varint, as in Go.</summary>
    internal void WriteInt64Field(int field, long value) => WriteVarintField(field, unchecked((ulong)value));

    /// <summary>A bytes field (wire type 2), omitted when empty.</summary>
    internal void WriteBytesField(int field, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        WriteLengthDelimited(field, value);
    }

    /// <summary>An embedded message (wire type 2), written even when empty, as a set oneof member is.</summary>
    internal void WriteMessageField(int field, ReadOnlySpan<byte> encodedMessage) => WriteLengthDelimited(field, encodedMessage);

    private void WriteLengthDelimited(int field, ReadOnlySpan<byte> value)
    {
        WriteVarint(((ulong)field << 3) | 2);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    private void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }
}
