using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// The optimal ate Miller loop over |x| = 0xd201000000010000 for any number of pairs at once: one 𝔽p¹² squaring per
/// step is shared by all pairs, and every line is multiplied in as a sparse element.
/// </summary>
[SkipLocalsInit]
internal static class MillerLoop
{
    /// <summary>|x| for BLS12-381 (x itself is negative).</summary>
    internal const ulong AbsX = 0xd201000000010000;

    /// <summary>Runs the loop for the pairs (pᵢ, qᵢ); pairs where either point is infinity contribute 1.</summary>
    internal static Fp12 Run(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs)
    {
        if (ps.Length != qs.Length)
        {
            throw new ArgumentException("Every G1 point needs a G2 point.", nameof(qs));
        }

        // Points at infinity are skipped; the rest are copied so the loop runs over dense arrays.
        int n = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            if (!ps[i].IsInfinity && !qs[i].IsInfinity)
            {
                n++;
            }
        }

        if (n == 0)
        {
            return Fp12.One;
        }

        G2Projective[]? rentedR = null;
        Span<G2Projective> r = n <= 8 ? stackalloc G2Projective[8] : (rentedR = new G2Projective[n]);
        G1Affine[]? rentedP = null;
        Span<G1Affine> p = n <= 8 ? stackalloc G1Affine[8] : (rentedP = new G1Affine[n]);
        G2Affine[]? rentedQ = null;
        Span<G2Affine> q = n <= 8 ? stackalloc G2Affine[8] : (rentedQ = new G2Affine[n]);
        int k = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            if (!ps[i].IsInfinity && !qs[i].IsInfinity)
            {
                p[k] = ps[i];
                q[k] = qs[i];
                r[k] = new G2Projective(qs[i].X, qs[i].Y, Fp2.One);
                k++;
            }
        }

        // The doubling lines are evaluated at (3·x_P, −y_P), which takes the factor 3 and the sign out of every step.
        Span<G1Affine> scaled = n <= 8 ? stackalloc G1Affine[8] : new G1Affine[n];
        for (int i = 0; i < n; i++)
        {
            Fp.Double(p[i].X, out var x2);
            Fp.Add(x2, p[i].X, out var x3);
            Fp.Neg(p[i].Y, out var minusY);
            scaled[i] = new G1Affine(x3, minusY);
        }

        var f = Fp12.One;
        bool first = true;
        for (int bit = 62; bit >= 0; bit--)
        {
            if (!first)
            {
                Fp12.Sqr(f, out f);
            }

            for (int i = 0; i < n; i++)
            {
                DoublingStep(ref r[i], out var c0, out var c1, out var c2);
                if (first && i == 0)
                {
                    // f = 1: the first line is f itself.
                    Fp2.MulByFp(c1, scaled[0].X, out var l1);
                    Fp2.MulByFp(c2, scaled[0].Y, out var l4);
                    f = new Fp12(new Fp6(c0, l1, default), new Fp6(default, l4, default));
                }
                else
                {
                    Evaluate(ref f, c0, c1, c2, scaled[i]);
                }
            }

            first = false;

            if (((AbsX >> bit) & 1) != 0)
            {
                for (int i = 0; i < n; i++)
                {
                    AdditionStep(ref r[i], q[i], out var c0, out var c1, out var c2);
                    Evaluate(ref f, c0, c1, c2, p[i]);
                }
            }
        }

        // x < 0: the loop computed f_{|x|}, and f_{x} is its inverse up to factors the final exponentiation removes.
        return f.Conjugate();
    }

    private static void Evaluate(ref Fp12 f, in Fp2 c0, in Fp2 c1, in Fp2 c2, in G1Affine p)
    {
        Fp2.MulByFp(c1, p.X, out var l1);
        Fp2.MulByFp(c2, p.Y, out var l4);
        Fp12.MulBy014(f, c0, l1, l4, out f);
    }

    /// <summary>
    /// Doubles R in homogeneous projective coordinates and returns the tangent line's coefficients
    /// (Costello–Lange–Naehrig; formula 3 of eprint 2013/722) laid out for the M-type twist. b′ = 4ξ, so
    /// e = 3b′Z² = 12·ξ·Z² costs additions only, and the halvings are shifts.
    /// </summary>
    private static void DoublingStep(ref G2Projective r, out Fp2 l0, out Fp2 l1, out Fp2 l4)
    {
        Fp2.Mul(r.X, r.Y, out var a);
        Fp2.Half(a, out a);
        Fp2.Sqr(r.Y, out var b);
        Fp2.Sqr(r.Z, out var c);
        Fp2.Add(r.Y, r.Z, out var h);
        Fp2.Sqr(h, out h);
        Fp2.Sqr(r.X, out var j);

        // e = 12·ξ·c
        Fp2.MulByNonResidue(c, out var e);
        Fp2.Double(e, out var e2);
        Fp2.Add(e2, e, out e);
        Fp2.Double(e, out e);
        Fp2.Double(e, out e);

        Fp2.Double(e, out var f);
        Fp2.Add(f, e, out f);
        Fp2.Add(b, f, out var g);
        Fp2.Half(g, out g);

        // h = (Y + Z)² − (b + c)
        Fp2.Add(b, c, out var bc);
        Fp2.Sub(h, bc, out h);

        Fp2.Sqr(e, out var eSquare);
        Fp2.Sub(b, f, out var bf);
        Fp2.Mul(a, bf, out var x);
        Fp2.Sqr(g, out var y);
        Fp2.Double(eSquare, out var e3);
        Fp2.Add(e3, eSquare, out e3);
        Fp2.Sub(y, e3, out y);
        Fp2.Mul(b, h, out var z);

        // The line is l0 + 3j·x_P·v − h·y_P·v·w; the caller evaluates at (3·x_P, −y_P), so l1 = j and l4 = h.
        Fp2.Sub(e, b, out l0);
        l1 = j;
        l4 = h;
        r = new G2Projective(x, y, z);
    }

    /// <summary>Adds the affine Q to R and returns the chord's coefficients (formula 4 of eprint 2013/722).</summary>
    private static void AdditionStep(ref G2Projective r, in G2Affine q, out Fp2 l0, out Fp2 l1, out Fp2 l4)
    {
        var theta = r.Y - q.Y * r.Z;
        var lambda = r.X - q.X * r.Z;
        var c = theta.Square();
        var d = lambda.Square();
        var e = lambda * d;
        var f = r.Z * c;
        var g = r.X * d;
        var h = e + f - (g + g);
        var x = lambda * h;
        var y = theta * (g - h) - e * r.Y;
        var z = r.Z * e;
        r = new G2Projective(x, y, z);
        l0 = theta * q.X - lambda * q.Y;
        l1 = -theta;
        l4 = lambda;
    }
}
