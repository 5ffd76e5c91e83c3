namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Precomputed multiples of G for the constant-time fixed-base multiplication: for each of the 64 four-bit
/// windows i, the eight odd multiples (2m + 1) * 16^i * G, m = 0..7, in affine form. Built once, on first use
/// (512 points, 32 KiB).
/// </summary>
internal static class SigningTable
{
    /// <summary>Number of 4-bit windows covering 256 bits.</summary>
    internal const int Windows = 64;

    /// <summary>Entries per window: odd digits 1, 3, ..., 15.</summary>
    internal const int EntriesPerWindow = 8;

    /// <summary>Row-major table: entry m of window i is at i * 8 + m.</summary>
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

            // 16 * base: four doublings.
            basePoint = JacobianPoint.DoubleVar(JacobianPoint.DoubleVar(twice));
            basePoint = JacobianPoint.DoubleVar(basePoint);
        }

        var entries = new AffinePoint[jacobian.Length];
        BatchNormalizer.ToAffineVar(jacobian, entries);
        return entries;
    }
}
