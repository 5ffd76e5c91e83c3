using System.Buffers.Binary;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Integers modulo the group order r = 0x73eda753…00000001 as four little-endian 64-bit words: parsing, range checks
/// and a constant-time reduction of wide values (for key generation).
/// </summary>
internal static class ScalarField
{
    internal const ulong R0 = 0xffffffff00000001, R1 = 0x53bda402fffe5bfe, R2 = 0x3339d80809a1d805, R3 = 0x73eda753299d7d48;

    /// <summary>Reads 32 big-endian bytes into words; false unless the value is below r.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> bigEndian32, Span<ulong> words)
    {
        words[3] = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32);
        words[2] = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[8..]);
        words[1] = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[16..]);
        words[0] = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[24..]);
        return LessThanR(words);
    }

    /// <summary>Writes the four words as 32 big-endian bytes.</summary>
    internal static void Write(ReadOnlySpan<ulong> words, Span<byte> bigEndian32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32, words[3]);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[8..], words[2]);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[16..], words[1]);
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian32[24..], words[0]);
    }

    internal static bool IsZero(ReadOnlySpan<ulong> words) => (words[0] | words[1] | words[2] | words[3]) == 0;

    /// <summary>Constant-time comparison with r.</summary>
    internal static bool LessThanR(ReadOnlySpan<ulong> w)
    {
        SubtractR(w[0], w[1], w[2], w[3], out _, out _, out _, out _, out ulong borrow);
        return borrow == 1;
    }

    /// <summary>
    /// Reduces a big-endian integer of any length modulo r in constant time (one conditional subtraction per input
    /// bit): used on HKDF output, which is secret.
    /// </summary>
    internal static void ReduceBigEndian(ReadOnlySpan<byte> value, Span<ulong> result)
    {
        ulong a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        foreach (byte b in value)
        {
            for (int bit = 7; bit >= 0; bit--)
            {
                // acc = 2·acc + bit, with acc < r < 2^255 so the doubling fits in 256 bits.
                ulong carryIn = (ulong)((b >> bit) & 1);
                a3 = (a3 << 1) | (a2 >> 63);
                a2 = (a2 << 1) | (a1 >> 63);
                a1 = (a1 << 1) | (a0 >> 63);
                a0 = (a0 << 1) | carryIn;
                SubtractR(a0, a1, a2, a3, out ulong d0, out ulong d1, out ulong d2, out ulong d3, out ulong borrow);
                ulong keep = 0UL - borrow;
                a0 = (a0 & keep) | (d0 & ~keep);
                a1 = (a1 & keep) | (d1 & ~keep);
                a2 = (a2 & keep) | (d2 & ~keep);
                a3 = (a3 & keep) | (d3 & ~keep);
            }
        }

        result[0] = a0;
        result[1] = a1;
        result[2] = a2;
        result[3] = a3;
    }

    private static void SubtractR(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong d0, out ulong d1, out ulong d2, out ulong d3, out ulong borrow)
    {
        d0 = a0 - R0;
        ulong b = a0 < R0 ? 1UL : 0UL;
        d1 = a1 - R1;
        ulong b1 = (a1 < R1 ? 1UL : 0UL) | (d1 < b ? 1UL : 0UL);
        d1 -= b;
        b = b1;
        d2 = a2 - R2;
        b1 = (a2 < R2 ? 1UL : 0UL) | (d2 < b ? 1UL : 0UL);
        d2 -= b;
        b = b1;
        d3 = a3 - R3;
        b1 = (a3 < R3 ? 1UL : 0UL) | (d3 < b ? 1UL : 0UL);
        d3 -= b;
        borrow = b1;
    }
}
