using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>An element c0 + c1·w of 𝔽p¹² = 𝔽p⁶[w]/(w² − v), the pairing's target field.</summary>
[SkipLocalsInit]
internal struct Fp12 : IEquatable<Fp12>
{
    internal Fp6 C0;
    internal Fp6 C1;

    internal Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    internal static Fp12 One => new(Fp6.One, default);

    // ξ^((p−1)/6): the Frobenius twist of w.
    private static readonly Fp2 FrobeniusW = Fp2.Pow(Fp2.Xi, (Fp.Modulus - 1) / 6);

    internal readonly bool IsOne => C0 == Fp6.One && C1.IsZero;

    public readonly bool Equals(Fp12 other) => C0.Equals(other.C0) & C1.Equals(other.C1);

    public override readonly bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(C0, C1);

    public static bool operator ==(in Fp12 a, in Fp12 b) => a.Equals(b);

    public static bool operator !=(in Fp12 a, in Fp12 b) => !a.Equals(b);

    public static Fp12 operator *(in Fp12 a, in Fp12 b) { Mul(a, b, out var r); return r; }

    internal readonly Fp12 Square() { Sqr(this, out var r); return r; }

    /// <summary>
    /// Multiplies by a sparse line value ℓ0 + ℓ1·v + ℓ4·v·w (coefficients 0, 1 and 4 of the 𝔽p² basis).
    /// </summary>
    internal readonly Fp12 MulBy014(in Fp2 l0, in Fp2 l1, in Fp2 l4) { MulBy014(this, l0, l1, l4, out var r); return r; }

    /// <summary>
    /// r = a·b (Karatsuba over the quadratic extension: three 𝔽p⁶ products) with lazy reduction: the products stay
    /// 768-bit (<see cref="Fp6Wide"/>), are combined modulo p·2³⁸⁴ and each of the twelve output coefficients pays one
    /// Montgomery reduction (blst's mul_fp12). The sums a0 + a1, b0 + b1 are reduced, as <see cref="Fp6.MulWide"/>
    /// requires. r may alias a or b (it is written only after every input has been read).
    /// </summary>
    internal static void Mul(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6.MulWide(a.C0, b.C0, out var aa);
        Fp6.MulWide(a.C1, b.C1, out var bb);
        Fp6.Add(a.C0, a.C1, out var s);
        Fp6.Add(b.C0, b.C1, out var t);
        Fp6.MulWide(s, t, out var c1);

        // c1 = (a0 + a1)(b0 + b1) − aa − bb, c0 = aa + v·bb
        Fp6Wide.Sub(c1, aa, out c1);
        Fp6Wide.Sub(c1, bb, out c1);
        Fp6Wide.AddMulByNonResidue(aa, bb, out aa);
        Fp6Wide.Redc(aa, out r.C0);
        Fp6Wide.Redc(c1, out r.C1);
    }

    /// <summary>
    /// r = a² (complex squaring: two 𝔽p⁶ products) with lazy reduction: c0 = (a0 + v·a1)(a0 + a1) − ab − v·ab is formed
    /// on <see cref="Fp6Wide"/> values modulo p·2³⁸⁴, c1 = 2ab is doubled after reduction; twelve Montgomery reductions in
    /// all. The multiplication inputs are reduced. r may alias a (it is written only after every input has been read).
    /// </summary>
    internal static void Sqr(in Fp12 a, out Fp12 r)
    {
        Fp6.MulWide(a.C0, a.C1, out var ab);
        Fp6.Add(a.C0, a.C1, out var sum);
        Fp6.MulByNonResidue(a.C1, out var t);
        Fp6.Add(t, a.C0, out t);
        Fp6.MulWide(t, sum, out var c0);
        Fp6Wide.Sub(c0, ab, out c0);
        Fp6Wide.SubMulByNonResidue(c0, ab, out c0);
        Fp6Wide.Redc(c0, out r.C0);

        // c1 = 2ab: reduce once, then double with the six-limb shift and one conditional subtraction.
        Fp6Wide.Redc(ab, out var abReduced);
        Fp6.Double(abReduced, out r.C1);
    }

    /// <summary>
    /// r = a·(ℓ0 + ℓ1·v + ℓ4·v·w): thirteen 𝔽p² products kept 768-bit and combined modulo p·2³⁸⁴, twelve Montgomery
    /// reductions. ℓ1 + ℓ4 and a0 + a1 are reduced, as <see cref="Fp6.MulBy01Wide"/> requires. r may alias a.
    /// </summary>
    internal static void MulBy014(in Fp12 a, in Fp2 l0, in Fp2 l1, in Fp2 l4, out Fp12 r)
    {
        Fp6.MulBy01Wide(a.C0, l0, l1, out var aa);
        Fp6.MulBy1Wide(a.C1, l4, out var bb);
        Fp6.Add(a.C1, a.C0, out var s);
        Fp2.Add(l1, l4, out var l14);
        Fp6.MulBy01Wide(s, l0, l14, out var c1);
        Fp6Wide.Sub(c1, aa, out c1);
        Fp6Wide.Sub(c1, bb, out c1);
        Fp6Wide.AddMulByNonResidue(aa, bb, out aa);
        Fp6Wide.Redc(aa, out r.C0);
        Fp6Wide.Redc(c1, out r.C1);
    }

