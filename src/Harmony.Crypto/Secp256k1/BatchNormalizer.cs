namespace Harmony.Crypto.Secp256k1;

/// <summary>Converts many Jacobian points to affine form with a single field inversion (Montgomery's trick).</summary>
internal static class BatchNormalizer
{
    /// <summary>
    /// Writes the affine form of every point of <paramref name="points"/> (none may be infinity) into
    /// <paramref name="result"/>. Variable-time; used on public points only.
    /// </summary>
    internal static void ToAffineVar(ReadOnlySpan<JacobianPoint> points, Span<AffinePoint> result)
    {
        int count = points.Length;
        if (result.Length < count)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(result));
        }

        if (count == 0)
        {
            return;
        }

        // prefix[i] = Z0 * ... * Zi. Large batches only happen while building the static tables.
        Span<FieldElement> prefix = count <= 64 ? stackalloc FieldElement[count] : new FieldElement[count];
        prefix[0] = points[0].Z;
        for (int i = 1; i < count; i++)
        {
            prefix[i] = FieldElement.Multiply(prefix[i - 1], points[i].Z);
        }

        FieldElement inverse = FieldElement.InvertVar(prefix[count - 1]);
        for (int i = count - 1; i > 0; i--)
        {
            // inverse = 1 / (Z0 ... Zi); 1 / Zi = inverse * (Z0 ... Z(i-1)).
            FieldElement zi = FieldElement.Multiply(inverse, prefix[i - 1]);
            inverse = FieldElement.Multiply(inverse, points[i].Z);
            result[i] = points[i].ToAffine(zi);
        }

        result[0] = points[0].ToAffine(inverse);
    }
}
