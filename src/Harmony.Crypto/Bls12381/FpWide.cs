using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// A 768-bit unreduced product (twelve 64-bit limbs, little-endian), the input of <see cref="Fp.Redc"/>. Lets 𝔽p² and
/// higher code add and subtract full products and pay one Montgomery reduction per output coefficient.
/// </summary>
[SkipLocalsInit]
internal struct FpWide
{
    internal ulong W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11;

    internal FpWide(ulong w0, ulong w1, ulong w2, ulong w3, ulong w4, ulong w5,
        ulong w6, ulong w7, ulong w8, ulong w9, ulong w10, ulong w11)
    {
        W0 = w0; W1 = w1; W2 = w2; W3 = w3; W4 = w4; W5 = w5;
        W6 = w6; W7 = w7; W8 = w8; W9 = w9; W10 = w10; W11 = w11;
    }

    /// <summary>r = a + b (no reduction; the caller guarantees the sum stays below p·2³⁸⁴ if it is reduced later).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(in FpWide a, in FpWide b, out FpWide r)
    {
        ulong c = 0;
        ulong s0 = Carry.Add(a.W0, b.W0, ref c);
        ulong s1 = Carry.Add(a.W1, b.W1, ref c);
        ulong s2 = Carry.Add(a.W2, b.W2, ref c);
        ulong s3 = Carry.Add(a.W3, b.W3, ref c);
        ulong s4 = Carry.Add(a.W4, b.W4, ref c);
        ulong s5 = Carry.Add(a.W5, b.W5, ref c);
        ulong s6 = Carry.Add(a.W6, b.W6, ref c);
        ulong s7 = Carry.Add(a.W7, b.W7, ref c);
        ulong s8 = Carry.Add(a.W8, b.W8, ref c);
        ulong s9 = Carry.Add(a.W9, b.W9, ref c);
        ulong s10 = Carry.Add(a.W10, b.W10, ref c);
        ulong s11 = a.W11 + b.W11 + c;
        r = new FpWide(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11);
    }

    /// <summary>r = a − b for a ≥ b (no borrow handling: the caller guarantees the difference is non-negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SubNoBorrow(in FpWide a, in FpWide b, out FpWide r)
    {
        Sub(a, b, out r);
    }

    /// <summary>r = a − b, plus p·2³⁸⁴ when a &lt; b. For a, b &lt; p·2³⁸⁴ the result is below p·2³⁸⁴ and ≡ a − b (mod p) after reduction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SubModP(in FpWide a, in FpWide b, out FpWide r)
    {
        ulong bw = Sub(a, b, out r);
        ulong mask = 0UL - bw;
        ulong c = 0;
        ulong s6 = Carry.Add(r.W6, Fp.P0 & mask, ref c);
        ulong s7 = Carry.Add(r.W7, Fp.P1 & mask, ref c);
        ulong s8 = Carry.Add(r.W8, Fp.P2 & mask, ref c);
        ulong s9 = Carry.Add(r.W9, Fp.P3 & mask, ref c);
        ulong s10 = Carry.Add(r.W10, Fp.P4 & mask, ref c);
        ulong s11 = r.W11 + (Fp.P5 & mask) + c;
        r.W6 = s6; r.W7 = s7; r.W8 = s8; r.W9 = s9; r.W10 = s10; r.W11 = s11;
    }

