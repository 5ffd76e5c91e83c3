using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// An element of the secp256k1 base field F_p, p = 2^256 - 2^32 - 977, held in four 64-bit limbs
/// (least significant first).
/// </summary>
/// <remarks>
/// Arithmetic results are only <em>weakly</em> reduced: any value below 2^256 that is congruent to the
/// element, so a result may equal its canonical value plus p. <see cref="Normalize"/> produces the canonical
/// value in [0, p); comparisons, parity and serialisation normalise first. All arithmetic in this type is
/// constant-time unless its name ends in <c>Var</c>.
/// </remarks>
[SkipLocalsInit]
internal readonly partial struct FieldElement
{
    /// <summary>2^256 mod p = 2^32 + 977: folding constant of the special-form reduction.</summary>
    internal const ulong ReductionConstant = 0x1000003D1UL;

    internal const ulong P0 = 0xFFFFFFFEFFFFFC2FUL;
    internal const ulong P1 = 0xFFFFFFFFFFFFFFFFUL;
    internal const ulong P2 = 0xFFFFFFFFFFFFFFFFUL;
    internal const ulong P3 = 0xFFFFFFFFFFFFFFFFUL;

    internal readonly ulong L0;
    internal readonly ulong L1;
    internal readonly ulong L2;
    internal readonly ulong L3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    /// <summary>The element 0.</summary>
    internal static FieldElement Zero => default;

    /// <summary>The element 1.</summary>
    internal static FieldElement One => new(1, 0, 0, 0);

    /// <summary>Curve constant b = 7 of y^2 = x^3 + 7.</summary>
    internal static FieldElement CurveB => new(7, 0, 0, 0);

    /// <summary>Builds an element from small integer <paramref name="value"/>.</summary>
    internal static FieldElement FromUInt64(ulong value) => new(value, 0, 0, 0);

    /// <summary>
    /// Reads a 32-byte big-endian integer. Returns false (and the value reduced mod p) when it is not below p.
    /// </summary>
    internal static bool TryFromBytes(ReadOnlySpan<byte> bytes32, out FieldElement element)
    {
        element = FromBytesUnchecked(bytes32);
        return IsCanonical(element);
    }

    /// <summary>Reads a 32-byte big-endian integer without a range check; values at or above p stay congruent.</summary>
    internal static FieldElement FromBytesUnchecked(ReadOnlySpan<byte> bytes32)
    {
        if (bytes32.Length != 32)
        {
            throw new ArgumentException("A field element is encoded in exactly 32 bytes.", nameof(bytes32));
        }

        return new FieldElement(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32));
    }

    /// <summary>Writes the canonical value as 32 big-endian bytes.</summary>
    internal void WriteBytes(Span<byte> destination32)
    {
        FieldElement n = Normalize(this);
        BinaryPrimitives.WriteUInt64BigEndian(destination32, n.L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], n.L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], n.L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..32], n.L0);
    }

    /// <summary>Whether the limbs already hold the canonical value (below p).</summary>
    internal static bool IsCanonical(in FieldElement a)
    {
        // a < p  <=>  a + (2^256 - p) does not carry out of 256 bits.
        ulong carry = 0;
        _ = Limbs.AddCarry(a.L0, ReductionConstant, ref carry);
        _ = Limbs.AddCarry(a.L1, 0, ref carry);
        _ = Limbs.AddCarry(a.L2, 0, ref carry);
        _ = Limbs.AddCarry(a.L3, 0, ref carry);
        return carry == 0;
    }

    /// <summary>The canonical representative in [0, p). Constant-time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Normalize(in FieldElement a)
    {
        // Values in [p, 2^256) become a - p = a + (2^256 - p) - 2^256: exactly when the addition carries.
        ulong carry = 0;
        ulong t0 = Limbs.AddCarry(a.L0, ReductionConstant, ref carry);
        ulong t1 = Limbs.AddCarry(a.L1, 0, ref carry);
        ulong t2 = Limbs.AddCarry(a.L2, 0, ref carry);
        ulong t3 = Limbs.AddCarry(a.L3, 0, ref carry);
        ulong mask = Limbs.MaskFromBit(carry);
        return new FieldElement(
            (t0 & mask) | (a.L0 & ~mask),
            (t1 & mask) | (a.L1 & ~mask),
            (t2 & mask) | (a.L2 & ~mask),
            (t3 & mask) | (a.L3 & ~mask));
    }

    /// <summary>Whether the element is zero (variable-time in the result only).</summary>
    internal bool IsZero
    {
        get
        {
            FieldElement n = Normalize(this);
            return (n.L0 | n.L1 | n.L2 | n.L3) == 0;
        }
    }

    /// <summary>Whether the canonical value is odd.</summary>
    internal bool IsOdd => (Normalize(this).L0 & 1) != 0;

    /// <summary>Whether two elements are congruent mod p.</summary>
    internal static bool Equals(in FieldElement a, in FieldElement b)
    {
        FieldElement x = Normalize(a);
        FieldElement y = Normalize(b);
        return ((x.L0 ^ y.L0) | (x.L1 ^ y.L1) | (x.L2 ^ y.L2) | (x.L3 ^ y.L3)) == 0;
    }

    /// <summary>Returns <paramref name="b"/> where <paramref name="mask"/> is all ones, <paramref name="a"/> where it is zero. Constant-time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Select(in FieldElement a, in FieldElement b, ulong mask) => new(
        (a.L0 & ~mask) | (b.L0 & mask),
        (a.L1 & ~mask) | (b.L1 & mask),
        (a.L2 & ~mask) | (b.L2 & mask),
        (a.L3 & ~mask) | (b.L3 & mask));

    /// <summary>Negates <paramref name="a"/> when <paramref name="mask"/> is all ones. Constant-time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement ConditionalNegate(in FieldElement a, ulong mask) => Select(a, Negate(a), mask);

    /// <inheritdoc />
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
