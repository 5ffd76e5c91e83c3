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
    /// b's limbs (below 2^52) are also kept shifted left by 12, so <c>mulx</c> of a limb by a shifted limb yields
    /// floor(product / 2^52) directly, and a plain wrapping <c>imul</c> sum of the unshifted products recovers the
    /// residues (see <see cref="Accumulate"/>): a column is two 64-bit sums with no carry detection, and
    /// CarryColumns splits S = H·2^52 + L at bit 51 as S mod 2^51 = L mod 2^51, S >> 51 = 2H + (L >> 51).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong a1x19 = a1 * 19, a2x19 = a2 * 19, a3x19 = a3 * 19, a4x19 = a4 * 19;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;
        ulong s0 = b0 << 12, s1 = b1 << 12, s2 = b2 << 12, s3 = b3 << 12, s4 = b4 << 12;

        ulong h0 = HighProduct(a0, s0), l0 = a0 * b0;
        Accumulate(a1x19, b4, s4, ref l0, ref h0);
        Accumulate(a2x19, b3, s3, ref l0, ref h0);
        Accumulate(a3x19, b2, s2, ref l0, ref h0);
        Accumulate(a4x19, b1, s1, ref l0, ref h0);

        ulong h1 = HighProduct(a0, s1), l1 = a0 * b1;
        Accumulate(a1, b0, s0, ref l1, ref h1);
        Accumulate(a2x19, b4, s4, ref l1, ref h1);
        Accumulate(a3x19, b3, s3, ref l1, ref h1);
        Accumulate(a4x19, b2, s2, ref l1, ref h1);

        ulong h2 = HighProduct(a0, s2), l2 = a0 * b2;
        Accumulate(a1, b1, s1, ref l2, ref h2);
        Accumulate(a2, b0, s0, ref l2, ref h2);
        Accumulate(a3x19, b4, s4, ref l2, ref h2);
        Accumulate(a4x19, b3, s3, ref l2, ref h2);

        ulong h3 = HighProduct(a0, s3), l3 = a0 * b3;
        Accumulate(a1, b2, s2, ref l3, ref h3);
        Accumulate(a2, b1, s1, ref l3, ref h3);
        Accumulate(a3, b0, s0, ref l3, ref h3);
        Accumulate(a4x19, b4, s4, ref l3, ref h3);

        ulong h4 = HighProduct(a0, s4), l4 = a0 * b4;
        Accumulate(a1, b3, s3, ref l4, ref h4);
        Accumulate(a2, b2, s2, ref l4, ref h4);
        Accumulate(a3, b1, s1, ref l4, ref h4);
        Accumulate(a4, b0, s0, ref l4, ref h4);

        return CarryColumns(l0 - (h0 << 52), h0, l1 - (h1 << 52), h1, l2 - (h2 << 52), h2, l3 - (h3 << 52), h3, l4 - (h4 << 52), h4);
    }

    /// <summary>a².</summary>
    /// <remarks>
    /// Fifteen products instead of twenty-five: the cross terms are doubled (and the wrapped ones multiplied by 19)
    /// on the unshifted side, with the same column sums as <see cref="Multiply"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Square(in FieldElement a)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong s0 = a0 << 12, s1 = a1 << 12, s2 = a2 << 12, s3 = a3 << 12, s4 = a4 << 12;
        ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a1x38 = a1 * 38, a2x38 = a2 * 38, a3x19 = a3 * 19, a3x38 = a3 * 38, a4x19 = a4 * 19;

        // r0 = a0² + 38·a1·a4 + 38·a2·a3
        ulong h0 = HighProduct(a0, s0), l0 = a0 * a0;
        Accumulate(a1x38, a4, s4, ref l0, ref h0);
        Accumulate(a2x38, a3, s3, ref l0, ref h0);

        // r1 = 2·a0·a1 + 38·a2·a4 + 19·a3²
        ulong h1 = HighProduct(a0x2, s1), l1 = a0x2 * a1;
        Accumulate(a2x38, a4, s4, ref l1, ref h1);
        Accumulate(a3x19, a3, s3, ref l1, ref h1);

        // r2 = 2·a0·a2 + a1² + 38·a3·a4
        ulong h2 = HighProduct(a0x2, s2), l2 = a0x2 * a2;
        Accumulate(a1, a1, s1, ref l2, ref h2);
        Accumulate(a3x38, a4, s4, ref l2, ref h2);

        // r3 = 2·a0·a3 + 2·a1·a2 + 19·a4²
        ulong h3 = HighProduct(a0x2, s3), l3 = a0x2 * a3;
        Accumulate(a1x2, a2, s2, ref l3, ref h3);
        Accumulate(a4x19, a4, s4, ref l3, ref h3);

        // r4 = 2·a0·a4 + 2·a1·a3 + a2²
        ulong h4 = HighProduct(a0x2, s4), l4 = a0x2 * a4;
        Accumulate(a1x2, a3, s3, ref l4, ref h4);
        Accumulate(a2, a2, s2, ref l4, ref h4);

        return CarryColumns(l0 - (h0 << 52), h0, l1 - (h1 << 52), h1, l2 - (h2 << 52), h2, l3 - (h3 << 52), h3, l4 - (h4 << 52), h4);
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
        // One product per column, split at bit 52 as in Multiply.
        ulong s = (ulong)k << 12;
        ulong h0 = HighProduct(a.L0, s), h1 = HighProduct(a.L1, s), h2 = HighProduct(a.L2, s);
        ulong h3 = HighProduct(a.L3, s), h4 = HighProduct(a.L4, s);
        return CarryColumns(
            (a.L0 * k) - (h0 << 52), h0, (a.L1 * k) - (h1 << 52), h1, (a.L2 * k) - (h2 << 52), h2,
            (a.L3 * k) - (h3 << 52), h3, (a.L4 * k) - (h4 << 52), h4);
    }

    /// <summary>floor(x·y / 2^52) for y given pre-shifted as y·2^12 (the high word of x·(y·2^12)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HighProduct(ulong x, ulong yShifted) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(x, yShifted) : Math.BigMul(x, yShifted, out _);

    /// <summary>
    /// Adds x·y to a column kept as (low, high): high collects floor(x·y / 2^52), low the plain wrapping sum of
    /// x·y mod 2^64. The column's value is then high·2^52 + (low − high·2^52 mod 2^64), the second term being the
    /// sum of the products' residues mod 2^52, below 2^55.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ulong x, ulong y, ulong yShifted, ref ulong low, ref ulong high)
    {
        high += HighProduct(x, yShifted);
        low += x * y;
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
