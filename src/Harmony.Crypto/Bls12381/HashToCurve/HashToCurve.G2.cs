namespace Harmony.Crypto.Bls12381;

internal static partial class HashToCurve
{
    /// <summary>The suite identifier of hash_to_curve (random oracle) to G2, for DST construction.</summary>
    internal const string G2RandomOracleSuite = "BLS12381G2_XMD:SHA-256_SSWU_RO_";

    /// <summary>The suite identifier of encode_to_curve (nonuniform) to G2.</summary>
    internal const string G2NonUniformSuite = "BLS12381G2_XMD:SHA-256_SSWU_NU_";

    // E2′: y² = x³ + A′x + B′ with A′ = 240·u and B′ = 1012·(1 + u), 3-isogenous to E2 (RFC 9380 §8.8.2); the SSWU
    // constant is Z = −(2 + u). Multiplications by these constants are spelled out below as additions and
    // base-field products by 240 and 1012.
    private static readonly Fp Fp240 = Fp.FromUInt64(240);

    private static readonly Fp Fp1012 = Fp.FromUInt64(1012);

    /// <summary>√(−5) in 𝔽p, where 5 = N(Z) is the norm of the SSWU constant (−5 is a square since −1 and 5 are not).</summary>
    private static readonly Fp SqrtMinusNormZ = SqrtOrThrow(-Fp.FromUInt64(5));

