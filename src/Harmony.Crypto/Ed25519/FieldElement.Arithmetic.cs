using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Harmony.Crypto.Ed25519;

/// <summary>Addition, subtraction, multiplication and squaring in GF(2^255 - 19), all constant-time.</summary>
internal readonly partial struct FieldElement
{
    // 16p limb by limb: adding it before a subtraction keeps every limb positive for subtrahends below 2^55.
    private const ulong SixteenP0 = 16 * ((1UL << 51) - 19);
    private const ulong SixteenPi = 16 * ((1UL << 51) - 1);

    /// <summary>a + b, carried once so the limbs stay below 2^52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Add(in FieldElement a, in FieldElement b) =>
        Carry(a.L0 + b.L0, a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3, a.L4 + b.L4);

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
    /// coming back into limb 0 times 19 (2^255 = 19 mod p). Limbs below 2^56 come out below 2^51 + 2^10.
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
    /// Schoolbook 5×5 with the wrapped-around products (i + j ≥ 5, worth 2^255 = 19) multiplied by 19 on a's side.
    /// b's limbs are shifted left by 12 first (they are below 2^52), so each 128-bit product splits exactly at bit 52
    /// of the true product: the high word is product >> 52 and the low word >> 12 is product mod 2^52. A column is
    /// then two plain 64-bit sums with no carry detection: S = H·2^52 + A, S mod 2^51 = A mod 2^51 and
    /// S >> 51 = 2H + (A >> 51).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong a1x19 = a1 * 19, a2x19 = a2 * 19, a3x19 = a3 * 19, a4x19 = a4 * 19;
        ulong b0 = b.L0 << 12, b1 = b.L1 << 12, b2 = b.L2 << 12, b3 = b.L3 << 12, b4 = b.L4 << 12;

        ulong h0 = WideMultiply(a0, b0, out ulong l0);
        l0 >>= 12;
        Accumulate(a1x19, b4, ref l0, ref h0);
        Accumulate(a2x19, b3, ref l0, ref h0);
        Accumulate(a3x19, b2, ref l0, ref h0);
        Accumulate(a4x19, b1, ref l0, ref h0);

        ulong h1 = WideMultiply(a0, b1, out ulong l1);
        l1 >>= 12;
        Accumulate(a1, b0, ref l1, ref h1);
        Accumulate(a2x19, b4, ref l1, ref h1);
        Accumulate(a3x19, b3, ref l1, ref h1);
        Accumulate(a4x19, b2, ref l1, ref h1);

        ulong h2 = WideMultiply(a0, b2, out ulong l2);
        l2 >>= 12;
        Accumulate(a1, b1, ref l2, ref h2);
        Accumulate(a2, b0, ref l2, ref h2);
        Accumulate(a3x19, b4, ref l2, ref h2);
        Accumulate(a4x19, b3, ref l2, ref h2);

        ulong h3 = WideMultiply(a0, b3, out ulong l3);
        l3 >>= 12;
        Accumulate(a1, b2, ref l3, ref h3);
        Accumulate(a2, b1, ref l3, ref h3);
        Accumulate(a3, b0, ref l3, ref h3);
        Accumulate(a4x19, b4, ref l3, ref h3);

        ulong h4 = WideMultiply(a0, b4, out ulong l4);
        l4 >>= 12;
        Accumulate(a1, b3, ref l4, ref h4);
        Accumulate(a2, b2, ref l4, ref h4);
        Accumulate(a3, b1, ref l4, ref h4);
        Accumulate(a4, b0, ref l4, ref h4);

        return CarryColumns(l0, h0, l1, h1, l2, h2, l3, h3, l4, h4);
    }

    /// <summary>a².</summary>
    /// <remarks>
    /// Fifteen products instead of twenty-five: the cross terms are doubled (and the wrapped ones multiplied by 19)
    /// on the unshifted side, with the same split at bit 52 as <see cref="Multiply"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Square(in FieldElement a)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong s0 = a0 << 12, s1 = a1 << 12, s2 = a2 << 12, s3 = a3 << 12, s4 = a4 << 12;
        ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a1x38 = a1 * 38, a2x38 = a2 * 38, a3x19 = a3 * 19, a3x38 = a3 * 38, a4x19 = a4 * 19;

        // r0 = a0² + 38·a1·a4 + 38·a2·a3
        ulong h0 = WideMultiply(a0, s0, out ulong l0);
        l0 >>= 12;
        Accumulate(a1x38, s4, ref l0, ref h0);
        Accumulate(a2x38, s3, ref l0, ref h0);

        // r1 = 2·a0·a1 + 38·a2·a4 + 19·a3²
        ulong h1 = WideMultiply(a0x2, s1, out ulong l1);
        l1 >>= 12;
        Accumulate(a2x38, s4, ref l1, ref h1);
        Accumulate(a3x19, s3, ref l1, ref h1);

        // r2 = 2·a0·a2 + a1² + 38·a3·a4
        ulong h2 = WideMultiply(a0x2, s2, out ulong l2);
        l2 >>= 12;
        Accumulate(a1, s1, ref l2, ref h2);
        Accumulate(a3x38, s4, ref l2, ref h2);

        // r3 = 2·a0·a3 + 2·a1·a2 + 19·a4²
        ulong h3 = WideMultiply(a0x2, s3, out ulong l3);
        l3 >>= 12;
        Accumulate(a1x2, s2, ref l3, ref h3);
        Accumulate(a4x19, s4, ref l3, ref h3);

        // r4 = 2·a0·a4 + 2·a1·a3 + a2²
        ulong h4 = WideMultiply(a0x2, s4, out ulong l4);
        l4 >>= 12;
        Accumulate(a1x2, s3, ref l4, ref h4);
        Accumulate(a2, s2, ref l4, ref h4);

        return CarryColumns(l0, h0, l1, h1, l2, h2, l3, h3, l4, h4);
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
        // Each product is below 2^77: split it at bit 51 and pass the high part up one limb.
        ulong s = (ulong)k << 12;
        ulong h0 = WideMultiply(a.L0, s, out ulong l0);
        ulong h1 = WideMultiply(a.L1, s, out ulong l1);
        ulong h2 = WideMultiply(a.L2, s, out ulong l2);
        ulong h3 = WideMultiply(a.L3, s, out ulong l3);
        ulong h4 = WideMultiply(a.L4, s, out ulong l4);
        return CarryColumns(l0 >> 12, h0, l1 >> 12, h1, l2 >> 12, h2, l3 >> 12, h3, l4 >> 12, h4);
    }

    /// <summary>The 128-bit product x · y as (high, low).</summary>
    /// <remarks>
    /// With BMI2 the high word comes from <c>mulx</c> and the low word from a separate <c>imul</c>, so both stay in
    /// registers (Math.BigMul hands its low word back through a stack slot).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong WideMultiply(ulong x, ulong y, out ulong low)
    {
        if (Bmi2.X64.IsSupported)
        {
            low = x * y;
            return Bmi2.X64.MultiplyNoFlags(x, y);
        }

        return Math.BigMul(x, y, out low);
    }

    /// <summary>Adds x · y (y pre-shifted by 12) to a column: product mod 2^52 to low, product >> 52 to high.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ulong x, ulong yShifted, ref ulong low, ref ulong high)
    {
        high += WideMultiply(x, yShifted, out ulong productLow);
        low += productLow >> 12;
    }

    /// <summary>
    /// Turns five columns S_i = high_i·2^52 + low_i (low_i below 2^55, high_i below 2^60, the top column's high
    /// below 2^55) into loose 51-bit limbs: S mod 2^51 = low mod 2^51 and S >> 51 = 2·high + (low >> 51).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement CarryColumns(
        ulong low0, ulong high0, ulong low1, ulong high1, ulong low2, ulong high2, ulong low3, ulong high3, ulong low4, ulong high4)
    {
        low1 += (high0 << 1) + (low0 >> 51);
        ulong l0 = low0 & Mask51;
        low2 += (high1 << 1) + (low1 >> 51);
        ulong l1 = low1 & Mask51;
        low3 += (high2 << 1) + (low2 >> 51);
        ulong l2 = low2 & Mask51;
        low4 += (high3 << 1) + (low3 >> 51);
        ulong l3 = low3 & Mask51;
        ulong top = (high4 << 1) + (low4 >> 51);
        ulong l4 = low4 & Mask51;

        // top < 2^57, so 19·top fits; one more step brings limb 0 under 2^51.
        l0 += top * 19;
        l1 += l0 >> 51;
        l0 &= Mask51;
        return new FieldElement(l0, l1, l2, l3, l4);
    }
}
