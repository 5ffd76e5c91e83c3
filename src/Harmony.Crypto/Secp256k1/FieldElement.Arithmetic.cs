using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>Addition, subtraction, multiplication and squaring in F_p (all constant-time).</summary>
internal readonly partial struct FieldElement
{
    /// <summary>a + b mod p.</summary>
    /// <remarks>
    /// Two independent carry chains run side by side: r = a + b and t = a + b + (2^256 - p). When t does not
    /// reach 2^256 the sum is below p and r is the answer; otherwise t mod 2^256 = a + b - p is, except when t
    /// reached 2^257 (both inputs non-canonical), where 2^256 - p must be added back once.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Add(in FieldElement a, in FieldElement b)
    {
        ulong s0 = a.L0 + b.L0;
        ulong e0 = s0 < a.L0 ? 1UL : 0UL;
        ulong s1 = a.L1 + b.L1;
        ulong e1 = s1 < a.L1 ? 1UL : 0UL;
        ulong s2 = a.L2 + b.L2;
        ulong e2 = s2 < a.L2 ? 1UL : 0UL;
        ulong s3 = a.L3 + b.L3;
        ulong e3 = s3 < a.L3 ? 1UL : 0UL;

        // r = a + b: carries c.
        ulong r1 = s1 + e0;
        ulong c1 = e1 + (r1 < s1 ? 1UL : 0UL);
        ulong r2 = s2 + c1;
        ulong c2 = e2 + (r2 < s2 ? 1UL : 0UL);
        ulong r3 = s3 + c2;

        // t = a + b + (2^256 - p): carries k in {0, 1, 2}.
        ulong t0 = s0 + ReductionConstant;
        ulong k0 = e0 + (t0 < s0 ? 1UL : 0UL);
        ulong t1 = s1 + k0;
        ulong k1 = e1 + (t1 < s1 ? 1UL : 0UL);
        ulong t2 = s2 + k1;
        ulong k2 = e2 + (t2 < s2 ? 1UL : 0UL);
        ulong t3 = s3 + k2;
        ulong k3 = e3 + (t3 < s3 ? 1UL : 0UL);

        ulong useT = Limbs.MaskFromBit((k3 | (k3 >> 1)) & 1);
        t0 += ReductionConstant & Limbs.MaskFromBit(k3 >> 1);
        return new FieldElement(
            (s0 & ~useT) | (t0 & useT),
            (r1 & ~useT) | (t1 & useT),
            (r2 & ~useT) | (t2 & useT),
            (r3 & ~useT) | (t3 & useT));
    }

    /// <summary>a - b mod p.</summary>
    /// <remarks>
    /// Two independent borrow chains: r = a - b and t = a - b - (2^256 - p). Without a borrow r is the answer;
    /// otherwise t + 2^256 = a - b + p is, except when t borrowed twice (b not canonical), where
    /// 2^256 - p must be subtracted once more.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Subtract(in FieldElement a, in FieldElement b)
    {
        ulong d0 = a.L0 - b.L0;
        ulong e0 = a.L0 < b.L0 ? 1UL : 0UL;
        ulong d1 = a.L1 - b.L1;
        ulong e1 = a.L1 < b.L1 ? 1UL : 0UL;
        ulong d2 = a.L2 - b.L2;
        ulong e2 = a.L2 < b.L2 ? 1UL : 0UL;
        ulong d3 = a.L3 - b.L3;
        ulong e3 = a.L3 < b.L3 ? 1UL : 0UL;

        // r = a - b: borrows c.
        ulong r1 = d1 - e0;
        ulong c1 = e1 + (d1 < e0 ? 1UL : 0UL);
        ulong r2 = d2 - c1;
        ulong c2 = e2 + (d2 < c1 ? 1UL : 0UL);
        ulong r3 = d3 - c2;
        ulong c3 = e3 + (d3 < c2 ? 1UL : 0UL);

        // t = a - b - (2^256 - p): borrows k in {0, 1, 2}.
        ulong t0 = d0 - ReductionConstant;
        ulong k0 = e0 + (d0 < ReductionConstant ? 1UL : 0UL);
        ulong t1 = d1 - k0;
        ulong k1 = e1 + (d1 < k0 ? 1UL : 0UL);
        ulong t2 = d2 - k1;
        ulong k2 = e2 + (d2 < k1 ? 1UL : 0UL);
        ulong t3 = d3 - k2;
        ulong k3 = e3 + (d3 < k2 ? 1UL : 0UL);

        ulong useT = Limbs.MaskFromBit(c3);
        t0 -= ReductionConstant & Limbs.MaskFromBit(k3 >> 1);
        return new FieldElement(
            (d0 & ~useT) | (t0 & useT),
            (r1 & ~useT) | (t1 & useT),
            (r2 & ~useT) | (t2 & useT),
            (r3 & ~useT) | (t3 & useT));
    }

    /// <summary>a * 2^shift mod p for shift in 1..3: one shift and a single carry chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement MultiplyByPowerOfTwo(in FieldElement a, int shift)
    {
        int back = 64 - shift;
        ulong top = a.L3 >> back;
        ulong r0 = a.L0 << shift;
        ulong r1 = (a.L1 << shift) | (a.L0 >> back);
        ulong r2 = (a.L2 << shift) | (a.L1 >> back);
        ulong r3 = (a.L3 << shift) | (a.L2 >> back);

        // The bits shifted out are worth top * 2^256 = top * (2^256 - p) mod p, below 2^36.
        ulong carry = 0;
        r0 = Limbs.AddCarry(r0, top * ReductionConstant, ref carry);
        r1 = Limbs.AddCarry(r1, 0, ref carry);
        r2 = Limbs.AddCarry(r2, 0, ref carry);
        r3 = Limbs.AddCarry(r3, 0, ref carry);

        // After a carry the limbs hold less than 2^36, so this cannot carry again.
        r0 += ReductionConstant & Limbs.MaskFromBit(carry);
        return new FieldElement(r0, r1, r2, r3);
    }

    /// <summary>-a mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Negate(in FieldElement a) => Subtract(Zero, a);

    /// <summary>2a mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Double(in FieldElement a) => MultiplyByPowerOfTwo(a, 1);

    /// <summary>a * k mod p for a small multiplier k below 2^32.</summary>
    internal static FieldElement MultiplySmall(in FieldElement a, uint k)
    {
        ulong carry = 0;
        ulong r0 = Limbs.MulAdd(a.L0, k, 0, ref carry);
        ulong r1 = Limbs.MulAdd(a.L1, k, 0, ref carry);
        ulong r2 = Limbs.MulAdd(a.L2, k, 0, ref carry);
        ulong r3 = Limbs.MulAdd(a.L3, k, 0, ref carry);
        return FoldHigh(r0, r1, r2, r3, carry);
    }

    /// <summary>a * b mod p.</summary>
    internal static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        Limbs.MultiplyWide(a.L0, a.L1, a.L2, a.L3, b.L0, b.L1, b.L2, b.L3, out ulong t0, out ulong t1, out ulong t2, out ulong t3, out ulong t4, out ulong t5, out ulong t6, out ulong t7);
        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /// <summary>a^2 mod p (six cross products doubled plus four squares).</summary>
    internal static FieldElement Square(in FieldElement a)
    {
        Limbs.SquareWide(a.L0, a.L1, a.L2, a.L3, out ulong t0, out ulong t1, out ulong t2, out ulong t3, out ulong t4, out ulong t5, out ulong t6, out ulong t7);
        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /// <summary>Squares <paramref name="a"/> <paramref name="times"/> times.</summary>
    internal static FieldElement SquareTimes(in FieldElement a, int times)
    {
        FieldElement r = a;
        for (int i = 0; i < times; i++)
        {
            r = Square(r);
        }

        return r;
    }

    /// <summary>
    /// Reduces the 512-bit value t7..t0 using 2^256 = 2^32 + 977 (mod p): t = L + H 2^256 = L + H c with
    /// c = 2^32 + 977. The partial products H_i c are summed column by column with carry counts kept apart
    /// (so the columns do not wait on each other); the top product's high word, below 2^33, sits at 2^256
    /// and is folded in at once as another multiple of c. What is left above 2^256 is a small count k, folded
    /// as k c, and a last carry, folded as c.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        ulong h0 = Math.BigMul(t4, ReductionConstant, out ulong l0);
        ulong h1 = Math.BigMul(t5, ReductionConstant, out ulong l1);
        ulong h2 = Math.BigMul(t6, ReductionConstant, out ulong l2);
        ulong h3 = Math.BigMul(t7, ReductionConstant, out ulong l3);
        ulong qh = Math.BigMul(h3, ReductionConstant, out ulong ql);

        // Column sums with separate carry counts k.
        ulong c0 = t0 + l0;
        ulong k0 = c0 < t0 ? 1UL : 0UL;
        ulong u = c0 + ql;
        k0 += u < c0 ? 1UL : 0UL;
        c0 = u;

        ulong c1 = t1 + l1;
        ulong k1 = c1 < t1 ? 1UL : 0UL;
        u = c1 + h0;
        k1 += u < c1 ? 1UL : 0UL;
        c1 = u;
        u = c1 + qh;
        k1 += u < c1 ? 1UL : 0UL;
        c1 = u;

        ulong c2 = t2 + l2;
        ulong k2 = c2 < t2 ? 1UL : 0UL;
        u = c2 + h1;
        k2 += u < c2 ? 1UL : 0UL;
        c2 = u;

        ulong c3 = t3 + l3;
        ulong k3 = c3 < t3 ? 1UL : 0UL;
        u = c3 + h2;
        k3 += u < c3 ? 1UL : 0UL;
        c3 = u;

        // Move the counts up one column.
        u = c1 + k0;
        k1 += u < c1 ? 1UL : 0UL;
        c1 = u;
        u = c2 + k1;
        k2 += u < c2 ? 1UL : 0UL;
        c2 = u;
        u = c3 + k2;
        k3 += u < c3 ? 1UL : 0UL;
        c3 = u;

        // k3 (at most 3) times 2^256 is k3 c.
        ulong carry = 0;
        c0 = Limbs.AddCarry(c0, k3 * ReductionConstant, ref carry);
        c1 = Limbs.AddCarry(c1, 0, ref carry);
        c2 = Limbs.AddCarry(c2, 0, ref carry);
        c3 = Limbs.AddCarry(c3, 0, ref carry);

        // After a carry the limbs hold less than 2^35, so this cannot carry again.
        c0 += ReductionConstant & Limbs.MaskFromBit(carry);
        return new FieldElement(c0, c1, c2, c3);
    }

    /// <summary>Folds a value r + high * 2^256 with high below 2^35 into 256 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement FoldHigh(ulong r0, ulong r1, ulong r2, ulong r3, ulong high)
    {
        ulong h = Math.BigMul(high, ReductionConstant, out ulong l);
        ulong carry = 0;
        r0 = Limbs.AddCarry(r0, l, ref carry);
        r1 = Limbs.AddCarry(r1, h, ref carry);
        r2 = Limbs.AddCarry(r2, 0, ref carry);
        r3 = Limbs.AddCarry(r3, 0, ref carry);
        return FoldCarry(r0, r1, r2, r3, carry);
    }

    /// <summary>Folds a single carry bit out of 256 bits back in as 2^32 + 977.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement FoldCarry(ulong r0, ulong r1, ulong r2, ulong r3, ulong carry)
    {
        ulong c = 0;
        r0 = Limbs.AddCarry(r0, ReductionConstant & Limbs.MaskFromBit(carry), ref c);
        r1 = Limbs.AddCarry(r1, 0, ref c);
        r2 = Limbs.AddCarry(r2, 0, ref c);
        r3 = Limbs.AddCarry(r3, 0, ref c);

        // A second carry leaves a value below 2^64 in the limbs, so this addition cannot carry.
        r0 += ReductionConstant & Limbs.MaskFromBit(c);
        return new FieldElement(r0, r1, r2, r3);
    }
}
