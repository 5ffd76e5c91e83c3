namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Affine odd multiples of G and of 2^128 * G for the wNAF double-scalar multiplication of verification and
/// recovery; built once, on first use.
/// </summary>
internal static class VerificationTables
{
    /// <summary>wNAF window for the fixed bases.</summary>
    internal const int Window = 8;

    /// <summary>Entries per table: the odd multiples 1, 3, ..., 2^(w-1) - 1.</summary>
    internal const int Size = 1 << (Window - 2);

    /// <summary>(2i + 1) * G.</summary>
    internal static readonly AffinePoint[] G = Build(0);

    /// <summary>(2i + 1) * 2^128 * G.</summary>
    internal static readonly AffinePoint[] G128 = Build(128);

    private static AffinePoint[] Build(int doublings)
    {
        JacobianPoint basePoint = JacobianPoint.FromAffine(AffinePoint.Generator);
        for (int i = 0; i < doublings; i++)
        {
            basePoint = JacobianPoint.DoubleVar(basePoint);
        }

        var table = new AffinePoint[Size];
        OddMultiples.Build(basePoint, table);
        return table;
    }
}
