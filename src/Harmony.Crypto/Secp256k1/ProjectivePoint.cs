using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// A point in homogeneous projective coordinates: (X : Y : Z) stands for (X / Z, Y / Z); the identity is
/// (0 : 1 : 0). Used by the constant-time fixed-base multiplication.
/// </summary>
/// <remarks>
/// Addition uses the complete formulas for short Weierstrass curves with a = 0 (Renes, Costello and Batina,
/// "Complete addition formulas for prime order elliptic curves", 2016): one straight-line sequence of field
/// operations that is correct for every pair of inputs, doubling and the identity included, so the
/// control flow never depends on the points.
/// </remarks>
[SkipLocalsInit]
internal readonly struct ProjectivePoint
{
    /// <summary>3 * b = 21.</summary>
    private const uint ThreeB = 21;

    internal readonly FieldElement X;
    internal readonly FieldElement Y;
    internal readonly FieldElement Z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ProjectivePoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The identity (0 : 1 : 0).</summary>
    internal static ProjectivePoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.Zero);

    /// <summary>
    /// P + Q for an affine Q (which cannot be the identity). Constant-time: 11M + 2 small multiplications.
    /// </summary>
    internal static ProjectivePoint Add(in ProjectivePoint p, in AffinePoint q)
    {
        // With Z2 = 1 the complete law reads
        //   X3 = (X1 Y2 + X2 Y1)(Y1 Y2 - 3b Z1) - 3b (Y1 + Y2 Z1)(X1 + X2 Z1)
        //   Y3 = (Y1 Y2 + 3b Z1)(Y1 Y2 - 3b Z1) + 9b X1 X2 (X1 + X2 Z1)
        //   Z3 = (Y1 + Y2 Z1)(Y1 Y2 + 3b Z1) + 3 X1 X2 (X1 Y2 + X2 Y1)
        FieldElement xx = FieldElement.Multiply(p.X, q.X);
        FieldElement yy = FieldElement.Multiply(p.Y, q.Y);
        FieldElement cross = FieldElement.Subtract(
            FieldElement.Multiply(FieldElement.Add(p.X, p.Y), FieldElement.Add(q.X, q.Y)),
            FieldElement.Add(xx, yy));
        FieldElement ySum = FieldElement.Add(FieldElement.Multiply(q.Y, p.Z), p.Y);
        FieldElement xSum = FieldElement.Add(FieldElement.Multiply(q.X, p.Z), p.X);

        FieldElement bz = FieldElement.MultiplySmall(p.Z, ThreeB);
        FieldElement minus = FieldElement.Subtract(yy, bz);
        FieldElement plus = FieldElement.Add(yy, bz);
        FieldElement bxSum = FieldElement.MultiplySmall(xSum, ThreeB);
        FieldElement threeXx = FieldElement.Add(FieldElement.Double(xx), xx);

        FieldElement x3 = FieldElement.Subtract(FieldElement.Multiply(cross, minus), FieldElement.Multiply(ySum, bxSum));
        FieldElement y3 = FieldElement.Add(FieldElement.Multiply(plus, minus), FieldElement.Multiply(threeXx, bxSum));
        FieldElement z3 = FieldElement.Add(FieldElement.Multiply(ySum, plus), FieldElement.Multiply(threeXx, cross));
        return new ProjectivePoint(x3, y3, z3);
    }

    /// <summary>The affine form with a constant-time inversion; the identity maps to (0, 0).</summary>
    internal AffinePoint ToAffine()
    {
        FieldElement zi = FieldElement.Invert(Z);
        return new AffinePoint(
            FieldElement.Normalize(FieldElement.Multiply(X, zi)),
            FieldElement.Normalize(FieldElement.Multiply(Y, zi)));
    }
}
