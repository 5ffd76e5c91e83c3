namespace Harmony.Crypto.Bls12381;

/// <summary>Converts many Jacobian points to affine form with a single field inversion (Montgomery's trick).</summary>
internal static class BatchNormalization
{
    internal static void ToAffine<TField, TCurve>(
        ReadOnlySpan<JacobianPoint<TField, TCurve>> points, Span<AffinePoint<TField, TCurve>> output)
        where TField : unmanaged, IField<TField>
        where TCurve : unmanaged, ICurve<TField>
    {
        int n = points.Length;
        var prefix = new TField[n];
        var acc = TField.One;
        for (int i = 0; i < n; i++)
        {
            prefix[i] = acc;
            if (!points[i].IsInfinity)
            {
                acc = TField.Mul(acc, points[i].Z);
            }
        }

        // Public points only (Jacobian coordinates): the variable-time inversion is safe here.
        var inverse = TField.InverseVartime(acc);
        for (int i = n - 1; i >= 0; i--)
        {
            var p = points[i];
            if (p.IsInfinity)
            {
                output[i] = AffinePoint<TField, TCurve>.Infinity;
                continue;
            }

            var zi = TField.Mul(inverse, prefix[i]);
            inverse = TField.Mul(inverse, p.Z);
            var zi2 = TField.Square(zi);
            output[i] = new AffinePoint<TField, TCurve>(TField.Mul(p.X, zi2), TField.Mul(p.Y, TField.Mul(zi2, zi)));
        }
    }
}
