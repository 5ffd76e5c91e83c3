using Harmony.Crypto.Arithmetic;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Variable-time inversion in 𝔽p by Bernstein–Yang divsteps ("safegcd"), batched 62 steps at a time. For public
/// data only (verification: affine conversion, batch normalisation, the final exponentiation's inversion): the
/// number of iterations and the branches depend on the input. Secret data keeps the constant-time
/// <see cref="Inverse"/>.
/// </summary>
/// <remarks>
/// <para>
/// A divstep maps (delta, f, g), f odd, to (1 − delta, g, (g − f)/2) when delta &gt; 0 and g is odd, to
/// (1 + delta, f, (g + f)/2) when g is odd otherwise, and to (1 + delta, f, g/2) when g is even. Starting from
/// (1, p, x) it reaches g = 0 with f = ±gcd(p, x) = ±1.
/// </para>
/// <para>
/// 62 consecutive steps depend only on delta and the low 64 bits of f and g; they are summarised by a matrix
/// T with 2⁶² (f', g') = T (f, g) and applied to the full f, g and to d, e, which keep f = d·x and g = e·x
/// (mod p). For d and e the exact division by 2⁶² is made possible by first adding the multiple of p that
/// clears the low 62 bits. Numbers are kept in seven signed 62-bit limbs (434 bits for the 381-bit p).
/// This is the 381-bit counterpart of the secp256k1 <c>SafeGcdInverse</c>.
/// </para>
/// </remarks>
internal partial struct Fp
{
    private const ulong Mask62 = (1UL << 62) - 1;

    /// <summary>p in signed-62 form.</summary>
    private static readonly Signed62 ModulusSigned62 = Signed62.FromLimbs(new Fp(P0, P1, P2, P3, P4, P5));

    /// <summary>p⁻¹ mod 2⁶².</summary>
    private static readonly ulong ModulusInverse62 = ComputeInverse62();

    /// <summary>
    /// R³ mod p (R = 2³⁸⁴) as canonical limbs: the plain inverse of a Montgomery representation x = aR is
    /// a⁻¹R⁻¹, and a Montgomery multiplication by R³ turns it into a⁻¹R, the representation of a⁻¹.
    /// R³ is the Montgomery representation of R², so it equals R²·R² in Montgomery arithmetic.
    /// </summary>
    private static readonly Fp RCubed = ComputeRCubed();

    private static ulong ComputeInverse62()
    {
        // Newton's iteration x = x (2 − M x) doubles the number of correct low bits; M·M = 1 mod 8.
        ulong inverse = P0;
        for (int i = 0; i < 5; i++)
        {
            inverse *= 2 - (P0 * inverse);
        }

        return inverse & Mask62;
    }

    private static Fp ComputeRCubed()
    {
        var r2 = R2;
        Mul(r2, r2, out var r3);
        return r3;
    }

    /// <summary>a⁻¹ (zero maps to zero). Variable-time (safegcd): public data only.</summary>
    internal static Fp InverseVartime(in Fp a)
    {
        if (a.IsZero)
        {
            return default;
        }

        Signed62 f = ModulusSigned62;
        Signed62 g = Signed62.FromLimbs(a);
        Signed62 d = default;
        Signed62 e = default;
        e.V0 = 1;
        long delta = 1;

        int batches = 0;
        while (!g.IsZero)
        {
            delta = Divsteps.Divsteps62Var(delta, (ulong)f.V0 | ((ulong)f.V1 << 62), (ulong)g.V0 | ((ulong)g.V1 << 62), out DivstepTransition t);
            UpdateDE(ref d, ref e, t);
            UpdateFG(ref f, ref g, t);

            // Bernstein and Yang bound the number of divsteps for 381-bit inputs by (49·381 + 57)/17 < 62·18.
            if (++batches > 24)
            {
                throw new InvalidOperationException("Modular inversion did not converge.");
            }
        }

        // f = ±1 now: x⁻¹ = ±d, with d in (−p, p).
        if (f.V6 < 0)
        {
            d.Negate();
        }

        if (d.V6 < 0)
        {
            d.Add(ModulusSigned62);
        }

        var plain = d.ToLimbs();
        var rc = RCubed;
        Mul(plain, rc, out var r);
        return r;
    }

