namespace Harmony.Crypto.Secp256k1;

/// <summary>Tables of odd multiples P, 3P, 5P, ... used by the window methods.</summary>
internal static class OddMultiples
{
    /// <summary>
    /// Fills <paramref name="table"/> with (2i + 1) * P in affine form, normalised, using one batch inversion.
    /// Variable-time; for public points whose small multiples are never infinity.
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

    /// <summary>
    /// Fills <paramref name="table"/> with (2i + 1) * Q without any inversion: all entries share one Jacobian
    /// denominator <paramref name="z"/>, so they are affine points of the isomorphic curve
    /// y^2 = x^3 + 7 z^6 on which (x, y) of the real curve appears as (x z^2, y z^3). Additions of these
    /// entries must therefore run on that curve (see
    /// <see cref="JacobianPoint.AddVar(in JacobianPoint, in AffinePoint, in FieldElement)"/> for adding real
    /// affine points there) and the final Z be multiplied by <paramref name="z"/>. Variable-time.
    /// </summary>
    /// <remarks>
    /// D = 2Q = (Xd, Yd, Zd) is affine on the curve scaled by Zd, where Q becomes (qx Zd^2, qy Zd^3). The
    /// multiples Q + D, Q + 2D, ... are computed there with mixed additions, recording each step's Z ratio;
    /// walking back, entry i is scaled by the product of the later ratios so that all share the last Z.
    /// The common denominator on the real curve is that Z times Zd.
    /// </remarks>
    internal static void BuildSharedZ(in AffinePoint q, Span<AffinePoint> table, Span<FieldElement> ratios, out FieldElement z)
    {
        int count = table.Length;
        JacobianPoint twice = JacobianPoint.DoubleVar(JacobianPoint.FromAffine(q));
        var d = new AffinePoint(twice.X, twice.Y);
        FieldElement zd2 = FieldElement.Square(twice.Z);
        FieldElement zd3 = FieldElement.Multiply(zd2, twice.Z);

        // Odd multiples on the curve scaled by Zd, stored as (X, Y) with their own Z kept separately.
        var current = new JacobianPoint(FieldElement.Multiply(q.X, zd2), FieldElement.Multiply(q.Y, zd3), FieldElement.One);
        table[0] = new AffinePoint(current.X, current.Y);
        for (int i = 1; i < count; i++)
        {
            current = JacobianPoint.AddWithRatioVar(current, d, out ratios[i]);
            table[i] = new AffinePoint(current.X, current.Y);
        }

        // Entry i has Z_i with Z_last = Z_i * ratio_(i+1) * ... * ratio_last: rescale by that product.
        FieldElement scale = ratios[count - 1];
        for (int i = count - 2; i >= 0; i--)
        {
            FieldElement scale2 = FieldElement.Square(scale);
            FieldElement scale3 = FieldElement.Multiply(scale2, scale);
            table[i] = new AffinePoint(FieldElement.Multiply(table[i].X, scale2), FieldElement.Multiply(table[i].Y, scale3));
            if (i > 0)
            {
                scale = FieldElement.Multiply(scale, ratios[i]);
            }
        }

        z = FieldElement.Multiply(current.Z, twice.Z);
    }
}