    /// <summary>The conjugate c0 − c1·w, which is the inverse for elements of the cyclotomic subgroup.</summary>
    internal readonly Fp12 Conjugate() => new(C0, -C1);

    internal readonly Fp12 Inverse()
    {
        var t = (C0.Square() - C1.Square().MulByNonResidue()).Inverse();
        return new Fp12(C0 * t, -(C1 * t));
    }

    /// <summary>Inverse with the variable-time 𝔽p inversion underneath: public data only.</summary>
    internal readonly Fp12 InverseVartime()
    {
        var t = (C0.Square() - C1.Square().MulByNonResidue()).InverseVartime();
        return new Fp12(C0 * t, -(C1 * t));
    }

    /// <summary>The p-power Frobenius map.</summary>
    internal readonly Fp12 Frobenius()
    {
        var c1 = C1.Frobenius().Scale(FrobeniusW);
        return new Fp12(C0.Frobenius(), c1);
    }

    /// <summary>
    /// Applies the p-power Frobenius map <paramref name="times"/> times. For 1 ≤ times ≤ 3 in one pass: with
    /// 𝔽p¹² = 𝔽p²[w]/(w⁶ − ξ), the coefficient c of w^m (m = 2i + j for the basis element vⁱwʲ) maps to
    /// conjᵏ(c)·ξ^(m(pᵏ − 1)/6); for even k these factors lie in 𝔽p.
    /// </summary>
    internal readonly Fp12 Frobenius(int times)
    {
        if (times is < 1 or > 3)
        {
            var r = this;
            for (int i = 0; i < times; i++)
            {
                r = r.Frobenius();
            }

            return r;
        }

        var gamma = FrobeniusPowers[times - 1];
        bool conjugate = (times & 1) == 1;
        Fp12 result;
        result.C0.C0 = conjugate ? C0.C0.Conjugate() : C0.C0;
        FrobeniusCoefficient(C1.C0, gamma[1], conjugate, out result.C1.C0);
        FrobeniusCoefficient(C0.C1, gamma[2], conjugate, out result.C0.C1);
        FrobeniusCoefficient(C1.C1, gamma[3], conjugate, out result.C1.C1);
        FrobeniusCoefficient(C0.C2, gamma[4], conjugate, out result.C0.C2);
        FrobeniusCoefficient(C1.C2, gamma[5], conjugate, out result.C1.C2);
        return result;
    }

    // FrobeniusPowers[k − 1][m] = ξ^(m(pᵏ − 1)/6) for k = 1, 2, 3 and m = 0…5.
    private static readonly Fp2[][] FrobeniusPowers = [FrobeniusFactors(1), FrobeniusFactors(2), FrobeniusFactors(3)];

    private static Fp2[] FrobeniusFactors(int k)
    {
        var exponent = (System.Numerics.BigInteger.Pow(Fp.Modulus, k) - 1) / 6;
        var factors = new Fp2[6];
        for (int m = 0; m < 6; m++)
        {
            factors[m] = Fp2.Pow(Fp2.Xi, m * exponent);
        }

        return factors;
    }

    private static void FrobeniusCoefficient(in Fp2 c, in Fp2 factor, bool conjugate, out Fp2 r)
    {
        if (conjugate)
        {
            Fp2.Mul(c.Conjugate(), factor, out r);
        }
        else
        {
            // For even k the factors lie in 𝔽p: two base-field products.
            Fp2.MulByFp(c, factor.C0, out r);
        }
    }

    /// <summary>
    /// Granger–Scott squaring, valid only in the cyclotomic subgroup (after the easy part of the final
    /// exponentiation): three 𝔽p⁴ squarings instead of a full 𝔽p¹² squaring.
    /// </summary>
    internal readonly Fp12 CyclotomicSquare() { CyclotomicSqr(this, out var r); return r; }