    /// <summary>(f, g) = T (f, g) / 2⁶² (exact).</summary>
    private static void UpdateFG(ref Signed62 f, ref Signed62 g, in DivstepTransition t)
    {
        var cf = default(DivstepAccumulator);
        var cg = default(DivstepAccumulator);
        cf.MulAdd(t.U, f.V0); cf.MulAdd(t.V, g.V0);
        cg.MulAdd(t.Q, f.V0); cg.MulAdd(t.R, g.V0);
        cf.Shift62(); cg.Shift62();

        cf.MulAdd(t.U, f.V1); cf.MulAdd(t.V, g.V1);
        cg.MulAdd(t.Q, f.V1); cg.MulAdd(t.R, g.V1);
        long f0 = cf.TakeLow62(), g0 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V2); cf.MulAdd(t.V, g.V2);
        cg.MulAdd(t.Q, f.V2); cg.MulAdd(t.R, g.V2);
        long f1 = cf.TakeLow62(), g1 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V3); cf.MulAdd(t.V, g.V3);
        cg.MulAdd(t.Q, f.V3); cg.MulAdd(t.R, g.V3);
        long f2 = cf.TakeLow62(), g2 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V4); cf.MulAdd(t.V, g.V4);
        cg.MulAdd(t.Q, f.V4); cg.MulAdd(t.R, g.V4);
        long f3 = cf.TakeLow62(), g3 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V5); cf.MulAdd(t.V, g.V5);
        cg.MulAdd(t.Q, f.V5); cg.MulAdd(t.R, g.V5);
        long f4 = cf.TakeLow62(), g4 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V6); cf.MulAdd(t.V, g.V6);
        cg.MulAdd(t.Q, f.V6); cg.MulAdd(t.R, g.V6);
        f = new Signed62(f0, f1, f2, f3, f4, cf.TakeLow62(), cf.Rest);
        g = new Signed62(g0, g1, g2, g3, g4, cg.TakeLow62(), cg.Rest);
    }

    /// <summary>(d, e) = (T (d, e) + (md, me) p) / 2⁶², then brought back into (−p, p).</summary>
    private static void UpdateDE(ref Signed62 d, ref Signed62 e, in DivstepTransition t)
    {
        // Multiples of p that make the low 62 bits vanish: md = −(u d + v e) / p mod 2⁶².
        ulong lowD = ((ulong)t.U * (ulong)d.V0) + ((ulong)t.V * (ulong)e.V0);
        ulong lowE = ((ulong)t.Q * (ulong)d.V0) + ((ulong)t.R * (ulong)e.V0);
        long md = (long)((0UL - (lowD * ModulusInverse62)) & Mask62);
        long me = (long)((0UL - (lowE * ModulusInverse62)) & Mask62);
        Signed62 mv = ModulusSigned62;

        var cd = default(DivstepAccumulator);
        var ce = default(DivstepAccumulator);
        cd.MulAdd(t.U, d.V0); cd.MulAdd(t.V, e.V0); cd.MulAdd(md, mv.V0);
        ce.MulAdd(t.Q, d.V0); ce.MulAdd(t.R, e.V0); ce.MulAdd(me, mv.V0);
        cd.Shift62(); ce.Shift62();

        cd.MulAdd(t.U, d.V1); cd.MulAdd(t.V, e.V1); cd.MulAdd(md, mv.V1);
        ce.MulAdd(t.Q, d.V1); ce.MulAdd(t.R, e.V1); ce.MulAdd(me, mv.V1);
        long d0 = cd.TakeLow62(), e0 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V2); cd.MulAdd(t.V, e.V2); cd.MulAdd(md, mv.V2);
        ce.MulAdd(t.Q, d.V2); ce.MulAdd(t.R, e.V2); ce.MulAdd(me, mv.V2);
        long d1 = cd.TakeLow62(), e1 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V3); cd.MulAdd(t.V, e.V3); cd.MulAdd(md, mv.V3);
        ce.MulAdd(t.Q, d.V3); ce.MulAdd(t.R, e.V3); ce.MulAdd(me, mv.V3);
        long d2 = cd.TakeLow62(), e2 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V4); cd.MulAdd(t.V, e.V4); cd.MulAdd(md, mv.V4);
        ce.MulAdd(t.Q, d.V4); ce.MulAdd(t.R, e.V4); ce.MulAdd(me, mv.V4);
        long d3 = cd.TakeLow62(), e3 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V5); cd.MulAdd(t.V, e.V5); cd.MulAdd(md, mv.V5);
        ce.MulAdd(t.Q, d.V5); ce.MulAdd(t.R, e.V5); ce.MulAdd(me, mv.V5);
        long d4 = cd.TakeLow62(), e4 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V6); cd.MulAdd(t.V, e.V6); cd.MulAdd(md, mv.V6);
        ce.MulAdd(t.Q, d.V6); ce.MulAdd(t.R, e.V6); ce.MulAdd(me, mv.V6);
        d = new Signed62(d0, d1, d2, d3, d4, cd.TakeLow62(), cd.Rest);
        e = new Signed62(e0, e1, e2, e3, e4, ce.TakeLow62(), ce.Rest);

        // |u| + |v| ≤ 2⁶² and d, e in (−p, p) put the new values in (−p, 2p).
        d.SubtractIfAtLeast(mv);
        e.SubtractIfAtLeast(mv);
    }

    /// <summary>A signed integer Σ V_i·2^(62 i): V0..V5 in [0, 2⁶²), V6 signed.</summary>
    private struct Signed62(long v0, long v1, long v2, long v3, long v4, long v5, long v6)
    {
        internal long V0 = v0;
        internal long V1 = v1;
        internal long V2 = v2;
        internal long V3 = v3;
        internal long V4 = v4;
        internal long V5 = v5;
        internal long V6 = v6;

        internal readonly bool IsZero => (V0 | V1 | V2 | V3 | V4 | V5 | V6) == 0;

        /// <summary>From six 64-bit limbs (a value below 2³⁸⁴).</summary>
        internal static Signed62 FromLimbs(in Fp x) => new(
            (long)(x.L0 & Mask62),
            (long)(((x.L0 >> 62) | (x.L1 << 2)) & Mask62),
            (long)(((x.L1 >> 60) | (x.L2 << 4)) & Mask62),
            (long)(((x.L2 >> 58) | (x.L3 << 6)) & Mask62),
            (long)(((x.L3 >> 56) | (x.L4 << 8)) & Mask62),
            (long)(((x.L4 >> 54) | (x.L5 << 10)) & Mask62),
            (long)(x.L5 >> 52));

        /// <summary>The value as six 64-bit limbs; it must be in [0, 2³⁸⁴).</summary>
        internal readonly Fp ToLimbs() => new(
            (ulong)V0 | ((ulong)V1 << 62),
            ((ulong)V1 >> 2) | ((ulong)V2 << 60),
            ((ulong)V2 >> 4) | ((ulong)V3 << 58),
            ((ulong)V3 >> 6) | ((ulong)V4 << 56),
            ((ulong)V4 >> 8) | ((ulong)V5 << 54),
            ((ulong)V5 >> 10) | ((ulong)V6 << 52));

        internal void Negate()
        {
            V0 = -V0; V1 = -V1; V2 = -V2; V3 = -V3; V4 = -V4; V5 = -V5; V6 = -V6;
            Carry();
        }

        internal void Add(in Signed62 other)
        {
            V0 += other.V0; V1 += other.V1; V2 += other.V2; V3 += other.V3;
            V4 += other.V4; V5 += other.V5; V6 += other.V6;
            Carry();
        }

        /// <summary>Subtracts <paramref name="m"/> when the value is at least m (a masked selection: constant-time).</summary>
        internal void SubtractIfAtLeast(in Signed62 m)
        {
            Signed62 t = new(V0 - m.V0, V1 - m.V1, V2 - m.V2, V3 - m.V3, V4 - m.V4, V5 - m.V5, V6 - m.V6);
            t.Carry();
            long keep = t.V6 >> 63; // −1: t is negative, keep this; 0: take t.
            V0 = (V0 & keep) | (t.V0 & ~keep);
            V1 = (V1 & keep) | (t.V1 & ~keep);
            V2 = (V2 & keep) | (t.V2 & ~keep);
            V3 = (V3 & keep) | (t.V3 & ~keep);
            V4 = (V4 & keep) | (t.V4 & ~keep);
            V5 = (V5 & keep) | (t.V5 & ~keep);
            V6 = (V6 & keep) | (t.V6 & ~keep);
        }

        /// <summary>Negates the value when <paramref name="mask"/> is −1; leaves it when 0 (constant-time).</summary>
        internal void NegateIf(long mask)
        {
            // (x ^ mask) − mask is −x for mask = −1 and x for mask = 0, limb by limb; Carry renormalises.
            V0 = (V0 ^ mask) - mask; V1 = (V1 ^ mask) - mask; V2 = (V2 ^ mask) - mask; V3 = (V3 ^ mask) - mask;
            V4 = (V4 ^ mask) - mask; V5 = (V5 ^ mask) - mask; V6 = (V6 ^ mask) - mask;
            Carry();
        }

        /// <summary>Adds <paramref name="other"/> when <paramref name="mask"/> is −1; nothing when 0 (constant-time).</summary>
        internal void AddIf(in Signed62 other, long mask)
        {
            V0 += other.V0 & mask; V1 += other.V1 & mask; V2 += other.V2 & mask; V3 += other.V3 & mask;
            V4 += other.V4 & mask; V5 += other.V5 & mask; V6 += other.V6 & mask;
            Carry();
        }

        /// <summary>Brings V0..V5 back into [0, 2⁶²), moving the excess up.</summary>
        private void Carry()
        {
            V1 += V0 >> 62; V0 &= (long)Mask62;
            V2 += V1 >> 62; V1 &= (long)Mask62;
            V3 += V2 >> 62; V2 &= (long)Mask62;
            V4 += V3 >> 62; V3 &= (long)Mask62;
            V5 += V4 >> 62; V4 &= (long)Mask62;
            V6 += V5 >> 62; V5 &= (long)Mask62;
        }
    }
}