    /// <summary>
    /// r = a + b, minus p·2³⁸⁴ when the sum reaches p·2³⁸⁴ (blst's add_mod_384x384). For a, b &lt; p·2³⁸⁴ the sum is below
    /// 2p·2³⁸⁴ &lt; 2⁷⁶⁸ (no overflow) and the result is below p·2³⁸⁴ and ≡ a + b (mod p) after reduction. The low six limbs
    /// of p·2³⁸⁴ are zero, so the conditional subtraction only touches the high half. Constant-time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddModP(in FpWide a, in FpWide b, out FpWide r)
    {
        Add(a, b, out r);
        ulong bw = 0;
        ulong d6 = Carry.Sub(r.W6, Fp.P0, ref bw);
        ulong d7 = Carry.Sub(r.W7, Fp.P1, ref bw);
        ulong d8 = Carry.Sub(r.W8, Fp.P2, ref bw);
        ulong d9 = Carry.Sub(r.W9, Fp.P3, ref bw);
        ulong d10 = Carry.Sub(r.W10, Fp.P4, ref bw);
        ulong d11 = Carry.Sub(r.W11, Fp.P5, ref bw);
        // bw = 1: the sum was below p·2³⁸⁴, keep it; bw = 0: take the difference.
        ulong keep = 0UL - bw;
        r.W6 = (r.W6 & keep) | (d6 & ~keep);
        r.W7 = (r.W7 & keep) | (d7 & ~keep);
        r.W8 = (r.W8 & keep) | (d8 & ~keep);
        r.W9 = (r.W9 & keep) | (d9 & ~keep);
        r.W10 = (r.W10 & keep) | (d10 & ~keep);
        r.W11 = (r.W11 & keep) | (d11 & ~keep);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Sub(in FpWide a, in FpWide b, out FpWide r)
    {
        ulong bw = 0;
        ulong d0 = Carry.Sub(a.W0, b.W0, ref bw);
        ulong d1 = Carry.Sub(a.W1, b.W1, ref bw);
        ulong d2 = Carry.Sub(a.W2, b.W2, ref bw);
        ulong d3 = Carry.Sub(a.W3, b.W3, ref bw);
        ulong d4 = Carry.Sub(a.W4, b.W4, ref bw);
        ulong d5 = Carry.Sub(a.W5, b.W5, ref bw);
        ulong d6 = Carry.Sub(a.W6, b.W6, ref bw);
        ulong d7 = Carry.Sub(a.W7, b.W7, ref bw);
        ulong d8 = Carry.Sub(a.W8, b.W8, ref bw);
        ulong d9 = Carry.Sub(a.W9, b.W9, ref bw);
        ulong d10 = Carry.Sub(a.W10, b.W10, ref bw);
        ulong d11 = Carry.Sub(a.W11, b.W11, ref bw);
        r = new FpWide(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11);
        return bw;
    }
}

internal partial struct Fp
{
    /// <summary>The full 768-bit product x·y (inputs below 2³⁸⁴).</summary>
    internal static void MulWide(in Fp x, in Fp y, out FpWide r)
    {
        if (Bmi2.X64.IsSupported)
        {
            MulWideBmi2(x, y, out r);
        }
        else
        {
            MulWidePortable(x, y, out r);
        }
    }

    /// <summary>Montgomery reduction t·2⁻³⁸⁴ mod p, fully reduced; requires t &lt; p·2³⁸⁴.</summary>
    internal static void Redc(in FpWide t, out Fp r)
    {
        if (Bmi2.X64.IsSupported)
        {
            RedcBmi2(t, out r);
        }
        else
        {
            RedcPortable(t, out r);
        }
    }

    /// <summary>r = a² (Montgomery), fully reduced; a below 2p is accepted. The fused kernel (21 products for the square,
    /// reduction interleaved) measured cheaper than a separate 768-bit square and reduction.</summary>
    internal static void Sqr(in Fp a, out Fp r)
    {
        if (Bmi2.X64.IsSupported)
        {
            SqrBmi2(a, out r);
        }
        else
        {
            Mul(a, a, out r);
        }
    }

    /// <summary>r = a + b as a plain six-limb sum, NOT reduced: for a, b &lt; p the result is below 2p, a valid input of
    /// <see cref="Mul"/> and <see cref="MulWide"/> but not of the other operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddUnreduced(in Fp a, in Fp b, out Fp r)
    {
        ulong c = 0;
        ulong s0 = Carry.Add(a.L0, b.L0, ref c);
        ulong s1 = Carry.Add(a.L1, b.L1, ref c);
        ulong s2 = Carry.Add(a.L2, b.L2, ref c);
        ulong s3 = Carry.Add(a.L3, b.L3, ref c);
        ulong s4 = Carry.Add(a.L4, b.L4, ref c);
        ulong s5 = a.L5 + b.L5 + c;
        r = new Fp(s0, s1, s2, s3, s4, s5);
    }

    /// <summary>r = a − b + p, NOT reduced: for a, b &lt; p the result is in (0, 2p), a valid multiplication input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SubUnreduced(in Fp a, in Fp b, out Fp r)
    {
        // (a + p) − b; a + p < 2^382 never overflows six limbs.
        ulong c = 0;
        ulong s0 = Carry.Add(a.L0, P0, ref c);
        ulong s1 = Carry.Add(a.L1, P1, ref c);
        ulong s2 = Carry.Add(a.L2, P2, ref c);
        ulong s3 = Carry.Add(a.L3, P3, ref c);
        ulong s4 = Carry.Add(a.L4, P4, ref c);
        ulong s5 = a.L5 + P5 + c;
        ulong bw = 0;
        ulong d0 = Carry.Sub(s0, b.L0, ref bw);
        ulong d1 = Carry.Sub(s1, b.L1, ref bw);
        ulong d2 = Carry.Sub(s2, b.L2, ref bw);
        ulong d3 = Carry.Sub(s3, b.L3, ref bw);
        ulong d4 = Carry.Sub(s4, b.L4, ref bw);
        ulong d5 = s5 - b.L5 - bw;
        r = new Fp(d0, d1, d2, d3, d4, d5);
    }

