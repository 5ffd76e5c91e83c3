using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// An integer modulo the group order L = 2^252 + 27742317777372353535851937790883648493, in five 52-bit limbs.
/// Reduction is Montgomery's with R = 2^260; every operation is branch-free, so the signing path may use it on
/// secrets.
/// </summary>
internal readonly struct Scalar
{
    /// <summary>Length of an encoded scalar.</summary>
    internal const int Length = 32;

    private const ulong Mask52 = (1UL << 52) - 1;

    // L in 52-bit limbs (limb 3 is zero).
    private const ulong L0 = 0x2631a5cf5d3ed;
    private const ulong L1 = 0xdea2f79cd6581;
    private const ulong L2 = 0x14def9;
    private const ulong L4 = 0x100000000000;

    // -1/L mod 2^52.
    private const ulong MontgomeryFactor = 0x51da312547e1b;

    private readonly ulong _l0;
    private readonly ulong _l1;
    private readonly ulong _l2;
    private readonly ulong _l3;
    private readonly ulong _l4;

    private Scalar(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
        _l4 = l4;
    }

    /// <summary>R mod L = 2^260 mod L.</summary>
    private static Scalar R => new(0xf48bd6721e6ed, 0x3bab5ac67e45a, 0xfffffeb35e51b, 0xfffffffffffff, 0xfffffffffff);

    /// <summary>R² mod L = 2^520 mod L.</summary>
    private static Scalar RSquared => new(0x9d265e952d13b, 0xd63c715bea69f, 0x5be65cb687604, 0x3dceec73d217f, 0x9411b7c309a);

    /// <summary>
    /// Reads 32 little-endian bytes as an integer below 2^256 without reducing it. Suitable as a multiplier in
    /// <see cref="MultiplyAdd"/> (for example a clamped secret scalar, which is below 2^255).
    /// </summary>
    internal static Scalar FromBytesUnreduced(ReadOnlySpan<byte> bytes)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new Scalar(
            w0 & Mask52,
            ((w0 >> 52) | (w1 << 12)) & Mask52,
            ((w1 >> 40) | (w2 << 24)) & Mask52,
            ((w2 >> 28) | (w3 << 36)) & Mask52,
            w3 >> 16);
    }

    /// <summary>Reduces a 64-byte little-endian integer (a SHA-512 output) modulo L.</summary>
    internal static Scalar FromBytesWide(ReadOnlySpan<byte> bytes)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        ulong w4 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[32..]);
        ulong w5 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]);
        ulong w6 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[48..]);
        ulong w7 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[56..]);

        // The low 260 bits and the high 252 bits: value = low + high·2^260 = low + high·R.
        var low = new Scalar(
            w0 & Mask52,
            ((w0 >> 52) | (w1 << 12)) & Mask52,
            ((w1 >> 40) | (w2 << 24)) & Mask52,
            ((w2 >> 28) | (w3 << 36)) & Mask52,
            ((w3 >> 16) | (w4 << 48)) & Mask52);
        var high = new Scalar(
            (w4 >> 4) & Mask52,
            ((w4 >> 56) | (w5 << 8)) & Mask52,
            ((w5 >> 44) | (w6 << 20)) & Mask52,
            ((w6 >> 32) | (w7 << 32)) & Mask52,
            w7 >> 20);

        // MontgomeryMultiply(x, y) = x·y/R, so low·R/R = low and high·R²/R = high·R, both mod L.
        return Add(MontgomeryMultiply(low, R), MontgomeryMultiply(high, RSquared));
    }

    /// <summary>Whether 32 little-endian bytes encode an integer below L (RFC 8032 §5.1.7 step 1). Variable-time.</summary>
    internal static bool IsCanonical(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> order =
        [
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
        ];
        for (int i = Length - 1; i >= 0; i--)
        {
            if (bytes[i] != order[i])
            {
                return bytes[i] < order[i];
            }
        }

        return false;
    }

    /// <summary>(c + a·b) mod L for a, c below L and b below 2^256 (constant-time).</summary>
    internal static Scalar MultiplyAdd(in Scalar a, in Scalar b, in Scalar c)
    {
        // a·b/R, then ·R²/R, gives a·b mod L.
        Scalar product = MontgomeryMultiply(MontgomeryMultiply(a, b), RSquared);
        return Add(product, c);
    }

    /// <summary>Writes the 32-byte little-endian encoding.</summary>
    internal void ToBytes(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _l0 | (_l1 << 52));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (_l1 >> 12) | (_l2 << 40));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (_l2 >> 24) | (_l3 << 28));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (_l3 >> 36) | (_l4 << 16));
    }

    /// <summary>(a + b) mod L for a, b below L.</summary>
    private static Scalar Add(in Scalar a, in Scalar b)
    {
        ulong s0 = a._l0 + b._l0;
        ulong s1 = a._l1 + b._l1 + (s0 >> 52);
        ulong s2 = a._l2 + b._l2 + (s1 >> 52);
        ulong s3 = a._l3 + b._l3 + (s2 >> 52);
        ulong s4 = a._l4 + b._l4 + (s3 >> 52);
        return SubtractOrderOnce(s0 & Mask52, s1 & Mask52, s2 & Mask52, s3 & Mask52, s4);
    }

    /// <summary>x - L when x ≥ L, else x, for x below 2L in 52-bit limbs; branch-free.</summary>
    private static Scalar SubtractOrderOnce(ulong x0, ulong x1, ulong x2, ulong x3, ulong x4)
    {
        ulong d0 = x0 - L0;
        ulong d1 = x1 - L1 - (d0 >> 63);
        ulong d2 = x2 - L2 - (d1 >> 63);
        ulong d3 = x3 - (d2 >> 63);
        ulong d4 = x4 - L4 - (d3 >> 63);

        // A borrow out of the top limb means x < L: keep x.
        ulong keep = 0 - (d4 >> 63);
        return new Scalar(
            (x0 & keep) | (d0 & Mask52 & ~keep),
            (x1 & keep) | (d1 & Mask52 & ~keep),
            (x2 & keep) | (d2 & Mask52 & ~keep),
            (x3 & keep) | (d3 & Mask52 & ~keep),
            (x4 & keep) | (d4 & Mask52 & ~keep));
    }

    /// <summary>a·b/R mod L for a·b below L·R (so that one final subtraction suffices).</summary>
    private static Scalar MontgomeryMultiply(in Scalar a, in Scalar b)
    {
        ulong a0 = a._l0, a1 = a._l1, a2 = a._l2, a3 = a._l3, a4 = a._l4;
        ulong b0 = b._l0, b1 = b._l1, b2 = b._l2, b3 = b._l3, b4 = b._l4;
        UInt128 z0 = Math.BigMul(a0, b0);
        UInt128 z1 = Math.BigMul(a0, b1) + Math.BigMul(a1, b0);
        UInt128 z2 = Math.BigMul(a0, b2) + Math.BigMul(a1, b1) + Math.BigMul(a2, b0);
        UInt128 z3 = Math.BigMul(a0, b3) + Math.BigMul(a1, b2) + Math.BigMul(a2, b1) + Math.BigMul(a3, b0);
        UInt128 z4 = Math.BigMul(a0, b4) + Math.BigMul(a1, b3) + Math.BigMul(a2, b2) + Math.BigMul(a3, b1) + Math.BigMul(a4, b0);
        UInt128 z5 = Math.BigMul(a1, b4) + Math.BigMul(a2, b3) + Math.BigMul(a3, b2) + Math.BigMul(a4, b1);
        UInt128 z6 = Math.BigMul(a2, b4) + Math.BigMul(a3, b3) + Math.BigMul(a4, b2);
        UInt128 z7 = Math.BigMul(a3, b4) + Math.BigMul(a4, b3);
        UInt128 z8 = Math.BigMul(a4, b4);

        // Add n·L, n chosen limb by limb so the low 260 bits vanish, then divide by 2^260. L's limb 3 is zero.
        ulong n0 = NextQuotientLimb(z0, out ulong carry);
        ulong n1 = NextQuotientLimb(z1 + carry + Math.BigMul(n0, L1), out carry);
        ulong n2 = NextQuotientLimb(z2 + carry + Math.BigMul(n0, L2) + Math.BigMul(n1, L1), out carry);
        ulong n3 = NextQuotientLimb(z3 + carry + Math.BigMul(n1, L2) + Math.BigMul(n2, L1), out carry);
        ulong n4 = NextQuotientLimb(z4 + carry + Math.BigMul(n0, L4) + Math.BigMul(n2, L2) + Math.BigMul(n3, L1), out carry);

        ulong r0 = SplitLimb(z5 + carry + Math.BigMul(n1, L4) + Math.BigMul(n3, L2) + Math.BigMul(n4, L1), out carry);
        ulong r1 = SplitLimb(z6 + carry + Math.BigMul(n2, L4) + Math.BigMul(n4, L2), out carry);
        ulong r2 = SplitLimb(z7 + carry + Math.BigMul(n3, L4), out carry);
        ulong r3 = SplitLimb(z8 + carry + Math.BigMul(n4, L4), out carry);
        return SubtractOrderOnce(r0, r1, r2, r3, carry);
    }

    /// <summary>The multiple n of L that clears the low 52 bits of the column, and the column's carry after adding n·L0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NextQuotientLimb(UInt128 column, out ulong carry)
    {
        ulong n = ((ulong)column * MontgomeryFactor) & Mask52;
        carry = (ulong)((column + Math.BigMul(n, L0)) >> 52);
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SplitLimb(UInt128 column, out ulong carry)
    {
        carry = (ulong)(column >> 52);
        return (ulong)column & Mask52;
    }
}
