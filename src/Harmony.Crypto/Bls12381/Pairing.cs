namespace Harmony.Crypto.Bls12381;

/// <summary>The optimal ate pairing on BLS12-381, exposed as a product check.</summary>
public static class Pairing
{
    /// <summary>
    /// True when e(p₀, q₀) · e(p₁, q₁) ⋯ = 1, computed with one shared Miller loop and one final exponentiation.
    /// An empty input is the empty product and returns true.
    /// </summary>
    public static bool Check(ReadOnlySpan<G1Point> p, ReadOnlySpan<G2Point> q)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException("The two lists must have the same length.", nameof(q));
        }

        var ps = new G1Affine[p.Length];
        var qs = new G2Affine[q.Length];
        for (int i = 0; i < p.Length; i++)
        {
            ps[i] = p[i].Affine;
            qs[i] = q[i].Affine;
        }

        return FinalExponentiation.Run(MillerLoop.Run(ps, qs)).IsOne;
    }
}
