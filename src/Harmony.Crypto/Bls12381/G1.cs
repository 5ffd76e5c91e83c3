using System.Numerics;

namespace Harmony.Crypto.Bls12381;

/// <summary>Group operations on G1 ⊂ E(𝔽p): the generator, the endomorphism φ, subgroup test, cofactor clearing.</summary>
internal static partial class G1
{
    /// <summary>The standard generator of G1.</summary>
    internal static readonly G1Affine Generator = new(
        Fp.FromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        Fp.FromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));

    /// <summary>x² as two little-endian words.</summary>
    private static readonly ulong[] XSquared = Fp.Words(new BigInteger(MillerLoop.AbsX) * MillerLoop.AbsX);

    /// <summary>h_eff = 1 − x, the effective cofactor of RFC 9380 §8.8.1.</summary>
    private const ulong EffectiveCofactor = 0xd201000000010001;

    /// <summary>The cube root of unity β for which φ(x, y) = (βx, y) acts on G1 as multiplication by −x².</summary>
    private static readonly Fp Beta = ChooseBeta();

    private static Fp ChooseBeta()
    {
        // The two primitive cube roots of unity are ω and ω²; keep the one whose eigenvalue on G1 is −x².
        var omega = Fp.Pow(Fp.FromUInt64(2), Fp.Words((Fp.Modulus - 1) / 3));
        var g = Generator.ToJacobian();
        var expected = g.MultiplyVartime(XSquared).Negate();
        var candidate = new G1Jacobian(g.X * omega, g.Y, g.Z);
        return candidate.Equals(expected) ? omega : omega.Square();
    }

    /// <summary>φ(P) = (βX, Y, Z).</summary>
    internal static G1Jacobian Phi(in G1Jacobian p) => new(p.X * Beta, p.Y, p.Z);

    /// <summary>
    /// True when P lies in the order-r subgroup, by the endomorphism test φ(P) = −[x²]P (Bowe, eprint 2019/814).
    /// Variable-time; for public points.
    /// </summary>
    internal static bool IsInSubgroup(in G1Affine p)
    {
        if (p.IsInfinity)
        {
            return true;
        }

        var j = p.ToJacobian();
        var lhs = Phi(j);
        var rhs = j.MultiplyByAbsX().MultiplyByAbsX().Negate();
        return lhs.Equals(rhs);
    }

    /// <summary>Clears the cofactor: [1 − x]P.</summary>
    internal static G1Jacobian ClearCofactor(in G1Jacobian p) => p.MultiplyByAbsX().Add(p);

    /// <summary>h_eff as a word, for callers that need the scalar itself.</summary>
    internal static ulong CofactorScalar => EffectiveCofactor;
}