    /// <summary>Granger–Scott squaring of a cyclotomic element (see <see cref="CyclotomicSquare"/>). r may alias a.</summary>
    internal static void CyclotomicSqr(in Fp12 a, out Fp12 r)
    {
        Fp4Square(a.C0.C0, a.C1.C1, out var t0, out var t1);
        Fp4Square(a.C1.C0, a.C0.C2, out var t2, out var t3);
        Fp4Square(a.C0.C1, a.C1.C2, out var t4, out var t5);

        // z0 = 3·t0 − 2·z0, z1 = 3·t1 + 2·z1 (z0 = a.C0.C0, z1 = a.C1.C1)
        Fp2 u;
        Fp2.Sub(t0, a.C0.C0, out u);
        Fp2.Add(u, u, out u);
        Fp2.Add(u, t0, out var z0);
        Fp2.Add(t1, a.C1.C1, out u);
        Fp2.Add(u, u, out u);
        Fp2.Add(u, t1, out var z1);

        // z4 = 3·t2 − 2·z4, z5 = 3·t3 + 2·z5 (z4 = a.C0.C1, z5 = a.C1.C2; t2, t3 from Fp4Square(z2, z3))
        Fp2.Sub(t2, a.C0.C1, out u);
        Fp2.Add(u, u, out u);
        Fp2.Add(u, t2, out var z4);
        Fp2.Add(t3, a.C1.C2, out u);
        Fp2.Add(u, u, out u);
        Fp2.Add(u, t3, out var z5);

        // z2 = 3·ξ·t5 + 2·z2, z3 = 3·t4 − 2·z3 (z2 = a.C1.C0, z3 = a.C0.C2; t4, t5 from Fp4Square(z4, z5))
        Fp2.MulByNonResidue(t5, out var x);
        Fp2.Add(x, a.C1.C0, out u);
        Fp2.Add(u, u, out u);
        Fp2.Add(u, x, out var z2);
        Fp2.Sub(t4, a.C0.C2, out u);
        Fp2.Add(u, u, out u);
        Fp2.Add(u, t4, out var z3);

        r.C0.C0 = z0;
        r.C0.C1 = z4;
        r.C0.C2 = z3;
        r.C1.C0 = z2;
        r.C1.C1 = z1;
        r.C1.C2 = z5;
    }

    /// <summary>
    /// (a + b·w)² in 𝔽p⁴ = 𝔽p²[w]/(w² − ξ): c0 = a² + ξ·b², c1 = 2ab = (a + b)² − a² − b², with lazy reduction: the
    /// six 768-bit products are combined unreduced and each output coefficient pays one Montgomery reduction (four
    /// instead of six). Bounds: products of inputs below 2p are below 4p² and p·2³⁸⁴ ≈ 9.8p², so the sums of two
    /// products (at most 8p²) stay valid <see cref="Fp.Redc"/> inputs; differences go through <see cref="FpWide.SubModP"/>.
    /// </summary>
    internal static void Fp4Square(in Fp2 a, in Fp2 b, out Fp2 c0, out Fp2 c1)
    {
        // a² = A0 + A1·u: A0 = (a0 + a1)(a0 − a1) < 4p², A1 = 2a0·a1 < 2p².
        Fp.AddUnreduced(a.C0, a.C1, out var s);
        Fp.SubUnreduced(a.C0, a.C1, out var d);
        Fp.MulWide(s, d, out var a0);
        Fp.AddUnreduced(a.C0, a.C0, out s);
        Fp.MulWide(s, a.C1, out var a1);

        // b² = B0 + B1·u likewise.
        Fp.AddUnreduced(b.C0, b.C1, out s);
        Fp.SubUnreduced(b.C0, b.C1, out d);
        Fp.MulWide(s, d, out var b0);
        Fp.AddUnreduced(b.C0, b.C0, out s);
        Fp.MulWide(s, b.C1, out var b1);

        // (a + b)² = S0 + S1·u over the reduced sum.
        Fp2.Add(a, b, out var ab);
        Fp.AddUnreduced(ab.C0, ab.C1, out s);
        Fp.SubUnreduced(ab.C0, ab.C1, out d);
        Fp.MulWide(s, d, out var s0);
        Fp.AddUnreduced(ab.C0, ab.C0, out s);
        Fp.MulWide(s, ab.C1, out var s1);

        // c1 = (S0 − A0 − B0) + (S1 − A1 − B1)·u (subtrahends below 8p² and 4p²).
        FpWide.Add(a0, b0, out var a0b0);
        FpWide.SubModP(s0, a0b0, out var t);
        Fp.Redc(t, out c1.C0);
        FpWide.Add(a1, b1, out t);
        FpWide.SubModP(s1, t, out t);
        Fp.Redc(t, out c1.C1);

        // c0 = a² + ξ·b² = (A0 + B0 − B1) + (A1 + B0 + B1)·u (sums below 8p²).
        FpWide.SubModP(a0b0, b1, out t);
        Fp.Redc(t, out c0.C0);
        FpWide.Add(a1, b0, out t);
        FpWide.Add(t, b1, out t);
        Fp.Redc(t, out c0.C1);
    }
}
