using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Carry-propagating primitives on 64-bit limbs shared by the field, scalar and inversion code.
/// </summary>
/// <remarks>
/// Every helper is branch-free: carries and borrows are produced with comparisons that the JIT lowers to
/// <c>setcc</c>, so callers may use them on secret data.
/// </remarks>
internal static class Limbs
{
    /// <summary>Returns <c>a + b + carry</c> modulo 2^64 and replaces <paramref name="carry"/> (0 or 1) by the carry out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong carryOut = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        carryOut |= result < sum ? 1UL : 0UL;
        carry = carryOut;
        return result;
    }

    /// <summary>Returns <c>a - b - borrow</c> modulo 2^64 and replaces <paramref name="borrow"/> (0 or 1) by the borrow out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong difference = a - b;
        ulong borrowOut = a < b ? 1UL : 0UL;
        ulong result = difference - borrow;
        borrowOut |= difference < borrow ? 1UL : 0UL;
        borrow = borrowOut;
        return result;
    }

    /// <summary>
    /// Returns the low half of <c>a * b + addend + carry</c> and replaces <paramref name="carry"/> by the high half.
    /// The sum never overflows 128 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong addend, ref ulong carry)
    {
        ulong high = Math.BigMul(a, b, out ulong low);
        low += addend;
        high += low < addend ? 1UL : 0UL;
        low += carry;
        high += low < carry ? 1UL : 0UL;
        carry = high;
        return low;
    }

    /// <summary>The 512-bit product <c>t7..t0 = a3..a0 · b3..b0</c> (schoolbook, one row per limb of a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyWide(
        ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong t0, out ulong t1, out ulong t2, out ulong t3, out ulong t4, out ulong t5, out ulong t6, out ulong t7)
    {
        // Schoolbook product, one row per limb of a.
        ulong carry = 0;
        ulong r0 = MulAdd(a0, b0, 0, ref carry);
        ulong r1 = MulAdd(a0, b1, 0, ref carry);
        ulong r2 = MulAdd(a0, b2, 0, ref carry);
        ulong r3 = MulAdd(a0, b3, 0, ref carry);
        ulong r4 = carry;

        carry = 0;
        r1 = MulAdd(a1, b0, r1, ref carry);
        r2 = MulAdd(a1, b1, r2, ref carry);
        r3 = MulAdd(a1, b2, r3, ref carry);
        r4 = MulAdd(a1, b3, r4, ref carry);
        ulong r5 = carry;

        carry = 0;
        r2 = MulAdd(a2, b0, r2, ref carry);
        r3 = MulAdd(a2, b1, r3, ref carry);
        r4 = MulAdd(a2, b2, r4, ref carry);
        r5 = MulAdd(a2, b3, r5, ref carry);
        ulong r6 = carry;

        carry = 0;
        r3 = MulAdd(a3, b0, r3, ref carry);
        r4 = MulAdd(a3, b1, r4, ref carry);
        r5 = MulAdd(a3, b2, r5, ref carry);
        r6 = MulAdd(a3, b3, r6, ref carry);
        ulong r7 = carry;

        t0 = r0;
        t1 = r1;
        t2 = r2;
        t3 = r3;
        t4 = r4;
        t5 = r5;
        t6 = r6;
        t7 = r7;
    }

    /// <summary>The 512-bit square <c>t7..t0 = (a3..a0)²</c>: six cross products doubled plus four squares.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SquareWide(
        ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong t0, out ulong t1, out ulong t2, out ulong t3, out ulong t4, out ulong t5, out ulong t6, out ulong t7)
    {
        // Cross products a_i * a_j for i < j.
        ulong carry = 0;
        ulong r1 = MulAdd(a0, a1, 0, ref carry);
        ulong r2 = MulAdd(a0, a2, 0, ref carry);
        ulong r3 = MulAdd(a0, a3, 0, ref carry);
        ulong r4 = carry;

        carry = 0;
        r3 = MulAdd(a1, a2, r3, ref carry);
        r4 = MulAdd(a1, a3, r4, ref carry);
        ulong r5 = carry;

        carry = 0;
        r5 = MulAdd(a2, a3, r5, ref carry);
        ulong r6 = carry;

        // Double them.
        ulong r7 = r6 >> 63;
        r6 = (r6 << 1) | (r5 >> 63);
        r5 = (r5 << 1) | (r4 >> 63);
        r4 = (r4 << 1) | (r3 >> 63);
        r3 = (r3 << 1) | (r2 >> 63);
        r2 = (r2 << 1) | (r1 >> 63);
        r1 <<= 1;

        // Add the squares on the diagonal.
        ulong h0 = Math.BigMul(a0, a0, out ulong r0);
        ulong h1 = Math.BigMul(a1, a1, out ulong s1);
        ulong h2 = Math.BigMul(a2, a2, out ulong s2);
        ulong h3 = Math.BigMul(a3, a3, out ulong s3);
        carry = 0;
        r1 = AddCarry(r1, h0, ref carry);
        r2 = AddCarry(r2, s1, ref carry);
        r3 = AddCarry(r3, h1, ref carry);
        r4 = AddCarry(r4, s2, ref carry);
        r5 = AddCarry(r5, h2, ref carry);
        r6 = AddCarry(r6, s3, ref carry);
        r7 += h3 + carry;

        t0 = r0;
        t1 = r1;
        t2 = r2;
        t3 = r3;
        t4 = r4;
        t5 = r5;
        t6 = r6;
        t7 = r7;
    }

    /// <summary>All ones when <paramref name="bit"/> is 1, zero when it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MaskFromBit(ulong bit) => 0UL - bit;

    /// <summary>All ones when <paramref name="a"/> equals <paramref name="b"/>, zero otherwise, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualMask(uint a, uint b) => (ulong)((long)(a ^ b) - 1 >> 63);
}
