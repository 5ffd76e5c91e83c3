using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>Addition, subtraction, multiplication and squaring in GF(2^255 - 19), all constant-time.</summary>
internal readonly partial struct FieldElement
{
    // 16p limb by limb: adding it before a subtraction keeps every limb positive for subtrahends below 2^55.
    private const ulong SixteenP0 = 16 * ((1UL << 51) - 19);
    private const ulong SixteenPi = 16 * ((1UL << 51) - 1);

    /// <summary>a + b without carrying (see the type's remarks for the limb bounds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Add(in FieldElement a, in FieldElement b) =>
        new(a.L0 + b.L0, a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3, a.L4 + b.L4);

    /// <summary>a - b, computed as a + 16p - b and carried once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Subtract(in FieldElement a, in FieldElement b) =>
        Carry(a.L0 + SixteenP0 - b.L0, a.L1 + SixteenPi - b.L1, a.L2 + SixteenPi - b.L2, a.L3 + SixteenPi - b.L3, a.L4 + SixteenPi - b.L4);

    /// <summary>-a, computed as 16p - a and carried once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Negate(in FieldElement a) =>
        Carry(SixteenP0 - a.L0, SixteenPi - a.L1, SixteenPi - a.L2, SixteenPi - a.L3, SixteenPi - a.L4);

    /// <summary>
    /// One parallel carry pass: each limb keeps its low 51 bits and passes the rest up, the top limb's excess
    /// coming back into limb 0 times 19 (2^255 = 19 mod p). Limbs below 2^64 come out below 2^51 + 2^18.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Carry(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        ulong c0 = l0 >> 51;
        ulong c1 = l1 >> 51;
        ulong c2 = l2 >> 51;
        ulong c3 = l3 >> 51;
        ulong c4 = l4 >> 51;
        return new FieldElement(
            (l0 & Mask51) + (c4 * 19),
            (l1 & Mask51) + c0,
            (l2 & Mask51) + c1,
            (l3 & Mask51) + c2,
            (l4 & Mask51) + c3);
    }

    /// <summary>a · b.</summary>
    /// <remarks>
    /// Schoolbook 5×5 with the wrapped-around products (i + j ≥ 5, worth 2^255 = 19) multiplied by 19 up front;
    /// every column is a sum of five 64×64→128 products, then one sequential carry chain.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;
        ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;

        UInt128 r0 = Math.BigMul(a0, b0) + Math.BigMul(a1, b4x19) + Math.BigMul(a2, b3x19) + Math.BigMul(a3, b2x19) + Math.BigMul(a4, b1x19);
        UInt128 r1 = Math.BigMul(a0, b1) + Math.BigMul(a1, b0) + Math.BigMul(a2, b4x19) + Math.BigMul(a3, b3x19) + Math.BigMul(a4, b2x19);
        UInt128 r2 = Math.BigMul(a0, b2) + Math.BigMul(a1, b1) + Math.BigMul(a2, b0) + Math.BigMul(a3, b4x19) + Math.BigMul(a4, b3x19);
        UInt128 r3 = Math.BigMul(a0, b3) + Math.BigMul(a1, b2) + Math.BigMul(a2, b1) + Math.BigMul(a3, b0) + Math.BigMul(a4, b4x19);
        UInt128 r4 = Math.BigMul(a0, b4) + Math.BigMul(a1, b3) + Math.BigMul(a2, b2) + Math.BigMul(a3, b1) + Math.BigMul(a4, b0);
        return CarryWide(r0, r1, r2, r3, r4);
    }

    /// <summary>a².</summary>
    /// <remarks>Fifteen products instead of twenty-five: the cross terms are doubled once on the operand.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Square(in FieldElement a)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a2x2 = a2 * 2, a3x2 = a3 * 2;
        ulong a3x19 = a3 * 19, a4x19 = a4 * 19;

        UInt128 r0 = Math.BigMul(a0, a0) + Math.BigMul(a1x2, a4x19) + Math.BigMul(a2x2, a3x19);
        UInt128 r1 = Math.BigMul(a0x2, a1) + Math.BigMul(a2x2, a4x19) + Math.BigMul(a3, a3x19);
        UInt128 r2 = Math.BigMul(a0x2, a2) + Math.BigMul(a1, a1) + Math.BigMul(a3x2, a4x19);
        UInt128 r3 = Math.BigMul(a0x2, a3) + Math.BigMul(a1x2, a2) + Math.BigMul(a4, a4x19);
        UInt128 r4 = Math.BigMul(a0x2, a4) + Math.BigMul(a1x2, a3) + Math.BigMul(a2, a2);
        return CarryWide(r0, r1, r2, r3, r4);
    }

    /// <summary>a^(2^times), by repeated squaring.</summary>
    internal static FieldElement SquareTimes(in FieldElement a, int times)
    {
        FieldElement r = Square(a);
        for (int i = 1; i < times; i++)
        {
            r = Square(r);
        }

        return r;
    }

    /// <summary>a · k for a small constant k below 2^25 (used by the Montgomery ladder's a24).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement MultiplySmall(in FieldElement a, uint k)
    {
        UInt128 r0 = Math.BigMul(a.L0, k);
        UInt128 r1 = Math.BigMul(a.L1, k);
        UInt128 r2 = Math.BigMul(a.L2, k);
        UInt128 r3 = Math.BigMul(a.L3, k);
        UInt128 r4 = Math.BigMul(a.L4, k);
        return CarryWide(r0, r1, r2, r3, r4);
    }

    /// <summary>
    /// Carries five 128-bit column sums (each below 2^115, the top one below 2^110) down to loose 51-bit limbs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement CarryWide(UInt128 r0, UInt128 r1, UInt128 r2, UInt128 r3, UInt128 r4)
    {
        r1 += (ulong)(r0 >> 51);
        ulong l0 = (ulong)r0 & Mask51;
        r2 += (ulong)(r1 >> 51);
        ulong l1 = (ulong)r1 & Mask51;
        r3 += (ulong)(r2 >> 51);
        ulong l2 = (ulong)r2 & Mask51;
        r4 += (ulong)(r3 >> 51);
        ulong l3 = (ulong)r3 & Mask51;
        ulong top = (ulong)(r4 >> 51);
        ulong l4 = (ulong)r4 & Mask51;

        // top < 2^60, so 19·top fits; one more step brings limb 0 under 2^51.
        l0 += top * 19;
        l1 += l0 >> 51;
        l0 &= Mask51;
        return new FieldElement(l0, l1, l2, l3, l4);
    }
}
