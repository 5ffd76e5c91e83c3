using System.Buffers;
using System.Text;

namespace Harmony.P2P.Libp2pWire;

/// <summary>
/// Writes the few protobuf messages the libp2p transport needs (keys, the Noise payload, identify) in field order,
/// which is the deterministic encoding libp2p requires for keys.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>Writes a varint field (wire type 0).</summary>
    public void WriteVarint(int field, ulong value)
    {
        WriteRawVarint((ulong)field << 3);
        WriteRawVarint(value);
    }

    /// <summary>Writes a length-delimited field (wire type 2).</summary>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteRawVarint(((ulong)field << 3) | 2);
        WriteRawVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>Writes a UTF-8 string field.</summary>
    public void WriteString(int field, string value)
    {
        int count = Encoding.UTF8.GetByteCount(value);
        WriteRawVarint(((ulong)field << 3) | 2);
        WriteRawVarint((ulong)count);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count));
        _buffer.Advance(count);
    }

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void WriteRawVarint(ulong value)
    {
        int written = Varint.Write(value, _buffer.GetSpan(Varint.MaxLength));
        _buffer.Advance(written);
    }
}
