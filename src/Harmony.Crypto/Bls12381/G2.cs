namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Group operations on G2 ⊂ E′(𝔽p²): the generator, the untwist–Frobenius–twist endomorphism ψ, subgroup test and
/// cofactor clearing.
/// </summary>
internal static partial class G2
{
    /// <summary>The standard generator of G2.</summary>
    internal static readonly G2Affine Generator = new(
        new Fp2(
            Fp.FromHex("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
            Fp.FromHex("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
        new Fp2(
            Fp.FromHex("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
            Fp.FromHex("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")));

    // ψ(x, y) = (x^p · ξ^((1−p)/3), y^p · ξ^((1−p)/2)).
    private static readonly Fp2 PsiX = Fp2.Pow(Fp2.Xi, (Fp.Modulus - 1) / 3).Inverse();
    private static readonly Fp2 PsiY = Fp2.Pow(Fp2.Xi, (Fp.Modulus - 1) / 2).Inverse();

    // ψ²(x, y) = (x·N(c_x), y·N(c_y)): the norms of the ψ constants, elements of 𝔽p.
    private static readonly Fp PsiSquaredX = (PsiX * PsiX.Conjugate()).C0;
    private static readonly Fp PsiSquaredY = (PsiY * PsiY.Conjugate()).C0;

    /// <summary>ψ on Jacobian coordinates: (c_x·conj X, c_y·conj Y, conj Z).</summary>
    internal static G2Jacobian Psi(in G2Jacobian p) =>
        new(p.X.Conjugate() * PsiX, p.Y.Conjugate() * PsiY, p.Z.Conjugate());

    /// <summary>[x]P for the negative curve parameter x.</summary>
    internal static G2Jacobian MultiplyByX(in G2Jacobian p) => MultiplyByAbsX(p).Negate();

    /// <summary>[|x|]P for an affine P (not infinity): the same chain with the cheaper mixed additions.</summary>
    internal static G2Jacobian MultiplyByAbsX(in G2Affine p)
    {
        var r = p.ToJacobian();
        for (int bit = 62; bit >= 0; bit--)
        {
            Double(r, out r);
            if (((MillerLoop.AbsX >> bit) & 1) != 0)
            {
                r = r.Add(p);
            }
        }

        return r;
    }

    /// <summary>[|x|]P by 63 doublings (<see cref="Double"/>) and five additions, the chain of <see cref="JacobianPoint{TField, TCurve}.MultiplyByAbsX"/>.</summary>
    internal static G2Jacobian MultiplyByAbsX(in G2Jacobian p)
    {
        var r = p;
        for (int bit = 62; bit >= 0; bit--)
        {
            Double(r, out r);
            if (((MillerLoop.AbsX >> bit) & 1) != 0)
            {
                r = r.Add(p);
            }
        }

        return r;
    }

    /// <summary>
    /// True when P lies in the order-r subgroup, by ψ(P) = [x]P (Scott, eprint 2021/1130). Variable-time; for
    /// public points.
    /// </summary>
    internal static bool IsInSubgroup(in G2Affine p)
    {
        if (p.IsInfinity)
        {
            return true;
        }

        var j = p.ToJacobian();
        return Psi(j).Equals(MultiplyByAbsX(p).Negate());
    }

    /// <summary>
    /// Multiplies by the effective cofactor h_eff of RFC 9380 §8.8.2 with the Budroni–Pintore decomposition
    /// [x² − x − 1]P + [x − 1]ψ(P) + ψ²(2P).
    /// </summary>
    /// <remarks>
    /// P and the second chain's base t1 + ψ(P) are normalised to affine (one variable-time inversion each, cheaper than
    /// the five full additions it turns mixed: cofactor clearing serves hash outputs, which are public), so the ten additions of the two
    /// [x]-chains and the three additions of P and ψ(P) are mixed additions (7M + 4S) instead of full Jacobian ones
    /// (11M + 5S).
    /// </remarks>
    internal static G2Jacobian ClearCofactor(in G2Jacobian p)
    {
        if (p.IsInfinity)
        {
            return p;
        }

        var a = p.ToAffine();
        var t1 = MultiplyByAbsX(a).Negate();
        var psiP = Psi(a);
        var t3 = Psi(Psi(a.ToJacobian().Double()));
        t3 = t3.Add(psiP.Negate());
        var q = t1.Add(psiP);
        var t2 = q.IsInfinity ? q : MultiplyByAbsX(q.ToAffine()).Negate();
        t3 = t3.Add(t2);
        t3 = t3.Add(t1.Negate());
        return t3.Add(a.Negate());
    }

    /// <summary>ψ on an affine point other than infinity: (c_x·conj x, c_y·conj y).</summary>
    private static G2Affine Psi(in G2Affine p) => new(p.X.Conjugate() * PsiX, p.Y.Conjugate() * PsiY);
}
