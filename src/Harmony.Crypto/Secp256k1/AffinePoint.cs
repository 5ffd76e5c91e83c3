using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// A finite point (x, y) of secp256k1: y^2 = x^3 + 7 over F_p. The point at infinity has no affine form;
/// code that can meet it uses <see cref="JacobianPoint"/>.
/// </summary>
internal readonly struct AffinePoint
{
    internal readonly FieldElement X;
    internal readonly FieldElement Y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AffinePoint(in FieldElement x, in FieldElement y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The generator G.</summary>
    internal static AffinePoint Generator => new(
        new FieldElement(0x59F2815B16F81798UL, 0x029BFCDB2DCE28D9UL, 0x55A06295CE870B07UL, 0x79BE667EF9DCBBACUL),
        new FieldElement(0x9C47D08FFB10D4B8UL, 0xFD17B448A6855419UL, 0x5DA4FBFC0E1108A8UL, 0x483ADA7726A3C465UL));

    /// <summary>beta, the cube root of unity mod p with lambda * (x, y) = (beta * x, y).</summary>
    internal static FieldElement Beta => new(0xC1396C28719501EEUL, 0x9CF0497512F58995UL, 0x6E64479EAC3434E9UL, 0x7AE96A2B657C0710UL);

    /// <summary>Whether y^2 = x^3 + 7.</summary>
    internal bool IsOnCurve => FieldElement.Equals(FieldElement.Square(Y), CurveRightSide(X));

    /// <summary>x^3 + 7.</summary>
    internal static FieldElement CurveRightSide(in FieldElement x) =>
        FieldElement.Add(FieldElement.Multiply(FieldElement.Square(x), x), FieldElement.CurveB);

    /// <summary>-P = (x, -y).</summary>
    internal AffinePoint Negate() => new(X, FieldElement.Negate(Y));

    /// <summary>The same point with both coordinates in canonical form.</summary>
    internal AffinePoint Normalize() => new(FieldElement.Normalize(X), FieldElement.Normalize(Y));

    /// <summary>lambda * P = (beta * x, y).</summary>
    internal AffinePoint MultiplyLambda() => new(FieldElement.Multiply(X, Beta), Y);

    /// <summary>
    /// Finds the point with abscissa <paramref name="x"/> whose ordinate has the given parity; false when
    /// x^3 + 7 is not a square. Constant-time in x.
    /// </summary>
    internal static bool TryFromX(in FieldElement x, bool odd, out AffinePoint point)
    {
        bool found = FieldElement.TrySqrt(CurveRightSide(x), out FieldElement y);
        y = FieldElement.Normalize(y);
        ulong flip = Limbs.MaskFromBit((y.L0 & 1) ^ (odd ? 1UL : 0UL));
        point = new AffinePoint(FieldElement.Normalize(x), FieldElement.Normalize(FieldElement.ConditionalNegate(y, flip)));
        return found;
    }

    /// <summary>Whether both coordinates are congruent.</summary>
    internal static bool Equals(in AffinePoint a, in AffinePoint b) =>
        FieldElement.Equals(a.X, b.X) && FieldElement.Equals(a.Y, b.Y);

    /// <inheritdoc />
    public override string ToString() => $"({X}, {Y})";
}
