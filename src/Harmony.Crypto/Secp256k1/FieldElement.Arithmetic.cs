using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>Addition, subtraction, multiplication and squaring in F_p (all constant-time).</summary>
internal readonly partial struct FieldElement
{
    /// <summary>a + b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Add(in FieldElement a, in FieldElement b)
    {
        ulong carry = 0;
        ulong r0 = Limbs.AddCarry(a.L0, b.L0, ref carry);
        ulong r1 = Limbs.AddCarry(a.L1, b.L1, ref carry);
        ulong r2 = Limbs.AddCarry(a.L2, b.L2, ref carry);
        ulong r3 = Limbs.AddCarry(a.L3, b.L3, ref carry);
        return FoldCarry(r0, r1, r2, r3, carry);
    }

    /// <summary>a - b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Subtract(in FieldElement a, in FieldElement b)
    {
        ulong borrow = 0;
        ulong r0 = Limbs.SubBorrow(a.L0, b.L0, ref borrow);
        ulong r1 = Limbs.SubBorrow(a.L1, b.L1, ref borrow);
        ulong r2 = Limbs.SubBorrow(a.L2, b.L2, ref borrow);
        ulong r3 = Limbs.SubBorrow(a.L3, b.L3, ref borrow);

        // A borrow means the limbs hold a - b + 2^256; subtracting 2^256 - p turns that into a - b + p.
        ulong first = borrow;
        borrow = 0;
        r0 = Limbs.SubBorrow(r0, ReductionConstant & Limbs.MaskFromBit(first), ref borrow);
        r1 = Limbs.SubBorrow(r1, 0, ref borrow);
        r2 = Limbs.SubBorrow(r2, 0, ref borrow);
        r3 = Limbs.SubBorrow(r3, 0, ref borrow);

        // Only possible when b was not canonical; the value is then close to 2^256 and cannot borrow again.
        r0 -= ReductionConstant & Limbs.MaskFromBit(borrow);
        return new FieldElement(r0, r1, r2, r3);
    }

    /// <summary>-a mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Negate(in FieldElement a) => Subtract(Zero, a);

    /// <summary>2a mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Double(in FieldElement a) => Add(a, a);

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
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3;

        // Schoolbook product, one row per limb of a.
        ulong carry = 0;
        ulong t0 = Limbs.MulAdd(a0, b0, 0, ref carry);
        ulong t1 = Limbs.MulAdd(a0, b1, 0, ref carry);
        ulong t2 = Limbs.MulAdd(a0, b2, 0, ref carry);
        ulong t3 = Limbs.MulAdd(a0, b3, 0, ref carry);
        ulong t4 = carry;

        carry = 0;
        t1 = Limbs.MulAdd(a1, b0, t1, ref carry);
        t2 = Limbs.MulAdd(a1, b1, t2, ref carry);
        t3 = Limbs.MulAdd(a1, b2, t3, ref carry);
        t4 = Limbs.MulAdd(a1, b3, t4, ref carry);
        ulong t5 = carry;

        carry = 0;
        t2 = Limbs.MulAdd(a2, b0, t2, ref carry);
        t3 = Limbs.MulAdd(a2, b1, t3, ref carry);
        t4 = Limbs.MulAdd(a2, b2, t4, ref carry);
        t5 = Limbs.MulAdd(a2, b3, t5, ref carry);
        ulong t6 = carry;

        carry = 0;
        t3 = Limbs.MulAdd(a3, b0, t3, ref carry);
        t4 = Limbs.MulAdd(a3, b1, t4, ref carry);
        t5 = Limbs.MulAdd(a3, b2, t5, ref carry);
        t6 = Limbs.MulAdd(a3, b3, t6, ref carry);
        ulong t7 = carry;

        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /// <summary>a^2 mod p (six cross products doubled plus four squares).</summary>
    internal static FieldElement Square(in FieldElement a)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;

        // Cross products a_i * a_j for i < j.
        ulong carry = 0;
        ulong t1 = Limbs.MulAdd(a0, a1, 0, ref carry);
        ulong t2 = Limbs.MulAdd(a0, a2, 0, ref carry);
        ulong t3 = Limbs.MulAdd(a0, a3, 0, ref carry);
        ulong t4 = carry;

        carry = 0;
        t3 = Limbs.MulAdd(a1, a2, t3, ref carry);
        t4 = Limbs.MulAdd(a1, a3, t4, ref carry);
        ulong t5 = carry;

        carry = 0;
        t5 = Limbs.MulAdd(a2, a3, t5, ref carry);
        ulong t6 = carry;

        // Double them.
        ulong t7 = t6 >> 63;
        t6 = (t6 << 1) | (t5 >> 63);
        t5 = (t5 << 1) | (t4 >> 63);
        t4 = (t4 << 1) | (t3 >> 63);
        t3 = (t3 << 1) | (t2 >> 63);
        t2 = (t2 << 1) | (t1 >> 63);
        t1 <<= 1;

        // Add the squares on the diagonal.
        ulong h0 = Math.BigMul(a0, a0, out ulong t0);
        ulong h1 = Math.BigMul(a1, a1, out ulong s1);
        ulong h2 = Math.BigMul(a2, a2, out ulong s2);
        ulong h3 = Math.BigMul(a3, a3, out ulong s3);
        carry = 0;
        t1 = Limbs.AddCarry(t1, h0, ref carry);
        t2 = Limbs.AddCarry(t2, s1, ref carry);
        t3 = Limbs.AddCarry(t3, h1, ref carry);
        t4 = Limbs.AddCarry(t4, s2, ref carry);
        t5 = Limbs.AddCarry(t5, h2, ref carry);
        t6 = Limbs.AddCarry(t6, s3, ref carry);
        t7 += h3 + carry;

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
    /// Reduces the 512-bit value t7..t0 using 2^256 = 2^32 + 977 (mod p): the high half is multiplied by that
    /// constant and folded into the low half, twice, then a final carry is folded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        ulong carry = 0;
        ulong r0 = Limbs.MulAdd(t4, ReductionConstant, t0, ref carry);
        ulong r1 = Limbs.MulAdd(t5, ReductionConstant, t1, ref carry);
        ulong r2 = Limbs.MulAdd(t6, ReductionConstant, t2, ref carry);
        ulong r3 = Limbs.MulAdd(t7, ReductionConstant, t3, ref carry);
        return FoldHigh(r0, r1, r2, r3, carry);
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
