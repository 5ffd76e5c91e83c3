namespace Harmony.Crypto.Encoding.Protobuf;

/// <summary>
/// Base-128 varints: protobuf's (up to 10 bytes, 64 bits) and the multiformats unsigned varint that prefixes libp2p
/// stream frames (at most 9 bytes, minimal encoding).
/// </summary>
public static class Varint
{
    /// <summary>The longest multiformats unsigned varint, in bytes.</summary>
    public const int MaxUnsignedVarintLength = 9;

    /// <summary>The longest protobuf varint, in bytes.</summary>
    public const int MaxProtobufVarintLength = 10;

    /// <summary>Number of bytes <paramref name="value"/> takes as a varint.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1–10.</returns>
    public static int Size(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Writes <paramref name="value"/> as a varint.</summary>
    /// <param name="destination">At least <see cref="Size(ulong)"/> bytes.</param>
    /// <param name="value">The value.</param>
    /// <returns>Bytes written.</returns>
    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads a protobuf varint (up to 10 bytes; a 10th byte may only carry the top bit).</summary>
    /// <param name="source">The bytes.</param>
    /// <param name="value">The value.</param>
    /// <param name="consumed">Bytes read, or 0 when incomplete or malformed.</param>
    /// <returns>Whether a complete, well-formed varint was read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var limit = Math.Min(source.Length, MaxProtobufVarintLength);
        for (var i = 0; i < limit; i++)
        {
            ulong b = source[i];
            if (i == MaxProtobufVarintLength - 1 && b > 1)
            {
                value = 0;
                return false;
            }

            value |= (b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                consumed = i + 1;
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// Reads a multiformats unsigned varint: at most 9 bytes and minimally encoded (no trailing zero groups).
    /// </summary>
    /// <param name="source">The bytes.</param>
    /// <param name="value">The value.</param>
    /// <param name="consumed">Bytes read; 0 when more bytes are needed or the encoding is invalid.</param>
    /// <returns>
    /// <see langword="true"/> with <paramref name="consumed"/> &gt; 0 when read; <see langword="true"/> with 0 when the
    /// bytes so far are a valid but incomplete prefix; <see langword="false"/> when the encoding is invalid.
    /// </returns>
    public static bool TryReadUnsigned(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var limit = Math.Min(source.Length, MaxUnsignedVarintLength);
        for (var i = 0; i < limit; i++)
        {
            ulong b = source[i];
            value |= (b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                if (b == 0 && i > 0)
                {
                    value = 0;
                    return false;
                }

                consumed = i + 1;
                return true;
            }
        }

        value = 0;
        return source.Length < MaxUnsignedVarintLength;
    }

    /// <summary>
    /// Reads a minimally encoded varint of at most 10 bytes (the rule libp2p's stream framing and multiaddrs follow):
    /// false when the input ends early, overflows 64 bits or carries a redundant trailing zero group.
    /// </summary>
    /// <param name="source">The bytes.</param>
    /// <param name="value">The value.</param>
    /// <param name="consumed">Bytes read, or 0 on failure.</param>
    /// <returns>Whether a complete, minimal varint was read.</returns>
    public static bool TryReadMinimal(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        if (!TryRead(source, out value, out consumed))
        {
            return false;
        }

        if (consumed > 1 && source[consumed - 1] == 0)
        {
            value = 0;
            consumed = 0;
            return false;
        }

        return true;
    }
}
