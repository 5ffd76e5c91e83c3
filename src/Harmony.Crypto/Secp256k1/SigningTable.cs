namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Precomputed multiples of G for the constant-time fixed-base multiplication: for each of the
/// <see cref="Windows"/> windows i of <see cref="WindowBits"/> bits, the odd multiples
/// (2m + 1) * 2^(w i) * G, m = 0 .. 2^(w-1) - 1, in affine form. Built once, on first use
/// (43 windows of 32 points: 1376 points, 86 KiB; a row scan reads 2 KiB).
/// </summary>
internal static class SigningTable
{
    /// <summary>Bits per window (w).</summary>
    internal const int WindowBits = 6;

    /// <summary>Number of w-bit windows covering 256 bits.</summary>
    internal const int Windows = (256 + WindowBits - 1) / WindowBits;

    /// <summary>Entries per window: the odd digits 1, 3, ..., 2^w - 1.</summary>
    internal const int EntriesPerWindow = 1 << (WindowBits - 1);

    /// <summary>Row-major table: entry m of window i is at i * EntriesPerWindow + m.</summary>
    internal static readonly AffinePoint[] Entries = Build();

    private static AffinePoint[] Build()
    {
        var jacobian = new JacobianPoint[Windows * EntriesPerWindow];
        JacobianPoint basePoint = JacobianPoint.FromAffine(AffinePoint.Generator);
        for (int window = 0; window < Windows; window++)
        {
            JacobianPoint twice = JacobianPoint.DoubleVar(basePoint);
            JacobianPoint current = basePoint;
            for (int m = 0; m < EntriesPerWindow; m++)
            {
                jacobian[(window * EntriesPerWindow) + m] = current;
                current = JacobianPoint.AddVar(current, twice);
            }

            // Next base: 2^w * base.
            basePoint = twice;
            for (int i = 1; i < WindowBits; i++)
            {
                basePoint = JacobianPoint.DoubleVar(basePoint);
            }
        }

        var entries = new AffinePoint[jacobian.Length];
        BatchNormalizer.ToAffineVar(jacobian, entries);
        return entries;
    }
}
