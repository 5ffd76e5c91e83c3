using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// An affine point prepared as an addend: (y+x, y-x, 2d·x·y). The base-point tables hold this form; the identity
/// is (1, 1, 0) and the negation swaps the first two coordinates and negates the third.
/// </summary>
internal readonly struct AffineNielsPoint
{
    internal readonly FieldElement YPlusX;
    internal readonly FieldElement YMinusX;
    internal readonly FieldElement XY2d;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AffineNielsPoint(in FieldElement yPlusX, in FieldElement yMinusX, in FieldElement xy2d)
    {
        YPlusX = yPlusX;
        YMinusX = yMinusX;
        XY2d = xy2d;
    }

    /// <summary>The neutral element (1, 1, 0).</summary>
    internal static AffineNielsPoint Identity => new(FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>Normalises an extended point (one inversion) and prepares it. For table building only.</summary>
    internal static AffineNielsPoint FromExtended(in EdwardsPoint p)
    {
        FieldElement zInverse = FieldElement.Invert(p.Z);
        FieldElement x = FieldElement.Multiply(p.X, zInverse);
        FieldElement y = FieldElement.Multiply(p.Y, zInverse);
        return new AffineNielsPoint(
            FieldElement.Add(y, x).Reduce(),
            FieldElement.Subtract(y, x).Reduce(),
            FieldElement.Multiply(FieldElement.Multiply(x, y), FieldElement.D2).Reduce());
    }

    /// <summary>Returns b when mask is all ones and a when it is zero, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static AffineNielsPoint Select(in AffineNielsPoint a, in AffineNielsPoint b, ulong mask) => new(
        FieldElement.Select(a.YPlusX, b.YPlusX, mask),
        FieldElement.Select(a.YMinusX, b.YMinusX, mask),
        FieldElement.Select(a.XY2d, b.XY2d, mask));

    /// <summary>Negates the point when mask is all ones, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AffineNielsPoint ConditionalNegate(ulong mask)
    {
        var negated = new AffineNielsPoint(YMinusX, YPlusX, FieldElement.Negate(XY2d));
        return Select(this, negated, mask);
    }
}
