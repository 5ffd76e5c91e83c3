using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// An integer modulo the group order n of secp256k1, held canonically (in [0, n)) in four 64-bit limbs,
/// least significant first.
/// </summary>
/// <remarks>All arithmetic is constant-time unless its name ends in <c>Var</c>.</remarks>
[SkipLocalsInit]
internal readonly partial struct Scalar
{
    internal const ulong N0 = 0xBFD25E8CD0364141UL;
    internal const ulong N1 = 0xBAAEDCE6AF48A03BUL;
    internal const ulong N2 = 0xFFFFFFFFFFFFFFFEUL;
    internal const ulong N3 = 0xFFFFFFFFFFFFFFFFUL;

    /// <summary>Limbs of 2^256 - n (a 129-bit number), the folding constant of the reduction.</summary>
    internal const ulong C0 = 0x402DA1732FC9BEBFUL;
    internal const ulong C1 = 0x4551231950B75FC4UL;

    /// <summary>Limbs of (n - 1) / 2, the largest "low" s.</summary>
    internal const ulong H0 = 0xDFE92F46681B20A0UL;
    internal const ulong H1 = 0x5D576E7357A4501DUL;
    internal const ulong H2 = 0xFFFFFFFFFFFFFFFFUL;
    internal const ulong H3 = 0x7FFFFFFFFFFFFFFFUL;

    internal readonly ulong L0;
    internal readonly ulong L1;
    internal readonly ulong L2;
    internal readonly ulong L3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Scalar(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    /// <summary>The scalar 0.</summary>
    internal static Scalar Zero => default;

    /// <summary>The scalar 1.</summary>
    internal static Scalar One => new(1, 0, 0, 0);

    /// <summary>Whether the scalar is zero.</summary>
    internal bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>
    /// Reads a 32-byte big-endian integer, reducing it mod n; <paramref name="overflow"/> tells whether it was
    /// at least n. Constant-time.
    /// </summary>
    internal static Scalar FromBytes(ReadOnlySpan<byte> bytes32, out bool overflow)
    {
        if (bytes32.Length != 32)
        {
            throw new ArgumentException("A scalar is encoded in exactly 32 bytes.", nameof(bytes32));
        }

        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]);
        Scalar reduced = ReduceOnce(l0, l1, l2, l3, 0, out ulong subtracted);
        overflow = subtracted != 0;
        return reduced;
    }

    /// <summary>Reads a 32-byte big-endian integer and returns false when it is not in [0, n).</summary>
    internal static bool TryFromBytes(ReadOnlySpan<byte> bytes32, out Scalar scalar)
    {
        scalar = FromBytes(bytes32, out bool overflow);
        return !overflow;
    }

    /// <summary>Builds a scalar from limbs that are known to be below n.</summary>
    internal static Scalar FromCanonicalLimbs(ulong l0, ulong l1, ulong l2, ulong l3) => new(l0, l1, l2, l3);

    /// <summary>Whether limbs l3..l0 form a value below n.</summary>
    internal static bool IsBelowOrder(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        ulong borrow = 0;
        _ = Limbs.SubBorrow(l0, N0, ref borrow);
        _ = Limbs.SubBorrow(l1, N1, ref borrow);
        _ = Limbs.SubBorrow(l2, N2, ref borrow);
        _ = Limbs.SubBorrow(l3, N3, ref borrow);
        return borrow != 0;
    }

    /// <summary>Writes the value as 32 big-endian bytes.</summary>
    internal void WriteBytes(Span<byte> destination32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination32, L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..32], L0);
    }

    /// <summary>Whether the value exceeds (n - 1) / 2, i.e. is a "high" s. Constant-time.</summary>
    internal bool IsHigh
    {
        get
        {
            // (n-1)/2 - value borrows exactly when value > (n-1)/2.
            ulong borrow = 0;
            _ = Limbs.SubBorrow(H0, L0, ref borrow);
            _ = Limbs.SubBorrow(H1, L1, ref borrow);
            _ = Limbs.SubBorrow(H2, L2, ref borrow);
            _ = Limbs.SubBorrow(H3, L3, ref borrow);
            return borrow != 0;
        }
    }

    /// <summary>Whether the two scalars are equal.</summary>
    internal static bool Equals(in Scalar a, in Scalar b) =>
        ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3)) == 0;

    /// <summary>Returns <paramref name="b"/> where <paramref name="mask"/> is all ones, <paramref name="a"/> where it is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Scalar Select(in Scalar a, in Scalar b, ulong mask) => new(
        (a.L0 & ~mask) | (b.L0 & mask),
        (a.L1 & ~mask) | (b.L1 & mask),
        (a.L2 & ~mask) | (b.L2 & mask),
        (a.L3 & ~mask) | (b.L3 & mask));

    /// <summary>Bits [offset, offset + count) of the value, count at most 32. Variable-time in the offset only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal uint GetBits(int offset, int count)
    {
        int limb = offset >> 6;
        int shift = offset & 63;
        ulong value = Limb(limb) >> shift;
        if (shift + count > 64 && limb < 3)
        {
            value |= Limb(limb + 1) << (64 - shift);
        }

        return (uint)(value & ((1UL << count) - 1));
    }

    /// <summary>Limb <paramref name="index"/> (0..3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ulong Limb(int index) => index switch
    {
        0 => L0,
        1 => L1,
        2 => L2,
        _ => L3,
    };

    /// <summary>Number of significant bits (0 for zero). Variable-time.</summary>
    internal int BitLengthVar()
    {
        if (L3 != 0)
        {
            return 256 - System.Numerics.BitOperations.LeadingZeroCount(L3);
        }

        if (L2 != 0)
        {
            return 192 - System.Numerics.BitOperations.LeadingZeroCount(L2);
        }

        if (L1 != 0)
        {
            return 128 - System.Numerics.BitOperations.LeadingZeroCount(L1);
        }

        return 64 - System.Numerics.BitOperations.LeadingZeroCount(L0);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
