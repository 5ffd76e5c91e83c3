namespace Harmony.Crypto.Encoding.Protobuf;

/// <summary>
/// A forward-only protobuf writer into a span sized beforehand with <see cref="ProtoSize"/>. Nested messages are
/// written as a length prefix (their precomputed size) followed by their fields.
/// </summary>
public ref struct ProtoWriter
{
    private readonly Span<byte> _destination;

    /// <summary>Creates a writer.</summary>
    /// <param name="destination">Room for the whole message.</param>
    public ProtoWriter(Span<byte> destination)
    {
        _destination = destination;
        Written = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public int Written { get; private set; }

    /// <summary>Writes a field key.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="wireType">The wire type.</param>
    public void WriteTag(int field, ProtoWireType wireType) => WriteVarint(((ulong)field << 3) | (ulong)wireType);

    /// <summary>Writes a bare varint.</summary>
    /// <param name="value">The value.</param>
    public void WriteVarint(ulong value) => Written += Varint.Write(_destination[Written..], value);

    /// <summary>Writes a varint field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The value.</param>
    public void WriteVarintField(int field, ulong value)
    {
        WriteTag(field, ProtoWireType.Varint);
        WriteVarint(value);
    }

    /// <summary>Writes a bytes field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The bytes.</param>
    public void WriteBytesField(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        value.CopyTo(_destination[Written..]);
        Written += value.Length;
    }

    /// <summary>Writes a UTF-8 string field.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="value">The text.</param>
    public void WriteStringField(int field, string value)
    {
        WriteTag(field, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)System.Text.Encoding.UTF8.GetByteCount(value));
        Written += System.Text.Encoding.UTF8.GetBytes(value, _destination[Written..]);
    }

    /// <summary>Starts a nested message field whose encoded size is <paramref name="length"/>.</summary>
    /// <param name="field">The field number.</param>
    /// <param name="length">The nested message's size from <see cref="ProtoSize"/>.</param>
    public void WriteMessageHeader(int field, int length)
    {
        WriteTag(field, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)length);
    }
}
