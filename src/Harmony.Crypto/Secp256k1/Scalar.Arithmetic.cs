using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>Modular arithmetic mod n (constant-time).</summary>
internal readonly partial struct Scalar
{
    /// <summary>a + b mod n.</summary>
    internal static Scalar Add(in Scalar a, in Scalar b)
    {
        ulong carry = 0;
        ulong r0 = Limbs.AddCarry(a.L0, b.L0, ref carry);
        ulong r1 = Limbs.AddCarry(a.L1, b.L1, ref carry);
        ulong r2 = Limbs.AddCarry(a.L2, b.L2, ref carry);
        ulong r3 = Limbs.AddCarry(a.L3, b.L3, ref carry);
        return ReduceOnce(r0, r1, r2, r3, carry, out _);
    }

    /// <summary>-a mod n (0 stays 0).</summary>
    internal static Scalar Negate(in Scalar a)
    {
        // All ones unless a is zero, computed without a branch: (x | -x) has its top bit set iff x != 0.
        ulong any = a.L0 | a.L1 | a.L2 | a.L3;
        ulong nonZero = Limbs.MaskFromBit((any | (0UL - any)) >> 63);
        ulong borrow = 0;
        ulong r0 = Limbs.SubBorrow(N0, a.L0, ref borrow);
        ulong r1 = Limbs.SubBorrow(N1, a.L1, ref borrow);
        ulong r2 = Limbs.SubBorrow(N2, a.L2, ref borrow);
        ulong r3 = Limbs.SubBorrow(N3, a.L3, ref borrow);
        return new Scalar(r0 & nonZero, r1 & nonZero, r2 & nonZero, r3 & nonZero);
    }

    /// <summary>Negates <paramref name="a"/> when <paramref name="mask"/> is all ones.</summary>
    internal static Scalar ConditionalNegate(in Scalar a, ulong mask) => Select(a, Negate(a), mask);

    /// <summary>a * b mod n.</summary>
    internal static Scalar Multiply(in Scalar a, in Scalar b)
    {
        Limbs.MultiplyWide(a.L0, a.L1, a.L2, a.L3, b.L0, b.L1, b.L2, b.L3, out ulong t0, out ulong t1, out ulong t2, out ulong t3, out ulong t4, out ulong t5, out ulong t6, out ulong t7);
        return Reduce512(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /// <summary>a^2 mod n (six cross products doubled plus four squares).</summary>
    internal static Scalar Square(in Scalar a)
    {
        Limbs.SquareWide(a.L0, a.L1, a.L2, a.L3, out ulong t0, out ulong t1, out ulong t2, out ulong t3, out ulong t4, out ulong t5, out ulong t6, out ulong t7);
        return Reduce512(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /// <summary>
    /// Reduces the 512-bit value t7..t0 mod n by folding the part above 2^256 back in as a multiple of
    /// 2^256 - n (129 bits) three times, then subtracting n at most once.
    /// </summary>
    internal static Scalar Reduce512(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        // m = t[0..3] + t[4..7] * (C0 + C1 * 2^64 + 2^128), below 2^386.
        ulong carry = 0;
        ulong m0 = Limbs.MulAdd(t4, C0, t0, ref carry);
        ulong m1 = Limbs.MulAdd(t5, C0, t1, ref carry);
        ulong m2 = Limbs.MulAdd(t6, C0, t2, ref carry);
        ulong m3 = Limbs.MulAdd(t7, C0, t3, ref carry);
        ulong m4 = carry;

        carry = 0;
        m1 = Limbs.MulAdd(t4, C1, m1, ref carry);
        m2 = Limbs.MulAdd(t5, C1, m2, ref carry);
        m3 = Limbs.MulAdd(t6, C1, m3, ref carry);
        m4 = Limbs.MulAdd(t7, C1, m4, ref carry);
        ulong m5 = carry;

        carry = 0;
        m2 = Limbs.AddCarry(m2, t4, ref carry);
        m3 = Limbs.AddCarry(m3, t5, ref carry);
        m4 = Limbs.AddCarry(m4, t6, ref carry);
        m5 = Limbs.AddCarry(m5, t7, ref carry);
        ulong m6 = carry;

        // q = m[0..3] + m[4..6] * (2^256 - n), below 2^260.
        carry = 0;
        ulong q0 = Limbs.MulAdd(m4, C0, m0, ref carry);
        ulong q1 = Limbs.MulAdd(m5, C0, m1, ref carry);
        ulong q2 = Limbs.MulAdd(m6, C0, m2, ref carry);
        ulong q3 = Limbs.AddCarry(m3, 0, ref carry);
        ulong q4 = carry;

        carry = 0;
        q1 = Limbs.MulAdd(m4, C1, q1, ref carry);
        q2 = Limbs.MulAdd(m5, C1, q2, ref carry);
        q3 = Limbs.MulAdd(m6, C1, q3, ref carry);
        q4 += carry;

        carry = 0;
        q2 = Limbs.AddCarry(q2, m4, ref carry);
        q3 = Limbs.AddCarry(q3, m5, ref carry);
        q4 += m6 + carry;

        // r = q[0..3] + q4 * (2^256 - n), below 2^256 + 2^134.
        carry = 0;
        ulong r0 = Limbs.MulAdd(q4, C0, q0, ref carry);
        ulong r1 = Limbs.MulAdd(q4, C1, q1, ref carry);
        ulong r2 = Limbs.AddCarry(q2, q4, ref carry);
        ulong r3 = Limbs.AddCarry(q3, 0, ref carry);
        return ReduceOnce(r0, r1, r2, r3, carry, out _);
    }

    /// <summary>
    /// Reduces hi * 2^256 + r (hi 0 or 1, value below 2n) into [0, n); <paramref name="subtracted"/> is 1 when n
    /// was subtracted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Scalar ReduceOnce(ulong r0, ulong r1, ulong r2, ulong r3, ulong hi, out ulong subtracted)
    {
        ulong borrow = 0;
        ulong s0 = Limbs.SubBorrow(r0, N0, ref borrow);
        ulong s1 = Limbs.SubBorrow(r1, N1, ref borrow);
        ulong s2 = Limbs.SubBorrow(r2, N2, ref borrow);
        ulong s3 = Limbs.SubBorrow(r3, N3, ref borrow);

        // Subtract when the 257-bit value is at least n: a carry bit, or no borrow.
        subtracted = hi | (borrow ^ 1);
        ulong mask = Limbs.MaskFromBit(subtracted);
        return new Scalar(
            (s0 & mask) | (r0 & ~mask),
            (s1 & mask) | (r1 & ~mask),
            (s2 & mask) | (r2 & ~mask),
            (s3 & mask) | (r3 & ~mask));
    }
}
