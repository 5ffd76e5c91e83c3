namespace Harmony.P2P.Libp2pWire;

/// <summary>Unsigned LEB128 varints as multiformats and protobuf write them, bounded to 64 bits.</summary>
internal static class Varint
{
    /// <summary>The longest encoding of a 64-bit value.</summary>
    public const int MaxLength = 10;

    /// <summary>The number of bytes <paramref name="value"/> takes.</summary>
    public static int SizeOf(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Writes <paramref name="value"/> and returns the bytes written; the destination must hold <see cref="SizeOf"/>.</summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads a minimal varint; false when the input ends early, overflows 64 bits or is not minimally encoded.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        for (int i = 0; i < source.Length && i < MaxLength; i++)
        {
            byte b = source[i];
            if (i == MaxLength - 1 && b > 1)
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                if (b == 0 && i > 0)
                {
                    return false;
                }

                consumed = i + 1;
                return true;
            }
        }

        value = 0;
        return false;
    }
}
