using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

internal partial struct Fp
{
    /// <summary>
    /// Montgomery square r = a²·R⁻¹ mod p: the 15 cross products once, doubled, plus the 6 diagonal squares, then
    /// a separate Montgomery reduction (57 word products instead of the 72 of a general product).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Sqr(in Fp a, out Fp r)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5;
        ulong t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, c, m, c2;

        c = 0;
        t1 = MulAdd(0, a0, a1, ref c);
        t2 = MulAdd(0, a0, a2, ref c);
        t3 = MulAdd(0, a0, a3, ref c);
        t4 = MulAdd(0, a0, a4, ref c);
        t5 = MulAdd(0, a0, a5, ref c);
        t6 = c;
        c = 0;
        t3 = MulAdd(t3, a1, a2, ref c);
        t4 = MulAdd(t4, a1, a3, ref c);
        t5 = MulAdd(t5, a1, a4, ref c);
        t6 = MulAdd(t6, a1, a5, ref c);
        t7 = c;
        c = 0;
        t5 = MulAdd(t5, a2, a3, ref c);
        t6 = MulAdd(t6, a2, a4, ref c);
        t7 = MulAdd(t7, a2, a5, ref c);
        t8 = c;
        c = 0;
        t7 = MulAdd(t7, a3, a4, ref c);
        t8 = MulAdd(t8, a3, a5, ref c);
        t9 = c;
        c = 0;
        t9 = MulAdd(t9, a4, a5, ref c);
        t10 = c;
        // Double the cross products, then add the diagonal squares aᵢ² at word 2i.
        t11 = t10 >> 63;
        t10 = (t10 << 1) | (t9 >> 63);
        t9 = (t9 << 1) | (t8 >> 63);
        t8 = (t8 << 1) | (t7 >> 63);
        t7 = (t7 << 1) | (t6 >> 63);
        t6 = (t6 << 1) | (t5 >> 63);
        t5 = (t5 << 1) | (t4 >> 63);
        t4 = (t4 << 1) | (t3 >> 63);
        t3 = (t3 << 1) | (t2 >> 63);
        t2 = (t2 << 1) | (t1 >> 63);
        t1 <<= 1;
        ulong hi, t0;
        hi = Math.BigMul(a0, a0, out t0);
        c = 0;
        t1 = AddCarry(t1, hi, ref c);
        hi = Math.BigMul(a1, a1, out var lo1);
        t2 = AddCarry(t2, lo1, ref c);
        t3 = AddCarry(t3, hi, ref c);
        hi = Math.BigMul(a2, a2, out var lo2);
        t4 = AddCarry(t4, lo2, ref c);
        t5 = AddCarry(t5, hi, ref c);
        hi = Math.BigMul(a3, a3, out var lo3);
        t6 = AddCarry(t6, lo3, ref c);
        t7 = AddCarry(t7, hi, ref c);
        hi = Math.BigMul(a4, a4, out var lo4);
        t8 = AddCarry(t8, lo4, ref c);
        t9 = AddCarry(t9, hi, ref c);
        hi = Math.BigMul(a5, a5, out var lo5);
        t10 = AddCarry(t10, lo5, ref c);
        t11 = AddCarry(t11, hi, ref c);
        // Montgomery reduction, one word per row. a² + Σ mᵢ·p·2^(64i) < p² + p·2^384 < 2^768, so the running sum
        // never needs a thirteenth word, and the result (t6..t11) is below 2p.
        c2 = 0;
        m = t0 * 0x89f3fffcfffcfffdUL;
        c = 0;
        _ = MulAdd(t0, m, 0xb9feffffffffaaabUL, ref c);
        t1 = MulAdd(t1, m, 0x1eabfffeb153ffffUL, ref c);
        t2 = MulAdd(t2, m, 0x6730d2a0f6b0f624UL, ref c);
        t3 = MulAdd(t3, m, 0x64774b84f38512bfUL, ref c);
        t4 = MulAdd(t4, m, 0x4b1ba7b6434bacd7UL, ref c);
        t5 = MulAdd(t5, m, 0x1a0111ea397fe69aUL, ref c);
        t6 = AddCarry(t6, c, ref c2);
        m = t1 * 0x89f3fffcfffcfffdUL;
        c = 0;
        _ = MulAdd(t1, m, 0xb9feffffffffaaabUL, ref c);
        t2 = MulAdd(t2, m, 0x1eabfffeb153ffffUL, ref c);
        t3 = MulAdd(t3, m, 0x6730d2a0f6b0f624UL, ref c);
        t4 = MulAdd(t4, m, 0x64774b84f38512bfUL, ref c);
        t5 = MulAdd(t5, m, 0x4b1ba7b6434bacd7UL, ref c);
        t6 = MulAdd(t6, m, 0x1a0111ea397fe69aUL, ref c);
        t7 = AddCarry(t7, c, ref c2);
        m = t2 * 0x89f3fffcfffcfffdUL;
        c = 0;
        _ = MulAdd(t2, m, 0xb9feffffffffaaabUL, ref c);
        t3 = MulAdd(t3, m, 0x1eabfffeb153ffffUL, ref c);
        t4 = MulAdd(t4, m, 0x6730d2a0f6b0f624UL, ref c);
        t5 = MulAdd(t5, m, 0x64774b84f38512bfUL, ref c);
        t6 = MulAdd(t6, m, 0x4b1ba7b6434bacd7UL, ref c);
        t7 = MulAdd(t7, m, 0x1a0111ea397fe69aUL, ref c);
        t8 = AddCarry(t8, c, ref c2);
        m = t3 * 0x89f3fffcfffcfffdUL;
        c = 0;
        _ = MulAdd(t3, m, 0xb9feffffffffaaabUL, ref c);
        t4 = MulAdd(t4, m, 0x1eabfffeb153ffffUL, ref c);
        t5 = MulAdd(t5, m, 0x6730d2a0f6b0f624UL, ref c);
        t6 = MulAdd(t6, m, 0x64774b84f38512bfUL, ref c);
        t7 = MulAdd(t7, m, 0x4b1ba7b6434bacd7UL, ref c);
        t8 = MulAdd(t8, m, 0x1a0111ea397fe69aUL, ref c);
        t9 = AddCarry(t9, c, ref c2);
        m = t4 * 0x89f3fffcfffcfffdUL;
        c = 0;
        _ = MulAdd(t4, m, 0xb9feffffffffaaabUL, ref c);
        t5 = MulAdd(t5, m, 0x1eabfffeb153ffffUL, ref c);
        t6 = MulAdd(t6, m, 0x6730d2a0f6b0f624UL, ref c);
        t7 = MulAdd(t7, m, 0x64774b84f38512bfUL, ref c);
        t8 = MulAdd(t8, m, 0x4b1ba7b6434bacd7UL, ref c);
        t9 = MulAdd(t9, m, 0x1a0111ea397fe69aUL, ref c);
        t10 = AddCarry(t10, c, ref c2);
        m = t5 * 0x89f3fffcfffcfffdUL;
        c = 0;
        _ = MulAdd(t5, m, 0xb9feffffffffaaabUL, ref c);
        t6 = MulAdd(t6, m, 0x1eabfffeb153ffffUL, ref c);
        t7 = MulAdd(t7, m, 0x6730d2a0f6b0f624UL, ref c);
        t8 = MulAdd(t8, m, 0x64774b84f38512bfUL, ref c);
        t9 = MulAdd(t9, m, 0x4b1ba7b6434bacd7UL, ref c);
        t10 = MulAdd(t10, m, 0x1a0111ea397fe69aUL, ref c);
        t11 = AddCarry(t11, c, ref c2);
        SubtractModulusIfNeeded(t6, t7, t8, t9, t10, t11, out r);
    }

    /// <summary>acc + a·b + carry: returns the low word and leaves the high word in carry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAdd(ulong acc, ulong a, ulong b, ref ulong carry)
    {
        ulong hi = Math.BigMul(a, b, out ulong lo);
        lo += acc;
        hi += lo < acc ? 1UL : 0UL;
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }

    /// <summary>a + b + carry (carry in {0, 1}): returns the sum word and leaves the carry-out in carry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0UL;
        ulong s2 = s + carry;
        ulong c2 = s2 < s ? 1UL : 0UL;
        carry = c1 | c2;
        return s2;
    }
}
