using System.Numerics;

namespace Harmony.Crypto.Encoding;

/// <summary>Span-level encoding primitives shared by <see cref="Rlp"/> and <see cref="RlpWriter"/>.</summary>
internal static class RlpEncoder
{
    /// <summary>Number of bytes in the minimal big-endian form of <paramref name="value"/> (0 for 0).</summary>
    internal static int ByteLength(ulong value) => (71 - BitOperations.LeadingZeroCount(value)) >> 3;

    /// <summary>Length of the header of an item whose payload is <paramref name="payloadLength"/> bytes long.</summary>
    internal static int HeaderLength(int payloadLength) =>
        payloadLength <= Rlp.MaxShortLength ? 1 : 1 + ByteLength((uint)payloadLength);

    /// <summary>Writes a header (short or long form) and returns its length.</summary>
    /// <param name="destination">Where to write; must hold <see cref="HeaderLength"/> bytes.</param>
    /// <param name="payloadLength">Length of the payload that follows.</param>
    /// <param name="shortOffset"><see cref="Rlp.ShortStringOffset"/> or <see cref="Rlp.ShortListOffset"/>.</param>
    /// <returns>Bytes written.</returns>
    internal static int WriteHeader(Span<byte> destination, int payloadLength, byte shortOffset)
    {
        if (payloadLength <= Rlp.MaxShortLength)
        {
            destination[0] = (byte)(shortOffset + payloadLength);
            return 1;
        }

        int lengthOfLength = ByteLength((uint)payloadLength);
        destination[0] = (byte)(shortOffset + Rlp.MaxShortLength + lengthOfLength);
        WriteBigEndian(destination.Slice(1, lengthOfLength), (uint)payloadLength);
        return 1 + lengthOfLength;
    }

    /// <summary>Writes a string item and returns its encoded length.</summary>
    /// <param name="destination">Where to write; must hold <see cref="Rlp.LengthOfBytes"/> bytes.</param>
    /// <param name="value">The string's bytes.</param>
    /// <returns>Bytes written.</returns>
    internal static int WriteBytes(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < Rlp.ShortStringOffset)
        {
            destination[0] = value[0];
            return 1;
        }

        int headerLength = WriteHeader(destination, value.Length, Rlp.ShortStringOffset);
        value.CopyTo(destination[headerLength..]);
        return headerLength + value.Length;
    }

    /// <summary>Writes an unsigned integer as a minimal big-endian string item and returns its encoded length.</summary>
    /// <param name="destination">Where to write; must hold <see cref="Rlp.LengthOfUInt64"/> bytes.</param>
    /// <param name="value">The integer; 0 is written as 0x80.</param>
    /// <returns>Bytes written.</returns>
    internal static int WriteUInt64(Span<byte> destination, ulong value)
    {
        if (value < Rlp.ShortStringOffset)
        {
            destination[0] = value == 0 ? Rlp.ShortStringOffset : (byte)value;
            return 1;
        }

        int length = ByteLength(value);
        destination[0] = (byte)(Rlp.ShortStringOffset + length);
        WriteBigEndian(destination.Slice(1, length), value);
        return 1 + length;
    }

    /// <summary>Writes the low <c>destination.Length</c> bytes of <paramref name="value"/> big-endian.</summary>
    private static void WriteBigEndian(Span<byte> destination, ulong value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)value;
            value >>= 8;
        }
    }
}
