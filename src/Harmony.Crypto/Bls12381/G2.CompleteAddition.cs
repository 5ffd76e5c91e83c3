using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// The complete projective addition of <see cref="ProjectivePoint{TField, TCurve}.Add"/> (Renes–Costello–Batina, a = 0)
/// written on <see cref="Fp2"/> operands in place for the secret-scalar multiplication, and the constant-time changes
/// of coordinates between that form and Jacobian doubling.
/// </summary>
internal static partial class G2
{
    /// <summary>r = a + b for any a, b (12M, the last six as three sums of two unreduced products, and two multiplications
    /// by 3b′ with additions). Constant-time. r may alias a or b.</summary>
    internal static void AddComplete(in G2Projective a, in G2Projective b, out G2Projective r)
    {
        Fp2.Mul(a.X, b.X, out var xx);
        Fp2.Mul(a.Y, b.Y, out var yy);
        Fp2.Mul(a.Z, b.Z, out var zz);

        // cross = X1Y2 + X2Y1, ySum = Y1Z2 + Y2Z1, xSum = X1Z2 + X2Z1 (Karatsuba-style).
        Fp2.Add(a.X, a.Y, out var s);
        Fp2.Add(b.X, b.Y, out var t);
        Fp2.Mul(s, t, out var cross);
        Fp2.Add(xx, yy, out s);
        Fp2.Sub(cross, s, out cross);
        Fp2.Add(a.Y, a.Z, out s);
        Fp2.Add(b.Y, b.Z, out t);
        Fp2.Mul(s, t, out var ySum);
        Fp2.Add(yy, zz, out s);
        Fp2.Sub(ySum, s, out ySum);
        Fp2.Add(a.X, a.Z, out s);
        Fp2.Add(b.X, b.Z, out t);
        Fp2.Mul(s, t, out var xSum);
        Fp2.Add(xx, zz, out s);
        Fp2.Sub(xSum, s, out xSum);

        MulByB3(zz, out var bzz);
        Fp2.Sub(yy, bzz, out var minus);
        Fp2.Add(yy, bzz, out var plus);
        MulByB3(xSum, out var bxSum);
        Fp2.Double(xx, out var threeXx);
        Fp2.Add(threeXx, xx, out threeXx);

        // Each output is a sum of two products: formed on 768-bit values and reduced once (Fp2Wide).
        Fp2.MulWide(cross, minus, out var w);
        Fp2.MulWide(ySum, bxSum, out var v);
        Fp2Wide.Sub(w, v, out w);
        Fp2Wide.Redc(w, out var x3);
        Fp2.MulWide(plus, minus, out w);
        Fp2.MulWide(threeXx, bxSum, out v);
        Fp2Wide.Add(w, v, out w);
        Fp2Wide.Redc(w, out var y3);
        Fp2.MulWide(ySum, plus, out w);
        Fp2.MulWide(threeXx, cross, out v);
        Fp2Wide.Add(w, v, out w);
        Fp2Wide.Redc(w, out var z3);
        r = new G2Projective(x3, y3, z3);
    }

    /// <summary>
    /// Projective (X : Y : Z) to Jacobian (XZ, YZ², Z), which is the same point; the identity (Z = 0) maps to (1, 1, 0)
    /// by a masked selection. Constant-time.
    /// </summary>
    internal static void ProjectiveToJacobian(in G2Projective p, out G2Jacobian r)
    {
        Fp2.Mul(p.X, p.Z, out var x);
        Fp2.Sqr(p.Z, out var z2);
        Fp2.Mul(p.Y, z2, out var y);
        bool identity = IsZeroConstantTime(p.Z);
        r = new G2Jacobian(Fp2.Select(x, Fp2.One, identity), Fp2.Select(y, Fp2.One, identity), p.Z);
    }

    /// <summary>Jacobian (X, Y, Z) to projective (XZ : Y : Z³); Z = 0 gives (0 : Y : 0), the identity. Constant-time.</summary>
    internal static void JacobianToProjective(in G2Jacobian p, out G2Projective r)
    {
        Fp2.Mul(p.X, p.Z, out var x);
        Fp2.Sqr(p.Z, out var z2);
        Fp2.Mul(z2, p.Z, out var z3);
        r = new G2Projective(x, p.Y, z3);
    }

    /// <summary>3b′·a = 12(1 + u)·a with additions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulByB3(in Fp2 a, out Fp2 r)
    {
        Fp2.MulByNonResidue(a, out var xi);
        Fp2.Double(xi, out xi);
        Fp2.Double(xi, out var four);
        Fp2.Double(four, out var eight);
        Fp2.Add(eight, four, out r);
    }

    /// <summary>a = 0 from an OR over all twelve limbs (no short-circuit).</summary>
    private static bool IsZeroConstantTime(in Fp2 a) =>
        (a.C0.L0 | a.C0.L1 | a.C0.L2 | a.C0.L3 | a.C0.L4 | a.C0.L5
            | a.C1.L0 | a.C1.L1 | a.C1.L2 | a.C1.L3 | a.C1.L4 | a.C1.L5) == 0;
}
