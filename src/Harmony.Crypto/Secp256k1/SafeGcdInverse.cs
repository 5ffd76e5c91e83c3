using System.Runtime.CompilerServices;
using Harmony.Crypto.Arithmetic;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Variable-time modular inversion by Bernstein–Yang divsteps ("safegcd"), batched 62 steps at a time, for
/// an odd 256-bit modulus (the field prime or the group order). For public data only: the number of
/// iterations and the branches depend on the input.
/// </summary>
/// <remarks>
/// <para>
/// A divstep maps (delta, f, g), f odd, to (1 - delta, g, (g - f) / 2) when delta &gt; 0 and g is odd, to
/// (1 + delta, f, (g + f) / 2) when g is odd otherwise, and to (1 + delta, f, g / 2) when g is even. Starting
/// from (1, M, x) it reaches g = 0 with f = ±gcd(M, x) = ±1.
/// </para>
/// <para>
/// The decisions of 62 consecutive steps depend only on delta and the low 64 bits of f and g, so they are
/// computed on machine words and summarised by a matrix T with 2^62 (f', g') = T (f, g) and entries of
/// magnitude at most 2^62. T is then applied to the full f and g, and to d and e, which keep
/// f = d x and g = e x (mod M): there the exact division by 2^62 is made possible by first adding the
/// multiple of M that clears the low 62 bits. Numbers are kept in five signed 62-bit limbs.
/// </para>
/// </remarks>
[SkipLocalsInit]
internal static class SafeGcdInverse
{
    private const ulong Mask62 = (1UL << 62) - 1;

    /// <summary>The field prime p.</summary>
    internal static readonly Modulus FieldPrime = new(FieldElement.P0, FieldElement.P1, FieldElement.P2, FieldElement.P3);

    /// <summary>The group order n.</summary>
    internal static readonly Modulus GroupOrder = new(Scalar.N0, Scalar.N1, Scalar.N2, Scalar.N3);

    /// <summary>
    /// Writes x^-1 mod M for x in [0, M) given as limbs (0 maps to 0). Variable-time.
    /// </summary>
    internal static void InvertVar(
        in Modulus modulus, ulong x0, ulong x1, ulong x2, ulong x3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3)
    {
        Signed62 f = modulus.Value;
        Signed62 g = Signed62.FromLimbs(x0, x1, x2, x3);
        Signed62 d = default;
        Signed62 e = default;
        e.V0 = 1;
        long delta = 1;

        int batches = 0;
        while (!g.IsZero)
        {
            delta = Divsteps.Divsteps62Var(delta, (ulong)f.V0 | ((ulong)f.V1 << 62), (ulong)g.V0 | ((ulong)g.V1 << 62), out DivstepTransition t);
            UpdateDE(ref d, ref e, t, modulus);
            UpdateFG(ref f, ref g, t);

            // Bernstein and Yang bound the number of divsteps for 256-bit inputs well below 62 * 20.
            if (++batches > 20)
            {
                throw new InvalidOperationException("Modular inversion did not converge.");
            }
        }

        // f = ±1 now (unless x was 0, where d stays 0): x^-1 = ±d.
        if (f.V4 < 0)
        {
            d.Negate();
        }

        if (d.V4 < 0)
        {
            d.Add(modulus.Value);
        }

        d.ToLimbs(out r0, out r1, out r2, out r3);
    }

