namespace Harmony.Crypto.Secp256k1;

/// <summary>Tables of odd multiples P, 3P, 5P, ... used by the window methods.</summary>
internal static class OddMultiples
{
    /// <summary>
    /// Fills <paramref name="table"/> with (2i + 1) * P in affine form, normalised. Variable-time; the point must
    /// be public and, for table lengths below the group order, never produces infinity.
    /// </summary>
    internal static void Build(in JacobianPoint p, Span<AffinePoint> table)
    {
        int count = table.Length;
        Span<JacobianPoint> jacobian = count <= 64 ? stackalloc JacobianPoint[count] : new JacobianPoint[count];
        JacobianPoint twice = JacobianPoint.DoubleVar(p);
        jacobian[0] = p;
        for (int i = 1; i < count; i++)
        {
            jacobian[i] = JacobianPoint.AddVar(jacobian[i - 1], twice);
        }

        BatchNormalizer.ToAffineVar(jacobian, table);
    }
}
