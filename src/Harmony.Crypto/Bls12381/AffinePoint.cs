namespace Harmony.Crypto.Bls12381;

/// <summary>A curve point in affine coordinates, or the point at infinity.</summary>
internal readonly struct AffinePoint<TField, TCurve>
    where TField : unmanaged, IField<TField>
    where TCurve : unmanaged, ICurve<TField>
{
    internal readonly TField X;
    internal readonly TField Y;
    internal readonly bool IsInfinity;

    internal AffinePoint(in TField x, in TField y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private AffinePoint(bool infinity)
    {
        X = default;
        Y = default;
        IsInfinity = infinity;
    }

    internal static AffinePoint<TField, TCurve> Infinity => new(true);

    /// <summary>True when y² = x³ + b (the point at infinity counts as on the curve).</summary>
    internal bool IsOnCurve()
    {
        if (IsInfinity)
        {
            return true;
        }

        var lhs = TField.Square(Y);
        var rhs = TField.Add(TField.Mul(TField.Square(X), X), TCurve.B);
        return TField.AreEqual(lhs, rhs);
    }

    internal AffinePoint<TField, TCurve> Negate() => IsInfinity ? this : new(X, TField.Negate(Y));

    internal JacobianPoint<TField, TCurve> ToJacobian() =>
        IsInfinity ? JacobianPoint<TField, TCurve>.Infinity : new(X, Y, TField.One);

    internal bool Equals(in AffinePoint<TField, TCurve> other) =>
        IsInfinity ? other.IsInfinity : !other.IsInfinity && TField.AreEqual(X, other.X) && TField.AreEqual(Y, other.Y);
}
