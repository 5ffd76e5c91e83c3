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

    /// <summary>All ones when <paramref name="bit"/> is 1, zero when it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MaskFromBit(ulong bit) => 0UL - bit;

    /// <summary>All ones when <paramref name="a"/> equals <paramref name="b"/>, zero otherwise, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualMask(uint a, uint b) => (ulong)((long)(a ^ b) - 1 >> 63);
}
