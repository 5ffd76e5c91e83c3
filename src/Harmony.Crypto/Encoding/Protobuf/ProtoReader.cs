namespace Harmony.Crypto.Encoding.Protobuf;

/// <summary>
/// A forward-only protobuf reader over untrusted bytes. Every method returns <see langword="false"/> on truncated or
/// malformed input instead of throwing; lengths never exceed the remaining input, so nothing is allocated here.
/// </summary>
public ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    /// <param name="data">One encoded message.</param>
    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Whether all input has been read.</summary>
    public readonly bool End => _position >= _data.Length;

    /// <summary>Whether <see cref="TryReadField"/> stopped at malformed input rather than at the end.</summary>
    public bool Malformed { get; private set; }

    /// <summary>
    /// Reads the next whole field: its number, wire type, and its value — the integer for varint, 64-bit and 32-bit
    /// fields, the bytes for length-delimited ones. False at the end of the input, or on malformed input with
    /// <see cref="Malformed"/> set.
    /// </summary>
    /// <param name="field">The field number.</param>
    /// <param name="wireType">The wire type.</param>
    /// <param name="value">The integer value (varint, fixed64, fixed32 fields).</param>
    /// <param name="bytes">The value of a length-delimited field, a slice of the input.</param>
    /// <returns>Whether a field was read.</returns>
    public bool TryReadField(out int field, out ProtoWireType wireType, out ulong value, out ReadOnlySpan<byte> bytes)
    {
        value = 0;
        bytes = default;
        if (End)
        {
            field = 0;
            wireType = default;
            return false;
        }

        if (!TryReadTag(out field, out wireType))
        {
            return Fail();
        }

        var rest = _data[_position..];
        switch (wireType)
        {
            case ProtoWireType.Varint:
                return TryReadVarint(out value) || Fail();
            case ProtoWireType.LengthDelimited:
                return TryReadBytes(out bytes) || Fail();
            case ProtoWireType.Fixed64 when rest.Length >= 8:
                value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(rest);
                _position += 8;
                return true;
            case ProtoWireType.Fixed32 when rest.Length >= 4:
                value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(rest);
                _position += 4;
                return true;
            default:
                return Fail();
        }
    }

    /// <summary>Reads the next field key.</summary>
    /// <param name="field">The field number (1 or more).</param>
    /// <param name="wireType">The wire type.</param>
    /// <returns>Whether a valid key was read.</returns>
    public bool TryReadTag(out int field, out ProtoWireType wireType)
    {
        field = 0;
        wireType = default;
        if (!TryReadVarint(out var key) || key >> 3 is 0 or > int.MaxValue)
        {
            return false;
        }

        field = (int)(key >> 3);
        wireType = (ProtoWireType)(key & 7);
        return wireType is ProtoWireType.Varint or ProtoWireType.Fixed64 or ProtoWireType.LengthDelimited or ProtoWireType.Fixed32;
    }

    /// <summary>Reads a varint value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether a complete varint was read.</returns>
    public bool TryReadVarint(out ulong value)
    {
        if (!Varint.TryRead(_data[_position..], out value, out var consumed))
        {
            return false;
        }

        _position += consumed;
        return true;
    }

    /// <summary>Reads a length-delimited value.</summary>
    /// <param name="value">The bytes, a slice of the input.</param>
    /// <returns>Whether the length and all its bytes were present.</returns>
    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryReadVarint(out var length) || length > (ulong)(_data.Length - _position))
        {
            return false;
        }

        value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }

    /// <summary>Skips a value of an unknown field.</summary>
    /// <param name="wireType">Its wire type.</param>
    /// <returns>Whether the value was complete.</returns>
    public bool TrySkip(ProtoWireType wireType)
    {
        switch (wireType)
        {
            case ProtoWireType.Varint:
                return TryReadVarint(out _);
            case ProtoWireType.LengthDelimited:
                return TryReadBytes(out _);
            case ProtoWireType.Fixed64:
                return TryAdvance(8);
            case ProtoWireType.Fixed32:
                return TryAdvance(4);
            default:
                return false;
        }
    }

    private bool Fail()
    {
        Malformed = true;
        _position = _data.Length;
        return false;
    }

    private bool TryAdvance(int count)
    {
        if (_data.Length - _position < count)
        {
            return false;
        }

        _position += count;
        return true;
    }
}
