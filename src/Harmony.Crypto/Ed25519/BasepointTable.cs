using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// Constant-time fixed-base multiplication [a]B for signing and key derivation: a is recoded into 64 signed radix-16
/// digits in [-8, 8], and the table holds j·256^i·B for i &lt; 32 and j = 1..8 as affine Niels points (built once,
/// on first use). Each lookup reads all eight entries of its row with masked selects and negates with a masked
/// select, so neither the memory access pattern nor the branches depend on the scalar.
/// </summary>
internal static class BasepointTable
{
    private const int Rows = 32;
    private const int Columns = 8;

    // A nested class defers the table's construction to its first use.
    private static class Holder
    {
        internal static readonly AffineNielsPoint[] Table = Build();
    }

    /// <summary>[scalar]B for a little-endian 32-byte scalar below 2^255 (constant-time).</summary>
    internal static EdwardsPoint Multiply(ReadOnlySpan<byte> scalar)
    {
        Span<sbyte> digits = stackalloc sbyte[64];
        Recode(scalar, digits);
        ReadOnlySpan<AffineNielsPoint> table = Holder.Table;

        // Odd digits first (weights 16·256^i), then ×16, then even digits (weights 256^i).
        EdwardsPoint h = EdwardsPoint.Identity;
        for (int i = 1; i < 64; i += 2)
        {
            h = h.Add(Select(table.Slice((i / 2) * Columns, Columns), digits[i])).ToExtended();
        }

        ProjectivePoint p = h.ToProjective();
        p = p.Double().ToProjective();
        p = p.Double().ToProjective();
        p = p.Double().ToProjective();
        h = p.Double().ToExtended();

        for (int i = 0; i < 64; i += 2)
        {
            h = h.Add(Select(table.Slice((i / 2) * Columns, Columns), digits[i])).ToExtended();
        }

        return h;
    }

    /// <summary>
    /// Signed radix-16 digits e with Σ e_i·16^i = scalar and -8 ≤ e_i &lt; 8 (the last one ≤ 8), without branches.
    /// </summary>
    private static void Recode(ReadOnlySpan<byte> scalar, Span<sbyte> digits)
    {
        for (int i = 0; i < 32; i++)
        {
            digits[2 * i] = (sbyte)(scalar[i] & 15);
            digits[(2 * i) + 1] = (sbyte)(scalar[i] >> 4);
        }

        int carry = 0;
        for (int i = 0; i < 63; i++)
        {
            int e = digits[i] + carry;
            carry = (e + 8) >> 4;
            digits[i] = (sbyte)(e - (carry << 4));
        }

        digits[63] = (sbyte)(digits[63] + carry);
    }

    /// <summary>digit·row[0] for a digit in [-8, 8], reading every entry of the row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AffineNielsPoint Select(ReadOnlySpan<AffineNielsPoint> row, sbyte digit)
    {
        // |digit| and its sign without branches.
        int signMask = digit >> 7;
        uint magnitude = (uint)((digit ^ signMask) - signMask);

        AffineNielsPoint result = AffineNielsPoint.Identity;
        for (int j = 0; j < Columns; j++)
        {
            // All ones exactly when magnitude == j + 1.
            ulong equal = 0 - (ulong)(((magnitude ^ (uint)(j + 1)) - 1) >> 31);
            result = AffineNielsPoint.Select(result, row[j], equal);
        }

        return result.ConditionalNegate((ulong)(long)signMask);
    }

    private static AffineNielsPoint[] Build()
    {
        var table = new AffineNielsPoint[Rows * Columns];
        EdwardsPoint rowBase = EdwardsPoint.Basepoint;
        for (int i = 0; i < Rows; i++)
        {
            var cached = new CachedPoint(rowBase);
            EdwardsPoint multiple = rowBase;
            for (int j = 0; j < Columns; j++)
            {
                table[(i * Columns) + j] = AffineNielsPoint.FromExtended(multiple);
                multiple = multiple.Add(cached).ToExtended();
            }

            // 256·rowBase: eight doublings.
            for (int k = 0; k < 8; k++)
            {
                rowBase = rowBase.Double();
            }
        }

        return table;
    }
}
