using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>A point in projective coordinates (X:Y:Z), x = X/Z, y = Y/Z: the cheapest input for doubling.</summary>
internal readonly struct ProjectivePoint
{
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

    /// <summary>2P (four squarings; "dbl-2008-hwcd" for a = -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CompletedPoint Double()
    {
        FieldElement xx = FieldElement.Square(X);
        FieldElement yy = FieldElement.Square(Y);
        FieldElement zz2 = FieldElement.Square(Z);
        zz2 = FieldElement.Add(zz2, zz2);
        FieldElement xPlusYSquared = FieldElement.Square(FieldElement.Add(X, Y));
        FieldElement yyPlusXx = FieldElement.Add(yy, xx);
        FieldElement yyMinusXx = FieldElement.Subtract(yy, xx);
        return new CompletedPoint(
            FieldElement.Subtract(xPlusYSquared, yyPlusXx),
            yyPlusXx,
            yyMinusXx,
            FieldElement.Subtract(zz2, yyMinusXx));
    }
}
