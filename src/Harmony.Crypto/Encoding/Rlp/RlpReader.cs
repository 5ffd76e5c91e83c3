using System.Numerics;

namespace Harmony.Crypto.Encoding;

/// <summary>
/// Reads canonical RLP from a span, one item at a time, rejecting every non-canonical form. Lists are read through
/// sub-readers over their payload, so nesting is walked by the caller without recursion inside the reader.
/// </summary>
/// <remarks>
/// <para>
/// Each <c>TryRead…</c> method returns <see langword="false"/> and sets <see cref="LastError"/> when the next item is
/// malformed or has the wrong shape; the reader does not move in that case. The throwing forms (<see cref="ReadBytes"/>
/// and the others) throw <see cref="RlpException"/> instead. Declared lengths are checked against the remaining input
/// before anything is sliced, and reading never allocates except to build a <see cref="BigInteger"/>.
/// </para>
/// <para>
/// A list's sub-reader must be drained and closed with <see cref="TryEnsureEnd"/> (or <see cref="EnsureEnd"/>) to
/// reject extra items, and so must the top-level reader, to reject trailing bytes.
/// </para>
/// </remarks>
public ref partial struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;
    private readonly int _depth;
    private readonly int _maxDepth;
    private int _position;
    private RlpError _lastError;

    /// <summary>Creates a reader over a top-level input.</summary>
    /// <param name="data">The encoded input.</param>
    /// <param name="maxDepth">How many levels of lists may be opened; 0 forbids lists.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is negative.</exception>
    public RlpReader(ReadOnlySpan<byte> data, int maxDepth = Rlp.DefaultMaxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        _data = data;
        _maxDepth = maxDepth;
    }

    private RlpReader(ReadOnlySpan<byte> data, int origin, int depth, int maxDepth)
    {
        _data = data;
        _origin = origin;
        _depth = depth;
        _maxDepth = maxDepth;
    }

    /// <summary>Offset of the next item from the start of the top-level input (sub-readers keep absolute offsets).</summary>
    public readonly int Position => _origin + _position;

    /// <summary>Whether any bytes remain in this reader's input.</summary>
    public readonly bool HasMore => _position < _data.Length;

    /// <summary>Whether the next item is a list (judged by its first byte only); false at the end.</summary>
    public readonly bool NextIsList => _position < _data.Length && _data[_position] >= Rlp.ShortListOffset;

    /// <summary>Nesting level of this reader: 0 for the top level, one more for each list opened.</summary>
    public readonly int Depth => _depth;

    /// <summary>The error reported by the last <c>TryRead…</c> call that returned <see langword="false"/>.</summary>
    public readonly RlpError LastError => _lastError;

    /// <summary>Reads a string item.</summary>
    /// <param name="value">The string's bytes (for a single byte below 0x80, that byte).</param>
    /// <returns>Whether a well-formed string item was read.</returns>
    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        if (!TryPeekString(out RlpItemHeader header))
        {
            value = default;
            return false;
        }

        value = _data.Slice(_position + header.HeaderLength, header.PayloadLength);
        _position += header.TotalLength;
        return true;
    }

    /// <summary>Opens the next item as a list.</summary>
    /// <param name="list">A reader over the list's payload, one level deeper, reporting absolute offsets.</param>
    /// <returns>Whether a well-formed list header was read within the depth bound.</returns>
    public bool TryReadList(out RlpReader list)
    {
        list = default;
        if (!TryPeek(out RlpItemHeader header))
        {
            return false;
        }

        if (!header.IsList)
        {
            return Fail(RlpErrorKind.ExpectedList);
        }

        if (_depth >= _maxDepth)
        {
            return Fail(RlpErrorKind.DepthExceeded);
        }

        int payloadStart = _position + header.HeaderLength;
        list = new RlpReader(_data.Slice(payloadStart, header.PayloadLength), _origin + payloadStart, _depth + 1, _maxDepth);
        _position += header.TotalLength;
        return true;
    }

    /// <summary>Reads a canonical unsigned integer of at most 8 bytes.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>Whether a canonical integer was read: no leading zero byte, zero only as 0x80.</returns>
    public bool TryReadUInt64(out ulong value)
    {
        value = 0;
        if (!TryPeekInteger(sizeof(ulong), out ReadOnlySpan<byte> payload, out int totalLength))
        {
            return false;
        }

        for (int i = 0; i < payload.Length; i++)
        {
            value = (value << 8) | payload[i];
        }

        _position += totalLength;
        return true;
    }

    /// <summary>Reads a canonical non-negative integer of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="value">The integer.</param>
    /// <param name="maxBytes">Largest accepted payload, 32 (256 bits) by default.</param>
    /// <returns>Whether a canonical integer was read: no leading zero byte, zero only as 0x80.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is negative.</exception>
    public bool TryReadBigInteger(out BigInteger value, int maxBytes = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        value = BigInteger.Zero;
        if (!TryPeekInteger(maxBytes, out ReadOnlySpan<byte> payload, out int totalLength))
        {
            return false;
        }

        if (!payload.IsEmpty)
        {
            value = new BigInteger(payload, isUnsigned: true, isBigEndian: true);
        }

        _position += totalLength;
        return true;
    }

    /// <summary>Reads a string item of exactly <paramref name="length"/> bytes, such as a hash or an address.</summary>
    /// <param name="length">Required length.</param>
    /// <param name="value">The string's bytes.</param>
    /// <returns>Whether a string of that length was read.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public bool TryReadFixedBytes(int length, out ReadOnlySpan<byte> value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        value = default;
        if (!TryPeekString(out RlpItemHeader header))
        {
            return false;
        }

        if (header.PayloadLength != length)
        {
            return Fail(RlpErrorKind.WrongLength);
        }

        value = _data.Slice(_position + header.HeaderLength, length);
        _position += header.TotalLength;
        return true;
    }

    /// <summary>Reads the next item, string or list, whole with its header.</summary>
    /// <param name="encodedItem">The item's encoding.</param>
    /// <returns>Whether the item's header is well-formed and the item fits in the input.</returns>
    /// <remarks>Only the item's own header is checked; the contents of a list are checked when they are read.</remarks>
    public bool TryReadRaw(out ReadOnlySpan<byte> encodedItem)
    {
        if (!TryPeek(out RlpItemHeader header))
        {
            encodedItem = default;
            return false;
        }

        encodedItem = _data.Slice(_position, header.TotalLength);
        _position += header.TotalLength;
        return true;
    }

    /// <summary>Checks that no bytes remain: call it on a list's sub-reader after its last item, and on the top level.</summary>
    /// <returns>Whether the input is exhausted.</returns>
    public bool TryEnsureEnd()
    {
        return _position >= _data.Length || Fail(RlpErrorKind.TrailingBytes);
    }

    private bool TryPeek(out RlpItemHeader header)
    {
        RlpErrorKind kind = RlpItemHeader.TryDecode(_data[_position..], out header);
        return kind == RlpErrorKind.None || Fail(kind);
    }

    private bool TryPeekString(out RlpItemHeader header)
    {
        if (!TryPeek(out header))
        {
            return false;
        }

        return !header.IsList || Fail(RlpErrorKind.ExpectedString);
    }

    private bool TryPeekInteger(int maxBytes, out ReadOnlySpan<byte> payload, out int totalLength)
    {
        payload = default;
        totalLength = 0;
        if (!TryPeekString(out RlpItemHeader header))
        {
            return false;
        }

        if (header.PayloadLength > maxBytes)
        {
            return Fail(RlpErrorKind.IntegerTooLarge);
        }

        ReadOnlySpan<byte> bytes = _data.Slice(_position + header.HeaderLength, header.PayloadLength);
        if (!bytes.IsEmpty && bytes[0] == 0)
        {
            return Fail(RlpErrorKind.LeadingZeroInInteger);
        }

        payload = bytes;
        totalLength = header.TotalLength;
        return true;
    }

    private bool Fail(RlpErrorKind kind)
    {
        _lastError = new RlpError(Position, kind);
        return false;
    }
}
