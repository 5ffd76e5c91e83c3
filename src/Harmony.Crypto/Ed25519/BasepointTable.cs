using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    // Each entry is the 15 limbs of an affine Niels point padded to 16 ulongs (four 256-bit vectors).
    private const int EntryWords = 16;

    // A nested class defers the table's construction to its first use.
    private static class Holder
    {
        internal static readonly ulong[] Table = Build();
    }

    /// <summary>[scalar]B for a little-endian 32-byte scalar below 2^255 (constant-time).</summary>
    internal static EdwardsPoint Multiply(ReadOnlySpan<byte> scalar)
    {
        Span<sbyte> digits = stackalloc sbyte[64];
        Recode(scalar, digits);
        ReadOnlySpan<ulong> table = Holder.Table;
        const int RowWords = Columns * EntryWords;

        // Odd digits first (weights 16·256^i), then ×16, then even digits (weights 256^i).
        EdwardsPoint h = EdwardsPoint.Identity;
        for (int i = 1; i < 64; i += 2)
        {
            h = h.Add(Select(table.Slice((i / 2) * RowWords, RowWords), digits[i])).ToExtended();
        }

        ProjectivePoint p = h.ToProjective();
        p = p.Double().ToProjective();
        p = p.Double().ToProjective();
        p = p.Double().ToProjective();
        h = p.Double().ToExtended();

        for (int i = 0; i < 64; i += 2)
        {
            h = h.Add(Select(table.Slice((i / 2) * RowWords, RowWords), digits[i])).ToExtended();
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

    /// <summary>
    /// digit·(first entry of the row) for a digit in [-8, 8]: every entry is read and masked in with vector AND/OR,
    /// the identity is masked in for digit 0, and the sign is applied with a masked select.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AffineNielsPoint Select(ReadOnlySpan<ulong> row, sbyte digit)
    {
        // |digit| and its sign without branches.
        int signMask = digit >> 7;
        uint magnitude = (uint)((digit ^ signMask) - signMask);

        // The identity (1, 1, 0): limb 0 of y+x and of y-x are 1, for digit 0 only.
        ulong isZero = 0 - (ulong)((magnitude - 1) >> 31);
        Vector256<ulong> r0 = Vector256.Create(isZero & 1, 0, 0, 0);
        Vector256<ulong> r1 = Vector256.Create(0, isZero & 1, 0, 0);
        Vector256<ulong> r2 = Vector256<ulong>.Zero;
        Vector256<ulong> r3 = Vector256<ulong>.Zero;
        for (int j = 0; j < Columns; j++)
        {
            // All ones exactly when magnitude == j + 1.
            var equal = Vector256.Create(0 - (ulong)(((magnitude ^ (uint)(j + 1)) - 1) >> 31));
            ReadOnlySpan<ulong> entry = row.Slice(j * EntryWords, EntryWords);
            r0 |= Vector256.Create(entry) & equal;
            r1 |= Vector256.Create(entry[4..]) & equal;
            r2 |= Vector256.Create(entry[8..]) & equal;
            r3 |= Vector256.Create(entry[12..]) & equal;
        }

        var result = new AffineNielsPoint(
            new FieldElement(r0.GetElement(0), r0.GetElement(1), r0.GetElement(2), r0.GetElement(3), r1.GetElement(0)),
            new FieldElement(r1.GetElement(1), r1.GetElement(2), r1.GetElement(3), r2.GetElement(0), r2.GetElement(1)),
            new FieldElement(r2.GetElement(2), r2.GetElement(3), r3.GetElement(0), r3.GetElement(1), r3.GetElement(2)));
        return result.ConditionalNegate((ulong)(long)signMask);
    }

    private static ulong[] Build()
    {
        var table = new ulong[Rows * Columns * EntryWords];
        EdwardsPoint rowBase = EdwardsPoint.Basepoint;
        for (int i = 0; i < Rows; i++)
        {
            var cached = new CachedPoint(rowBase);
            EdwardsPoint multiple = rowBase;
            for (int j = 0; j < Columns; j++)
            {
                AffineNielsPoint entry = AffineNielsPoint.FromExtended(multiple);
                Span<ulong> words = table.AsSpan(((i * Columns) + j) * EntryWords, EntryWords);
                Store(entry.YPlusX, words);
                Store(entry.YMinusX, words[5..]);
                Store(entry.XY2d, words[10..]);
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

    private static void Store(in FieldElement value, Span<ulong> words)
    {
        words[0] = value.L0;
        words[1] = value.L1;
        words[2] = value.L2;
        words[3] = value.L3;
        words[4] = value.L4;
    }
}
