using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// A point of secp256k1 in Jacobian coordinates: (X, Y, Z) stands for the affine point (X / Z^2, Y / Z^3).
/// The point at infinity is flagged explicitly.
/// </summary>
/// <remarks>
/// The group operations here are variable-time (their branches handle the exceptional cases P + P,
/// P + (-P) and infinity) and are used only on public data: verification, recovery and table building.
/// </remarks>
[SkipLocalsInit]
internal readonly struct JacobianPoint
{
    internal readonly FieldElement X;
    internal readonly FieldElement Y;
    internal readonly FieldElement Z;
    internal readonly bool IsInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal JacobianPoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
        IsInfinity = false;
    }

    private JacobianPoint(bool infinity)
    {
        X = default;
        Y = default;
        Z = default;
        IsInfinity = infinity;
    }

    /// <summary>The point at infinity (the group identity).</summary>
    internal static JacobianPoint Infinity => new(true);

    /// <summary>The affine point P as (x, y, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static JacobianPoint FromAffine(in AffinePoint p) => new(p.X, p.Y, FieldElement.One);

    /// <summary>-P.</summary>
    internal JacobianPoint Negate() => IsInfinity ? this : new JacobianPoint(X, FieldElement.Negate(Y), Z);

    /// <summary>2P for the curve y^2 = x^3 + b (the formula does not depend on b): 3M + 4S.</summary>
    internal static JacobianPoint DoubleVar(in JacobianPoint a)
    {
        if (a.IsInfinity)
        {
            return a;
        }

        FieldElement xx = FieldElement.Square(a.X);
        FieldElement yy = FieldElement.Square(a.Y);
        FieldElement yyyy = FieldElement.Square(yy);

        // d = 4 X Y^2, e = 3 X^2 (the tangent slope numerator), x3 = e^2 - 2d.
        FieldElement d = FieldElement.MultiplyByPowerOfTwo(FieldElement.Multiply(a.X, yy), 2);
        FieldElement e = FieldElement.Add(FieldElement.MultiplyByPowerOfTwo(xx, 1), xx);
        FieldElement x3 = FieldElement.Subtract(FieldElement.Square(e), FieldElement.MultiplyByPowerOfTwo(d, 1));

        // y3 = e (d - x3) - 8 Y^4, z3 = 2 Y Z.
        FieldElement y3 = FieldElement.Subtract(
            FieldElement.Multiply(e, FieldElement.Subtract(d, x3)), FieldElement.MultiplyByPowerOfTwo(yyyy, 3));
        FieldElement z3 = FieldElement.MultiplyByPowerOfTwo(FieldElement.Multiply(a.Y, a.Z), 1);
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>P + Q for an affine Q (mixed addition): 8M + 3S.</summary>
    internal static JacobianPoint AddVar(in JacobianPoint a, in AffinePoint b)
    {
        if (a.IsInfinity)
        {
            return FromAffine(b);
        }

        FieldElement z1z1 = FieldElement.Square(a.Z);
        FieldElement u2 = FieldElement.Multiply(b.X, z1z1);
        FieldElement s2 = FieldElement.Multiply(b.Y, FieldElement.Multiply(a.Z, z1z1));
        return Finish(a.X, a.Y, a.Z, u2, s2, a);
    }

    /// <summary>
    /// P + Q for an affine Q, also returning the ratio Z(P + Q) / Z(P) (zero when the sum is infinity).
    /// </summary>
    internal static JacobianPoint AddWithRatioVar(in JacobianPoint a, in AffinePoint b, out FieldElement zRatio)
    {
        if (a.IsInfinity)
        {
            zRatio = FieldElement.Zero;
            return FromAffine(b);
        }

        FieldElement z1z1 = FieldElement.Square(a.Z);
        FieldElement u2 = FieldElement.Multiply(b.X, z1z1);
        FieldElement s2 = FieldElement.Multiply(b.Y, FieldElement.Multiply(a.Z, z1z1));
        FieldElement h = FieldElement.Subtract(u2, a.X);
        if (h.IsZero)
        {
            bool same = FieldElement.Subtract(s2, a.Y).IsZero;
            zRatio = same ? FieldElement.Double(a.Y) : FieldElement.Zero;
            return same ? DoubleVar(a) : Infinity;
        }

        zRatio = h;
        return Finish(a.X, a.Y, a.Z, u2, s2, a);
    }

    /// <summary>
    /// P + Q computed on the curve scaled by <paramref name="scale"/> s, where a point (x, y) of the real curve
    /// has the coordinates (x s^2, y s^3) (an isomorphic curve, y^2 = x^3 + 7 s^6): P is given in that frame,
    /// Q by its real affine coordinates, i.e. as the scaled-frame Jacobian point (b.X, b.Y, 1 / s). Costs one
    /// multiplication more than <see cref="AddVar(in JacobianPoint, in AffinePoint)"/>; the result stays in
    /// the scaled frame.
    /// </summary>
    internal static JacobianPoint AddVar(in JacobianPoint a, in AffinePoint b, in FieldElement scale)
    {
        if (a.IsInfinity)
        {
            // (x, y, 1/s) = (x s^2, y s^3, 1).
            FieldElement s2 = FieldElement.Square(scale);
            FieldElement s3 = FieldElement.Multiply(s2, scale);
            return new JacobianPoint(FieldElement.Multiply(b.X, s2), FieldElement.Multiply(b.Y, s3), FieldElement.One);
        }

        // Mapping the scaled frame by 1/s makes Q affine and turns P's Z into Z s; the sum's Z, Z s h, maps
        // back to Z h.
        FieldElement az = FieldElement.Multiply(a.Z, scale);
        FieldElement z1z1 = FieldElement.Square(az);
        FieldElement u2 = FieldElement.Multiply(b.X, z1z1);
        FieldElement s2b = FieldElement.Multiply(b.Y, FieldElement.Multiply(az, z1z1));
        return Finish(a.X, a.Y, a.Z, u2, s2b, a);
    }

    /// <summary>P + Q for two Jacobian points: 12M + 4S.</summary>
    internal static JacobianPoint AddVar(in JacobianPoint a, in JacobianPoint b)
    {
        if (a.IsInfinity)
        {
            return b;
        }

        if (b.IsInfinity)
        {
            return a;
        }

        FieldElement z1z1 = FieldElement.Square(a.Z);
        FieldElement z2z2 = FieldElement.Square(b.Z);
        FieldElement u1 = FieldElement.Multiply(a.X, z2z2);
        FieldElement u2 = FieldElement.Multiply(b.X, z1z1);
        FieldElement s1 = FieldElement.Multiply(a.Y, FieldElement.Multiply(b.Z, z2z2));
        FieldElement s2 = FieldElement.Multiply(b.Y, FieldElement.Multiply(a.Z, z1z1));
        FieldElement z = FieldElement.Multiply(a.Z, b.Z);
        return Finish(u1, s1, z, u2, s2, a);
    }

    /// <summary>
    /// Common tail of the additions, with both points brought to the same denominator:
    /// (u1, s1) and (u2, s2) are the scaled coordinates, z the denominator of the first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JacobianPoint Finish(
        in FieldElement u1, in FieldElement s1, in FieldElement z, in FieldElement u2, in FieldElement s2, in JacobianPoint a)
    {
        FieldElement h = FieldElement.Subtract(u2, u1);
        FieldElement r = FieldElement.Subtract(s2, s1);
        if (h.IsZero)
        {
            // Same abscissa: either the same point (double it) or its negation (the sum is infinity).
            return r.IsZero ? DoubleVar(a) : Infinity;
        }

        FieldElement hh = FieldElement.Square(h);
        FieldElement hhh = FieldElement.Multiply(h, hh);
        FieldElement v = FieldElement.Multiply(u1, hh);
        FieldElement x3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(r), hhh), FieldElement.Double(v));
        FieldElement y3 = FieldElement.Subtract(
            FieldElement.Multiply(r, FieldElement.Subtract(v, x3)), FieldElement.Multiply(s1, hhh));
        FieldElement z3 = FieldElement.Multiply(z, h);
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>The affine form, or false for infinity. Uses one variable-time inversion.</summary>
    internal bool TryToAffineVar(out AffinePoint point)
    {
        if (IsInfinity)
        {
            point = default;
            return false;
        }

        FieldElement zi = FieldElement.InvertVar(Z);
        point = ToAffine(zi);
        return true;
    }

    /// <summary>The affine form given 1 / Z (normalised coordinates).</summary>
    internal AffinePoint ToAffine(in FieldElement zInverse)
    {
        FieldElement zi2 = FieldElement.Square(zInverse);
        FieldElement x = FieldElement.Multiply(X, zi2);
        FieldElement y = FieldElement.Multiply(Y, FieldElement.Multiply(zi2, zInverse));
        return new AffinePoint(FieldElement.Normalize(x), FieldElement.Normalize(y));
    }
}

