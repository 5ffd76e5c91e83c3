namespace Harmony.Consensus.Messages;

/// <summary>
/// Minimal bounds-checked proto3 reader over a span. Every method returns false on truncated or malformed input
/// instead of throwing; nothing is allocated.
/// </summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    internal ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    internal readonly bool HasMore => _position < _data.Length;

    /// <summary>Reads a field key: the field number and the wire type.</summary>
    internal bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (!TryReadVarint(out ulong key) || key >> 3 is 0 or > int.MaxValue)
        {
            return false;
        }

        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        return true;
    }

    /// <summary>Reads a varint of at most 10 bytes.</summary>
    internal bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length)
            {
                return false;
            }

            byte b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a length-delimited value no longer than <paramref name="maxLength"/>.</summary>
    internal bool TryReadLengthDelimited(int maxLength, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryReadVarint(out ulong length) || length > (ulong)maxLength || length > (ulong)(_data.Length - _position))
        {
            return false;
        }

        value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }
}
