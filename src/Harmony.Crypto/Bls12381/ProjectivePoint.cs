using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// A point in homogeneous projective coordinates (X : Y : Z) ↦ (X/Z, Y/Z), identity (0 : 1 : 0), with the complete
/// addition law for a = 0 of Renes, Costello and Batina (2016). Every formula is one straight-line sequence of field
/// operations whatever the inputs, which makes the secret-scalar multiplication constant-time.
/// </summary>
[SkipLocalsInit]
internal readonly struct ProjectivePoint<TField, TCurve>
    where TField : unmanaged, IField<TField>
    where TCurve : unmanaged, ICurve<TField>
{
    internal readonly TField X;
    internal readonly TField Y;
    internal readonly TField Z;

    internal ProjectivePoint(in TField x, in TField y, in TField z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    internal static ProjectivePoint<TField, TCurve> Identity => new(default, TField.One, default);

    internal static ProjectivePoint<TField, TCurve> FromAffine(in AffinePoint<TField, TCurve> p) =>
        new(p.X, TField.Select(p.Y, TField.One, p.IsInfinity), TField.Select(TField.One, default, p.IsInfinity));

    /// <summary>P + Q for any P, Q (complete: 12M, and 3b by additions).</summary>
    internal ProjectivePoint<TField, TCurve> Add(in ProjectivePoint<TField, TCurve> q)
    {
        var xx = TField.Mul(X, q.X);
        var yy = TField.Mul(Y, q.Y);
        var zz = TField.Mul(Z, q.Z);
        var cross = TField.Sub(TField.Mul(TField.Add(X, Y), TField.Add(q.X, q.Y)), TField.Add(xx, yy)); // X1Y2 + X2Y1
        var ySum = TField.Sub(TField.Mul(TField.Add(Y, Z), TField.Add(q.Y, q.Z)), TField.Add(yy, zz));  // Y1Z2 + Y2Z1
        var xSum = TField.Sub(TField.Mul(TField.Add(X, Z), TField.Add(q.X, q.Z)), TField.Add(xx, zz));  // X1Z2 + X2Z1
        var bzz = TCurve.MulByB3(zz);
        var minus = TField.Sub(yy, bzz);
        var plus = TField.Add(yy, bzz);
        var bxSum = TCurve.MulByB3(xSum);
        var threeXx = TField.Add(TField.Add(xx, xx), xx);
        var x3 = TField.Sub(TField.Mul(cross, minus), TField.Mul(ySum, bxSum));
        var y3 = TField.Add(TField.Mul(plus, minus), TField.Mul(threeXx, bxSum));
        var z3 = TField.Add(TField.Mul(ySum, plus), TField.Mul(threeXx, cross));
        return new(x3, y3, z3);
    }

    /// <summary>2P (complete doubling for a = 0: 6M + 2S + 1 multiplication by 3b).</summary>
    internal ProjectivePoint<TField, TCurve> Double()
    {
        var t0 = TField.Square(Y);
        var z3 = TField.Add(t0, t0);
        z3 = TField.Add(z3, z3);
        z3 = TField.Add(z3, z3);
        var t1 = TField.Mul(Y, Z);
        var t2 = TCurve.MulByB3(TField.Square(Z));
        var x3 = TField.Mul(t2, z3);
        var y3 = TField.Add(t0, t2);
        z3 = TField.Mul(t1, z3);
        t1 = TField.Add(t2, t2);
        t2 = TField.Add(t1, t2);
        t0 = TField.Sub(t0, t2);
        y3 = TField.Add(x3, TField.Mul(t0, y3));
        t1 = TField.Mul(X, Y);
        x3 = TField.Mul(t0, t1);
        x3 = TField.Add(x3, x3);
        return new(x3, y3, z3);
    }

    internal ProjectivePoint<TField, TCurve> Negate() => new(X, TField.Negate(Y), Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal AffinePoint<TField, TCurve> ToAffine()
    {
        if (Z.IsZero)
        {
            return AffinePoint<TField, TCurve>.Infinity;
        }

        var zi = TField.Inverse(Z);
        return new(TField.Mul(X, zi), TField.Mul(Y, zi));
    }

    internal JacobianPoint<TField, TCurve> ToJacobian()
    {
        // (X/Z, Y/Z) = (XZ / Z², YZ² / Z³).
        var z2 = TField.Square(Z);
        return Z.IsZero ? JacobianPoint<TField, TCurve>.Infinity : new(TField.Mul(X, Z), TField.Mul(Y, z2), Z);
    }
}