    // The 3-isogeny E2′ → E2 of RFC 9380 Appendix E.3: coefficients k_(i,0..n) in increasing degree. The
    // denominators are monic; their leading 1 is implicit.
    private static readonly Fp2[] G2IsoXNum =
    [
        Fp2FromHex(
            "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6",
            "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
        Fp2FromHex(
            "0",
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
        Fp2FromHex(
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e",
            "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
        Fp2FromHex(
            "171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1",
            "0"),
    ];

    private static readonly Fp2[] G2IsoXDen =
    [
        Fp2FromHex(
            "0",
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
        Fp2FromHex(
            "c",
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
    ];

    private static readonly Fp2[] G2IsoYNum =
    [
        Fp2FromHex(
            "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706",
            "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
        Fp2FromHex(
            "0",
            "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
        Fp2FromHex(
            "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c",
            "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
        Fp2FromHex(
            "124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10",
            "0"),
    ];

    private static readonly Fp2[] G2IsoYDen =
    [
        Fp2FromHex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb",
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
        Fp2FromHex(
            "0",
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
        Fp2FromHex(
            "12",
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
    ];

    /// <summary>
    /// hash_to_curve(msg) for G2 (suite BLS12381G2_XMD:SHA-256_SSWU_RO_): two field elements, two maps, one
    /// addition, then clear_cofactor (h_eff via ψ). This is the hash of Ethereum BLS signatures.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="dst">The domain separation tag.</param>
    /// <returns>A point of G2 (Jacobian).</returns>
    internal static G2Jacobian HashToG2(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        Span<Fp2> u = stackalloc Fp2[2];
        HashToFieldFp2(message, dst, u);
        return G2.ClearCofactor(MapPairToG2(u[0], u[1]));
    }

    /// <summary>map_to_curve(u0) + map_to_curve(u1), without clearing the cofactor (see <see cref="AddThenIsogeny"/>).</summary>
    internal static G2Jacobian MapPairToG2(in Fp2 u0, in Fp2 u1)
    {
        SimplifiedSwuG2(u0, out var xn0, out var xd0, out var y0);
        SimplifiedSwuG2(u1, out var xn1, out var xd1, out var y1);
        return AddThenIsogeny(xn0, xd0, y0, xn1, xd1, y1);
    }

    /// <summary>
    /// iso(Q0) + iso(Q1) for Q0 = (xn0/xd0, y0) and Q1 = (xn1/xd1, y1) on E2′, as iso(Q0 + Q1): the isogeny is a group
    /// homomorphism, so one Jacobian addition on E2′ (add-2007-bl, which does not involve the curve coefficients) and one
    /// isogeny evaluation replace two evaluations. When Q0 and Q1 share their x-coordinate (doubling or opposite points,
    /// never for random field elements) it maps both and adds on E2 instead. Hash inputs are public.
    /// </summary>
    private static G2Jacobian AddThenIsogeny(in Fp2 xn0, in Fp2 xd0, in Fp2 y0, in Fp2 xn1, in Fp2 xd1, in Fp2 y1)
    {
        // Jacobian forms (xn·xd, y·xd³, xd); Z1Z1 = xd0², Z2Z2 = xd1².
        var z1z1 = xd0.Square();
        var z2z2 = xd1.Square();
        var u1 = xn0 * xd0 * z2z2;
        var u2 = xn1 * xd1 * z1z1;
        var cubes = z1z1 * xd0 * (z2z2 * xd1);
        var s1 = y0 * cubes;
        var s2 = y1 * cubes;
        var h = u2 - u1;
        if (h.IsZero)
        {
            return IsogenyG2(xn0, xd0, y0, Fp2.One).Add(IsogenyG2(xn1, xd1, y1, Fp2.One));
        }

        var h2 = h + h;
        var i = h2.Square();
        var j = h * i;
        var r = s2 - s1;
        r += r;
        var v = u1 * i;
        var x3 = r.Square() - j - (v + v);
        var s1j = s1 * j;
        var y3 = (r * (v - x3)) - (s1j + s1j);
        var z3 = xd0 * xd1 * h2;

        // x = X3 / Z3², y = Y3 / Z3³.
        var z3Square = z3.Square();
        return IsogenyG2(x3, z3Square, y3, z3Square * z3);
    }

    /// <summary>encode_to_curve(msg) for G2 (suite BLS12381G2_XMD:SHA-256_SSWU_NU_): one field element.</summary>
    /// <param name="message">The message.</param>
    /// <param name="dst">The domain separation tag.</param>
    /// <returns>A point of G2 (Jacobian).</returns>
    internal static G2Jacobian EncodeToG2(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst)
    {
        Span<Fp2> u = stackalloc Fp2[1];
        HashToFieldFp2(message, dst, u);
        return G2.ClearCofactor(MapToG2(u[0]));
    }

    /// <summary>The EIP-2537 <c>MAP_FP2_TO_G2</c> operation: map_to_curve followed by clear_cofactor.</summary>
    /// <param name="u">The field element.</param>
    /// <returns>A point of G2 (Jacobian).</returns>
    internal static G2Jacobian MapFp2ToG2(in Fp2 u) => G2.ClearCofactor(MapToG2(u));

    /// <summary>
    /// map_to_curve for G2: the simplified SWU map to E2′ followed by the 3-isogeny to E2, without clearing the
    /// cofactor. Costs two 𝔽p exponentiations (inside sqrt_ratio) and no inversion (the result is Jacobian).
    /// </summary>
    /// <param name="u">The field element.</param>
    /// <returns>A point of E2(𝔽p²), not necessarily in G2; the point at infinity when the isogeny maps to it.</returns>
    internal static G2Jacobian MapToG2(in Fp2 u)
    {
        SimplifiedSwuG2(u, out var xn, out var xd, out var y);
        return IsogenyG2(xn, xd, y, Fp2.One);
    }

    /// <summary>
    /// The simplified SWU map to E2′ (RFC 9380 §6.6.2, straight-line form of Appendix F.2), returning x = xn / xd
    /// as a fraction so that the caller needs no inversion.
    /// </summary>
    private static void SimplifiedSwuG2(in Fp2 u, out Fp2 xn, out Fp2 xd, out Fp2 y)
    {
        var tv1 = MulByZ(u.Square());
        var tv2 = tv1.Square() + tv1;
        var tv3 = MulByB(tv2 + Fp2.One);
        var tv4 = MulByA(Fp2.Select(-tv2, G2Z, tv2.IsZero));
        tv2 = tv3.Square();
        var tv6 = tv4.Square();
        tv2 = (tv2 + MulByA(tv6)) * tv3;
        tv6 *= tv4;
        tv2 += MulByB(tv6);
        var x = tv1 * tv3;
        bool isGx1Square = SqrtRatioFp2(tv2, tv6, out var y1);
        var yAlt = tv1 * u * y1;
        xn = Fp2.Select(x, tv3, isGx1Square);
        y = Fp2.Select(yAlt, y1, isGx1Square);
        y = Fp2.Select(-y, y, u.Sgn0 == y.Sgn0);
        xd = tv4;
    }

    /// <summary>Z = −(2 + u).</summary>
    private static Fp2 G2Z => new(-Fp.FromUInt64(2), -Fp.One);

    /// <summary>a·Z = (a1 − 2a0) + (−a0 − 2a1)·u for Z = −2 − u.</summary>
    private static Fp2 MulByZ(in Fp2 a)
    {
        var c0 = a.C1 - a.C0.Double();
        var c1 = -(a.C0 + a.C1.Double());
        return new Fp2(c0, c1);
    }

    /// <summary>a·A′ = 240·(−a1 + a0·u).</summary>
    private static Fp2 MulByA(in Fp2 a) => new(-(a.C1 * Fp240), a.C0 * Fp240);

    /// <summary>a·B′ = 1012·((a0 − a1) + (a0 + a1)·u).</summary>
    private static Fp2 MulByB(in Fp2 a) => a.MulByNonResidue() * Fp1012;

    /// <summary>
    /// sqrt_ratio(u, v) for 𝔽p² (RFC 9380 §F.2.1 contract): true and √(u/v) when u/v is a square, otherwise false
    /// and √(Z·u/v). Requires v ≠ 0. Which of the two roots is returned is unspecified (the SWU map fixes the sign).
    /// </summary>
    /// <remarks>
    /// Two 𝔽p exponentiations instead of one 𝔽p² exponentiation, through the norm N(a) = a·ā = a0² + a1²:
    /// <list type="number">
    /// <item>u/v is a square in 𝔽p² iff N(u)/N(v) is a square in 𝔽p. The 𝔽p sqrt_ratio of (N(u), N(v)) decides it
    /// and yields α = √N(a) for a = u/v, or for a = Z·u/v (then α = √(−5)·y₁, since N(Z) = 5).</item>
    /// <item>With w = u·v̄ (so a = w / N(v)), δ = (a0 + α)/2 = dn / dd with dn = w0 + α·N(v), dd = 2·N(v). One
    /// exponentiation t = (dn·dd)^((p−3)/4) gives, when δ is a square, √δ = dn·t and 1/√δ = dd·t, whence
    /// √a = t·(dn + w1·u); when δ is not a square the same t gives √(−δ) and √a = u·t·(dn + w1·u).
    /// dn = 0 happens only for a ∈ 𝔽p with the other sign of α, which is then used instead.</item>
    /// </list>
    /// </remarks>
    /// <param name="u">The numerator.</param>
    /// <param name="v">The denominator (nonzero).</param>
    /// <param name="root">√(u/v) or √(Z·u/v); which of the two square roots is unspecified.</param>
    /// <returns>Whether u/v is a square.</returns>
    internal static bool SqrtRatioFp2(in Fp2 u, in Fp2 v, out Fp2 root)
    {
        var nu = u.C0.Square() + u.C1.Square();
        var nv = v.C0.Square() + v.C1.Square();

        // Step 1: the 𝔽p sqrt_ratio (q ≡ 3 mod 4) of the norms.
        var tv2 = nu * nv;
        var y1 = Fp.PowSqrtInverse(nv.Square() * tv2) * tv2;
        bool isQr = y1.Square() * nv == nu;
        var alpha = Fp.Select(y1 * SqrtMinusNormZ, y1, isQr);
        var numerator = Fp2.Select(MulByZ(u), u, isQr);

        // Step 2: the complex method on a = w / N(v).
        var w = numerator * v.Conjugate();
        var alphaNv = alpha * nv;
        var dn = w.C0 + alphaNv;
        dn = Fp.Select(dn, w.C0 - alphaNv, dn.IsZero);
        var dd = nv.Double();
        var product = dn * dd;
        var t = Fp.PowSqrtInverse(product);
        var re = dn * t;
        var im = w.C1 * t;
        bool deltaIsSquare = (product * t.Square()).IsOne;
        root = Fp2.Select(new Fp2(-im, re), new Fp2(re, im), deltaIsSquare);
        return isQr;
    }

    /// <summary>
    /// The 3-isogeny E2′ → E2 at (xn/xd, yn/yd), evaluated homogeneously, returned in Jacobian coordinates:
    /// x = Nx / (Dx·xd), y = yn·Ny / (yd·Dy), so Z = Dx·xd·yd·Dy, X = Nx·yd·Dy·Z, Y = yn·Ny·Dx·xd·Z².
    /// </summary>
    private static G2Jacobian IsogenyG2(in Fp2 xn, in Fp2 xd, in Fp2 y, in Fp2 yd)
    {
        var xn2 = xn.Square();
        var xd2 = xd.Square();
        var xn3 = xn2 * xn;
        var xd3 = xd2 * xd;
        var xn2xd = xn2 * xd;
        var xnxd2 = xn * xd2;

        var k1 = G2IsoXNum;
        var k2 = G2IsoXDen;
        var k3 = G2IsoYNum;
        var k4 = G2IsoYDen;
        var xNum = (k1[3] * xn3) + (k1[2] * xn2xd) + (k1[1] * xnxd2) + (k1[0] * xd3);
        var xDen = (xn2 + (k2[1] * (xn * xd)) + (k2[0] * xd2)) * xd;
        var yNum = ((k3[3] * xn3) + (k3[2] * xn2xd) + (k3[1] * xnxd2) + (k3[0] * xd3)) * y;
        var yDen = (xn3 + (k4[2] * xn2xd) + (k4[1] * xnxd2) + (k4[0] * xd3)) * yd;
        var z = xDen * yDen;
        return new G2Jacobian(xNum * yDen * z, yNum * xDen * z.Square(), z);
    }

    /// <summary>Parses an 𝔽p² constant c0 + c1·u from two hexadecimal strings (no prefix).</summary>
    private static Fp2 Fp2FromHex(string c0, string c1) => new(Fp.FromHex(c0), Fp.FromHex(c1));
}
