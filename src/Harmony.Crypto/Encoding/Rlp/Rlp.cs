using System.Numerics;

namespace Harmony.Crypto.Encoding;

/// <summary>
/// Recursive Length Prefix encoding as used by Ethereum and Harmony: lengths of encoded items, and small conveniences.
/// Write with <see cref="RlpWriter"/>, read with <see cref="RlpReader"/>.
/// </summary>
public static class Rlp
{
    /// <summary>Default bound on list nesting for <see cref="RlpReader"/>.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Prefix of a string of 0 bytes; a short string of n bytes starts with 0x80 + n.</summary>
    internal const byte ShortStringOffset = 0x80;

    /// <summary>Last prefix of a short string (55 bytes); 0xb8..0xbf start long strings.</summary>
    internal const byte LongStringOffset = 0xb7;

    /// <summary>Prefix of an empty list; a short list of n payload bytes starts with 0xc0 + n.</summary>
    internal const byte ShortListOffset = 0xc0;

    /// <summary>Last prefix of a short list (55 payload bytes); 0xf8..0xff start long lists.</summary>
    internal const byte LongListOffset = 0xf7;

    /// <summary>Largest payload that uses the one-byte short form.</summary>
    internal const int MaxShortLength = 55;

    /// <summary>Encoded length of a string item holding <paramref name="value"/>.</summary>
    /// <param name="value">The string's bytes.</param>
    /// <returns>1 for a single byte below 0x80, otherwise header plus payload.</returns>
    public static int LengthOfBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < ShortStringOffset)
        {
            return 1;
        }

        return checked(RlpEncoder.HeaderLength(value.Length) + value.Length);
    }

    /// <summary>Encoded length of an unsigned integer written as a minimal big-endian string.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>Between 1 (values below 0x80, and 0 as 0x80) and 9.</returns>
    public static int LengthOfUInt64(ulong value) => value < ShortStringOffset ? 1 : 1 + RlpEncoder.ByteLength(value);

    /// <summary>Encoded length of a non-negative integer written as a minimal big-endian string.</summary>
    /// <param name="value">The integer; must not be negative.</param>
    /// <returns>The encoded length.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static int LengthOfBigInteger(BigInteger value)
    {
        ThrowIfNegative(value);
        if (value < ShortStringOffset)
        {
            return 1;
        }

        int byteCount = value.GetByteCount(isUnsigned: true);
        return checked(RlpEncoder.HeaderLength(byteCount) + byteCount);
    }

    /// <summary>Encoded length of a list whose items take <paramref name="payloadLength"/> bytes together.</summary>
    /// <param name="payloadLength">Sum of the encoded lengths of the list's items.</param>
    /// <returns>Header plus payload.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative.</exception>
    public static int LengthOfList(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        return checked(RlpEncoder.HeaderLength(payloadLength) + payloadLength);
    }

    /// <summary>Encodes <paramref name="value"/> as a string item into a new array.</summary>
    /// <param name="value">The string's bytes.</param>
    /// <returns>The encoded item.</returns>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> value)
    {
        byte[] encoded = new byte[LengthOfBytes(value)];
        RlpEncoder.WriteBytes(encoded, value);
        return encoded;
    }

    internal static void ThrowIfNegative(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "RLP encodes only non-negative integers.");
        }
    }
}
