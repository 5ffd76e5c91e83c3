namespace Harmony.Crypto.Encoding;

/// <summary>The decoded prefix of one RLP item: its kind and the sizes of its header and payload.</summary>
internal readonly struct RlpItemHeader
{
    internal RlpItemHeader(bool isList, int headerLength, int payloadLength)
    {
        IsList = isList;
        HeaderLength = headerLength;
        PayloadLength = payloadLength;
    }

    /// <summary>Whether the item is a list (prefix 0xc0 or above).</summary>
    internal bool IsList { get; }

    /// <summary>Bytes before the payload: 0 for a single byte below 0x80, 1 for short forms, 1 + length-of-length for long forms.</summary>
    internal int HeaderLength { get; }

    /// <summary>Bytes of payload.</summary>
    internal int PayloadLength { get; }

    /// <summary>Header plus payload; never overflows because both were checked against the input length.</summary>
    internal int TotalLength => HeaderLength + PayloadLength;

    /// <summary>
    /// Decodes the header of the item that starts at <c>input[0]</c> and checks every canonical-form rule that the
    /// header alone decides, and that the whole item fits in <paramref name="input"/>, before anything is sliced.
    /// </summary>
    /// <param name="input">The bytes from the item's first byte to the end of the enclosing input.</param>
    /// <param name="header">The decoded header when the result is <see cref="RlpErrorKind.None"/>.</param>
    /// <returns><see cref="RlpErrorKind.None"/>, or the rule broken.</returns>
    internal static RlpErrorKind TryDecode(ReadOnlySpan<byte> input, out RlpItemHeader header)
    {
        header = default;
        if (input.IsEmpty)
        {
            return RlpErrorKind.UnexpectedEnd;
        }

        byte prefix = input[0];
        if (prefix < Rlp.ShortStringOffset)
        {
            header = new RlpItemHeader(false, 0, 1);
            return RlpErrorKind.None;
        }

        if (prefix <= Rlp.LongStringOffset)
        {
            int length = prefix - Rlp.ShortStringOffset;
            if (length > input.Length - 1)
            {
                return RlpErrorKind.UnexpectedEnd;
            }

            if (length == 1 && input[1] < Rlp.ShortStringOffset)
            {
                return RlpErrorKind.NonCanonicalSingleByte;
            }

            header = new RlpItemHeader(false, 1, length);
            return RlpErrorKind.None;
        }

        if (prefix < Rlp.ShortListOffset)
        {
            return TryDecodeLong(input, false, prefix - Rlp.LongStringOffset, out header);
        }

        if (prefix <= Rlp.LongListOffset)
        {
            int length = prefix - Rlp.ShortListOffset;
            if (length > input.Length - 1)
            {
                return RlpErrorKind.UnexpectedEnd;
            }

            header = new RlpItemHeader(true, 1, length);
            return RlpErrorKind.None;
        }

        return TryDecodeLong(input, true, prefix - Rlp.LongListOffset, out header);
    }

    private static RlpErrorKind TryDecodeLong(ReadOnlySpan<byte> input, bool isList, int lengthOfLength, out RlpItemHeader header)
    {
        header = default;
        if (lengthOfLength > input.Length - 1)
        {
            return RlpErrorKind.UnexpectedEnd;
        }

        if (input[1] == 0)
        {
            return RlpErrorKind.LeadingZeroInLength;
        }

        ulong length = 0;
        for (int i = 1; i <= lengthOfLength; i++)
        {
            length = (length << 8) | input[i];
        }

        if (length > int.MaxValue)
        {
            return RlpErrorKind.LengthOverflow;
        }

        if (length <= Rlp.MaxShortLength)
        {
            return RlpErrorKind.NonCanonicalShortLength;
        }

        int headerLength = 1 + lengthOfLength;
        if ((int)length > input.Length - headerLength)
        {
            return RlpErrorKind.UnexpectedEnd;
        }

        header = new RlpItemHeader(isList, headerLength, (int)length);
        return RlpErrorKind.None;
    }
}