    /// <summary>(f, g) = T (f, g) / 2^62 (exact).</summary>
    private static void UpdateFG(ref Signed62 f, ref Signed62 g, in DivstepTransition t)
    {
        var cf = default(DivstepAccumulator);
        var cg = default(DivstepAccumulator);
        cf.MulAdd(t.U, f.V0);
        cf.MulAdd(t.V, g.V0);
        cg.MulAdd(t.Q, f.V0);
        cg.MulAdd(t.R, g.V0);
        cf.Shift62();
        cg.Shift62();

        cf.MulAdd(t.U, f.V1);
        cf.MulAdd(t.V, g.V1);
        cg.MulAdd(t.Q, f.V1);
        cg.MulAdd(t.R, g.V1);
        long f0 = cf.TakeLow62();
        long g0 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V2);
        cf.MulAdd(t.V, g.V2);
        cg.MulAdd(t.Q, f.V2);
        cg.MulAdd(t.R, g.V2);
        long f1 = cf.TakeLow62();
        long g1 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V3);
        cf.MulAdd(t.V, g.V3);
        cg.MulAdd(t.Q, f.V3);
        cg.MulAdd(t.R, g.V3);
        long f2 = cf.TakeLow62();
        long g2 = cg.TakeLow62();

        cf.MulAdd(t.U, f.V4);
        cf.MulAdd(t.V, g.V4);
        cg.MulAdd(t.Q, f.V4);
        cg.MulAdd(t.R, g.V4);
        f = new Signed62(f0, f1, f2, cf.TakeLow62(), cf.Rest);
        g = new Signed62(g0, g1, g2, cg.TakeLow62(), cg.Rest);
    }

    /// <summary>(d, e) = (T (d, e) + (md, me) M) / 2^62, then brought back into (-M, M).</summary>
    private static void UpdateDE(ref Signed62 d, ref Signed62 e, in DivstepTransition t, in Modulus m)
    {
        // Multiples of M that make the low 62 bits vanish: md = -(u d + v e) / M mod 2^62.
        ulong lowD = ((ulong)t.U * (ulong)d.V0) + ((ulong)t.V * (ulong)e.V0);
        ulong lowE = ((ulong)t.Q * (ulong)d.V0) + ((ulong)t.R * (ulong)e.V0);
        long md = (long)((0UL - (lowD * m.Inverse62)) & Mask62);
        long me = (long)((0UL - (lowE * m.Inverse62)) & Mask62);
        Signed62 mv = m.Value;

        var cd = default(DivstepAccumulator);
        var ce = default(DivstepAccumulator);
        cd.MulAdd(t.U, d.V0);
        cd.MulAdd(t.V, e.V0);
        cd.MulAdd(md, mv.V0);
        ce.MulAdd(t.Q, d.V0);
        ce.MulAdd(t.R, e.V0);
        ce.MulAdd(me, mv.V0);
        cd.Shift62();
        ce.Shift62();

        cd.MulAdd(t.U, d.V1);
        cd.MulAdd(t.V, e.V1);
        cd.MulAdd(md, mv.V1);
        ce.MulAdd(t.Q, d.V1);
        ce.MulAdd(t.R, e.V1);
        ce.MulAdd(me, mv.V1);
        long d0 = cd.TakeLow62();
        long e0 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V2);
        cd.MulAdd(t.V, e.V2);
        cd.MulAdd(md, mv.V2);
        ce.MulAdd(t.Q, d.V2);
        ce.MulAdd(t.R, e.V2);
        ce.MulAdd(me, mv.V2);
        long d1 = cd.TakeLow62();
        long e1 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V3);
        cd.MulAdd(t.V, e.V3);
        cd.MulAdd(md, mv.V3);
        ce.MulAdd(t.Q, d.V3);
        ce.MulAdd(t.R, e.V3);
        ce.MulAdd(me, mv.V3);
        long d2 = cd.TakeLow62();
        long e2 = ce.TakeLow62();

        cd.MulAdd(t.U, d.V4);
        cd.MulAdd(t.V, e.V4);
        cd.MulAdd(md, mv.V4);
        ce.MulAdd(t.Q, d.V4);
        ce.MulAdd(t.R, e.V4);
        ce.MulAdd(me, mv.V4);
        d = new Signed62(d0, d1, d2, cd.TakeLow62(), cd.Rest);
        e = new Signed62(e0, e1, e2, ce.TakeLow62(), ce.Rest);

        // |u| + |v| <= 2^62 and d, e in (-M, M) put the new values in (-M, 2M).
        d.SubtractIfAtLeast(mv);
        e.SubtractIfAtLeast(mv);
    }

    /// <summary>An odd modulus in signed-62 form with its inverse mod 2^62.</summary>
    internal readonly struct Modulus
    {
        internal readonly Signed62 Value;
        internal readonly ulong Inverse62;

        internal Modulus(ulong l0, ulong l1, ulong l2, ulong l3)
        {
            Value = Signed62.FromLimbs(l0, l1, l2, l3);

            // Newton's iteration x = x (2 - M x) doubles the number of correct low bits; M * M = 1 mod 8.
            ulong inverse = l0;
            for (int i = 0; i < 5; i++)
            {
                inverse *= 2 - (l0 * inverse);
            }

            Inverse62 = inverse & Mask62;
        }
    }

    /// <summary>A signed integer sum of V_i 2^(62 i): V0..V3 in [0, 2^62), V4 signed.</summary>
    internal struct Signed62(long v0, long v1, long v2, long v3, long v4)
    {
        internal long V0 = v0;
        internal long V1 = v1;
        internal long V2 = v2;
        internal long V3 = v3;
        internal long V4 = v4;

        internal readonly bool IsZero => (V0 | V1 | V2 | V3 | V4) == 0;

        internal static Signed62 FromLimbs(ulong l0, ulong l1, ulong l2, ulong l3) => new(
            (long)(l0 & Mask62),
            (long)(((l0 >> 62) | (l1 << 2)) & Mask62),
            (long)(((l1 >> 60) | (l2 << 4)) & Mask62),
            (long)(((l2 >> 58) | (l3 << 6)) & Mask62),
            (long)(l3 >> 56));

        /// <summary>The value as four 64-bit limbs; it must be in [0, 2^256).</summary>
        internal readonly void ToLimbs(out ulong l0, out ulong l1, out ulong l2, out ulong l3)
        {
            l0 = (ulong)V0 | ((ulong)V1 << 62);
            l1 = ((ulong)V1 >> 2) | ((ulong)V2 << 60);
            l2 = ((ulong)V2 >> 4) | ((ulong)V3 << 58);
            l3 = ((ulong)V3 >> 6) | ((ulong)V4 << 56);
        }

        internal void Negate()
        {
            V0 = -V0;
            V1 = -V1;
            V2 = -V2;
            V3 = -V3;
            V4 = -V4;
            Carry();
        }

        internal void Add(in Signed62 other)
        {
            V0 += other.V0;
            V1 += other.V1;
            V2 += other.V2;
            V3 += other.V3;
            V4 += other.V4;
            Carry();
        }

        /// <summary>Subtracts <paramref name="m"/> when the value is at least m.</summary>
        internal void SubtractIfAtLeast(in Signed62 m)
        {
            Signed62 t = new(V0 - m.V0, V1 - m.V1, V2 - m.V2, V3 - m.V3, V4 - m.V4);
            t.Carry();
            if (t.V4 >= 0)
            {
                this = t;
            }
        }

        /// <summary>Brings V0..V3 back into [0, 2^62), moving the excess up.</summary>
        private void Carry()
        {
            V1 += V0 >> 62;
            V0 &= (long)Mask62;
            V2 += V1 >> 62;
            V1 &= (long)Mask62;
            V3 += V2 >> 62;
            V2 &= (long)Mask62;
            V4 += V3 >> 62;
            V3 &= (long)Mask62;
        }
    }
}
