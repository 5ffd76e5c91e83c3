namespace Harmony.P2P.Libp2pWire;

/// <summary>
/// Reads protobuf fields one at a time from untrusted bytes. Varint (0), 64-bit (1), length-delimited (2) and
/// 32-bit (5) wire types are understood; anything else, or a field running past the end, makes <see cref="TryNext"/>
/// return false with <see cref="Malformed"/> set.
/// </summary>
internal ref struct ProtoReader
{
    private ReadOnlySpan<byte> _rest;

    public ProtoReader(ReadOnlySpan<byte> message)
    {
        _rest = message;
        Malformed = false;
    }

    /// <summary>Whether reading stopped at malformed input rather than at the end.</summary>
    public bool Malformed { get; private set; }

    /// <summary>Reads the next field: its number, wire type, varint value (types 0, 1, 5) or bytes (type 2).</summary>
    public bool TryNext(out int field, out int wireType, out ulong value, out ReadOnlySpan<byte> bytes)
    {
        field = 0;
        wireType = 0;
        value = 0;
        bytes = default;
        if (_rest.IsEmpty)
        {
            return false;
        }

        if (!Varint.TryRead(_rest, out ulong key, out int used) || key >> 3 is 0 or > int.MaxValue)
        {
            return Fail();
        }

        _rest = _rest[used..];
        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        switch (wireType)
        {
            case 0:
                if (!Varint.TryRead(_rest, out value, out used))
                {
                    return Fail();
                }

                _rest = _rest[used..];
                return true;
            case 1:
                if (_rest.Length < 8)
                {
                    return Fail();
                }

                value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_rest);
                _rest = _rest[8..];
                return true;
            case 2:
                if (!Varint.TryRead(_rest, out ulong length, out used) || length > (ulong)(_rest.Length - used))
                {
                    return Fail();
                }

                bytes = _rest.Slice(used, (int)length);
                _rest = _rest[(used + (int)length)..];
                return true;
            case 5:
                if (_rest.Length < 4)
                {
                    return Fail();
                }

                value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_rest);
                _rest = _rest[4..];
                return true;
            default:
                return Fail();
        }
    }

    private bool Fail()
    {
        Malformed = true;
        _rest = default;
        return false;
    }
}
