namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Σ kᵢ·Pᵢ for public scalars by Pippenger's bucket method: the scalars are cut into c-bit windows, each window's
/// points are summed into 2^c − 1 buckets, and the buckets are combined with a running sum. Variable-time.
/// </summary>
internal static class MultiScalarMultiplication
{
    /// <summary>Computes the sum; <paramref name="scalars"/> holds <paramref name="wordsPerScalar"/> little-endian words per point.</summary>
    internal static JacobianPoint<TField, TCurve> Compute<TField, TCurve>(
        ReadOnlySpan<AffinePoint<TField, TCurve>> points, ReadOnlySpan<ulong> scalars, int wordsPerScalar)
        where TField : unmanaged, IField<TField>
        where TCurve : unmanaged, ICurve<TField>
    {
        int n = points.Length;
        if (n == 0)
        {
            return JacobianPoint<TField, TCurve>.Infinity;
        }

        if (n < 4)
        {
            var sum = JacobianPoint<TField, TCurve>.Infinity;
            for (int i = 0; i < n; i++)
            {
                sum = sum.Add(points[i].ToJacobian().MultiplyVartime(scalars.Slice(i * wordsPerScalar, wordsPerScalar)));
            }

            return sum;
        }

        int c = n < 32 ? 3 : (int)Math.Log2(n) - 1;
        c = Math.Clamp(c, 3, 16);
        int bits = wordsPerScalar * 64;
        int windows = (bits + c - 1) / c;
        var buckets = new JacobianPoint<TField, TCurve>[(1 << c) - 1];
        var result = JacobianPoint<TField, TCurve>.Infinity;
        for (int w = windows - 1; w >= 0; w--)
        {
            for (int d = 0; d < c; d++)
            {
                result = result.Double();
            }

            Array.Fill(buckets, JacobianPoint<TField, TCurve>.Infinity);
            for (int i = 0; i < n; i++)
            {
                int digit = Window(scalars.Slice(i * wordsPerScalar, wordsPerScalar), w * c, c);
                if (digit != 0)
                {
                    buckets[digit - 1] = buckets[digit - 1].Add(points[i]);
                }
            }

            // Σ j·bucket_j as a running sum from the top bucket down.
            var running = JacobianPoint<TField, TCurve>.Infinity;
            var windowSum = JacobianPoint<TField, TCurve>.Infinity;
            for (int j = buckets.Length - 1; j >= 0; j--)
            {
                running = running.Add(buckets[j]);
                windowSum = windowSum.Add(running);
            }

            result = result.Add(windowSum);
        }

        return result;
    }

    private static int Window(ReadOnlySpan<ulong> scalar, int start, int width)
    {
        int word = start / 64;
        int shift = start % 64;
        ulong value = scalar[word] >> shift;
        if (shift + width > 64 && word + 1 < scalar.Length)
        {
            value |= scalar[word + 1] << (64 - shift);
        }

        return (int)(value & ((1UL << width) - 1));
    }
}