    /// <summary>r = a/2 mod p (constant-time: add p when a is odd, then shift right). r may alias a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Half(in Fp a, out Fp r)
    {
        ulong mask = 0UL - (a.L0 & 1);
        ulong q0 = P0 & mask, q1 = P1 & mask, q2 = P2 & mask, q3 = P3 & mask, q4 = P4 & mask, q5 = P5 & mask;
        ulong s0 = a.L0 + q0; ulong c = s0 < q0 ? 1UL : 0UL;
        ulong s1 = a.L1 + q1; ulong c1 = s1 < q1 ? 1UL : 0UL; s1 += c; c = c1 | (s1 < c ? 1UL : 0UL);
        ulong s2 = a.L2 + q2; c1 = s2 < q2 ? 1UL : 0UL; s2 += c; c = c1 | (s2 < c ? 1UL : 0UL);
        ulong s3 = a.L3 + q3; c1 = s3 < q3 ? 1UL : 0UL; s3 += c; c = c1 | (s3 < c ? 1UL : 0UL);
        ulong s4 = a.L4 + q4; c1 = s4 < q4 ? 1UL : 0UL; s4 += c; c = c1 | (s4 < c ? 1UL : 0UL);
        ulong s5 = a.L5 + q5 + c; // a + p < 2^382: no carry out
        r = new Fp((s0 >> 1) | (s1 << 63), (s1 >> 1) | (s2 << 63), (s2 >> 1) | (s3 << 63), (s3 >> 1) | (s4 << 63),
            (s4 >> 1) | (s5 << 63), s5 >> 1);
    }

    private static void MulWidePortable(in Fp x, in Fp y, out FpWide r)
    {
        Span<ulong> a = [x.L0, x.L1, x.L2, x.L3, x.L4, x.L5];
        Span<ulong> b = [y.L0, y.L1, y.L2, y.L3, y.L4, y.L5];
        Span<ulong> t = stackalloc ulong[12];
        t.Clear();
        for (int i = 0; i < 6; i++)
        {
            ulong c = 0;
            for (int j = 0; j < 6; j++)
            {
                ulong hi = Math.BigMul(a[j], b[i], out ulong lo);
                lo += t[i + j];
                hi += lo < t[i + j] ? 1UL : 0UL;
                lo += c;
                hi += lo < c ? 1UL : 0UL;
                t[i + j] = lo;
                c = hi;
            }

            t[i + 6] = c;
        }

        r = new FpWide(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11]);
    }

    private static void RedcPortable(in FpWide w, out Fp r)
    {
        ReadOnlySpan<ulong> p = [P0, P1, P2, P3, P4, P5];
        Span<ulong> u = [w.W0, w.W1, w.W2, w.W3, w.W4, w.W5];
        for (int i = 0; i < 6; i++)
        {
            ulong m = u[0] * 0x89f3fffcfffcfffdUL;
            ulong h0 = Math.BigMul(m, p[0], out ulong l0);
            l0 += u[0];
            ulong c = h0 + (l0 < u[0] ? 1UL : 0UL);
            for (int j = 1; j < 6; j++)
            {
                ulong hi = Math.BigMul(m, p[j], out ulong lo);
                lo += u[j];
                hi += lo < u[j] ? 1UL : 0UL;
                lo += c;
                hi += lo < c ? 1UL : 0UL;
                u[j - 1] = lo;
                c = hi;
            }

            u[5] = c;
        }

        Span<ulong> h = [w.W6, w.W7, w.W8, w.W9, w.W10, w.W11];
        ulong carry = 0;
        for (int j = 0; j < 6; j++)
        {
            ulong s = u[j] + h[j];
            ulong k = s < u[j] ? 1UL : 0UL;
            s += carry;
            carry = k | (s < carry ? 1UL : 0UL);
            u[j] = s;
        }

        SubtractModulusIfNeeded(u[0], u[1], u[2], u[3], u[4], u[5], out r);
    }
}
