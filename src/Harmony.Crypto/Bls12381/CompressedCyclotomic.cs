using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Karabina's compressed squaring in the cyclotomic subgroup (eprint 2010/542). With 𝔽p¹² = 𝔽p²[s]/(s⁶ − ξ),
/// s = w, s² = v, an element is Σ gᵢ·sⁱ with g0 = C0.C0, g1 = C1.C0, g2 = C0.C1, g3 = C1.C1, g4 = C0.C2, g5 = C1.C2.
/// Squaring maps (g1, g2, g4, g5) to themselves without g0 or g3 (two 𝔽p⁴ squarings instead of Granger–Scott's
/// three), and g3, g0 are recovered on demand:
/// g3 = (ξ·g5² + 3·g2² − 2·g4) / (4·g1), g0 = ξ·(2·g3² + g1·g5 − 3·g2·g4) + 1.
/// The recovery divides by g1, so a chain decompresses all of its values with one batched (Montgomery's trick)
/// variable-time inversion: this is for public data only (the final exponentiation of verification); a zero g1
/// makes <see cref="TryPowAbsX"/> decline and the caller falls back to uncompressed squarings.
/// </summary>
[SkipLocalsInit]
internal static class CompressedCyclotomic
{
    /// <summary>The four kept coefficients g1 = C1.C0, g2 = C0.C1, g4 = C0.C2, g5 = C1.C2.</summary>
    internal struct Compressed
    {
        internal Fp2 G1;
        internal Fp2 G2;
        internal Fp2 G4;
        internal Fp2 G5;
    }

    [InlineArray(6)]
    private struct Six
    {
        private Compressed _e0;
    }

    [InlineArray(6)]
    private struct SixFp2
    {
        private Fp2 _e0;
    }

    internal static void Compress(in Fp12 f, out Compressed r)
    {
        r.G1 = f.C1.C0;
        r.G2 = f.C0.C1;
        r.G4 = f.C0.C2;
        r.G5 = f.C1.C2;
    }

    /// <summary>
    /// The compressed square: with (T0, T1) = (g2² + ξ·g5², 2·g2·g5) and (U0, U1) = (g1² + ξ·g4², 2·g1·g4),
    /// g1' = 3ξ·T1 + 2·g1, g2' = 3·U0 − 2·g2, g4' = 3·T0 − 2·g4, g5' = 3·U1 + 2·g5. r may alias a. The doublings stay
    /// modular additions x + x: the shift form (<see cref="Fp2.Double(in Fp2, out Fp2)"/>) measured about 4% slower here.
    /// </summary>
    internal static void Sqr(in Compressed a, out Compressed r)
    {
        Fp12.Fp4Square(a.G2, a.G5, out var t0, out var t1);
        Fp12.Fp4Square(a.G1, a.G4, out var u0, out var u1);
        Fp2 x;

        // g1' = 3ξ·T1 + 2·g1
        Fp2.MulByNonResidue(t1, out t1);
        Fp2.Add(t1, a.G1, out x);
        Fp2.Add(x, x, out x);
        Fp2.Add(x, t1, out var g1);

        // g2' = 3·U0 − 2·g2
        Fp2.Sub(u0, a.G2, out x);
        Fp2.Add(x, x, out x);
        Fp2.Add(x, u0, out var g2);

        // g4' = 3·T0 − 2·g4
        Fp2.Sub(t0, a.G4, out x);
        Fp2.Add(x, x, out x);
        Fp2.Add(x, t0, out var g4);

        // g5' = 3·U1 + 2·g5
        Fp2.Add(u1, a.G5, out x);
        Fp2.Add(x, x, out x);
        Fp2.Add(x, u1, out var g5);

        r.G1 = g1;
        r.G2 = g2;
        r.G4 = g4;
        r.G5 = g5;
    }

    /// <summary>
    /// Decompresses values whose g1 are all nonzero with one inversion; returns false (leaving
    /// <paramref name="result"/> unspecified) if some g1 is zero.
    /// </summary>
    internal static bool TryDecompress(ReadOnlySpan<Compressed> values, Span<Fp12> result)
    {
        int n = values.Length;
        if (n == 0)
        {
            return true;
        }

        if (n > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(values));
        }

        // Denominators 4·g1 and their prefix products.
        SixFp2 den = default, prefix = default;
        for (int i = 0; i < n; i++)
        {
            if (values[i].G1.IsZero)
            {
                return false;
            }

            Fp2.Double(values[i].G1, out var d);
            Fp2.Double(d, out den[i]);
            if (i == 0)
            {
                prefix[0] = den[0];
            }
            else
            {
                Fp2.Mul(prefix[i - 1], den[i], out prefix[i]);
            }
        }

        var inv = prefix[n - 1].InverseVartime();
        for (int i = n - 1; i >= 0; i--)
        {
            // inv = 1 / (den[0]·…·den[i]).
            Fp2 invI;
            if (i > 0)
            {
                Fp2.Mul(inv, prefix[i - 1], out invI);
                Fp2.Mul(inv, den[i], out inv);
            }
            else
            {
                invI = inv;
            }

            ref readonly var c = ref values[i];

            // g3 = (ξ·g5² + 3·g2² − 2·g4) / (4·g1)
            Fp2.Sqr(c.G5, out var t);
            Fp2.MulByNonResidue(t, out t);
            Fp2.Sqr(c.G2, out var s);
            Fp2.Sub(s, c.G4, out var x);
            Fp2.Double(x, out x);
            Fp2.Add(x, s, out x);
            Fp2.Add(x, t, out x);
            Fp2.Mul(x, invI, out var g3);

            // g0 = ξ·(2·g3² + g1·g5 − 3·g2·g4) + 1
            Fp2.Sqr(g3, out t);
            Fp2.Mul(c.G2, c.G4, out s);
            Fp2.Sub(t, s, out x);
            Fp2.Double(x, out x);
            Fp2.Sub(x, s, out x);
            Fp2.Mul(c.G1, c.G5, out t);
            Fp2.Add(x, t, out x);
            Fp2.MulByNonResidue(x, out x);
            Fp.Add(x.C0, Fp.One, out x.C0);

            ref var r = ref result[i];
            r.C0.C0 = x;
            r.C0.C1 = c.G2;
            r.C0.C2 = c.G4;
            r.C1.C0 = c.G1;
            r.C1.C1 = g3;
            r.C1.C2 = c.G5;
        }

        return true;
    }

    /// <summary>
    /// f^|x| for a cyclotomic f: 63 compressed squarings, the six powers f^(2^k) at the set bits k of |x| decompressed
    /// together, then multiplied. Returns false when a decompression denominator vanishes.
    /// </summary>
    internal static bool TryPowAbsX(in Fp12 f, out Fp12 r)
    {
        Six saved = default;
        Compress(f, out var c);
        int k = 0;
        for (int bit = 1; bit < 64; bit++)
        {
            Sqr(c, out c);
            if (((MillerLoop.AbsX >> bit) & 1) != 0)
            {
                saved[k++] = c;
            }
        }

        Span<Fp12> powers = stackalloc Fp12[6];
        if (!TryDecompress(((ReadOnlySpan<Compressed>)saved)[..k], powers[..k]))
        {
            r = default;
            return false;
        }

        r = powers[0];
        for (int i = 1; i < k; i++)
        {
            Fp12.Mul(r, powers[i], out r);
        }

        return true;
    }
}
