using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>Constant-time k * G for secret scalars (public key derivation and signing nonces).</summary>
/// <remarks>
/// <para>
/// The scalar is first made odd: exactly one of k and n - k is odd (n is odd), and the result for n - k is
/// negated at the end. With w-bit windows (<see cref="SigningTable.WindowBits"/>) and t = ceil(256 / w), an
/// odd k below 2^256 has a regular signed recoding k = sum of d_i * 2^(w i), i = 0 .. t-1, with every digit
/// odd and |d_i| &lt; 2^w: setting k_0 = k and k_(i+1) = (k_i >> w) | 1, each k_i is odd,
/// k_i = d_i + 2^w k_(i+1) with d_i = (k_i mod 2^(w+1)) - 2^w, and the last digit is k_(t-1) itself. As
/// k_i = (k >> w i) | 1, the digits read straight from k: d_i = ((k >> w i) mod 2^(w+1) | 1) - 2^w. No digit
/// is zero, so each window contributes exactly one table point, |d_i| * 2^(w i) * G, negated for d_i &lt; 0.
/// </para>
/// <para>
/// Every step is constant-time: the table row is scanned in full with masks, negations are masked, the
/// additions use complete formulas (<see cref="ProjectivePoint"/>), and the final inversion is Fermat's.
/// </para>
/// </remarks>
[SkipLocalsInit]
internal static class GeneratorMultiplier
{
    /// <summary>k * G in affine form, for k in [1, n). Constant-time.</summary>
    internal static AffinePoint Multiply(in Scalar k)
    {
        ulong evenMask = Limbs.MaskFromBit((k.L0 & 1) ^ 1);
        Scalar odd = Scalar.Select(k, Scalar.Negate(k), evenMask);

        AffinePoint[] table = SigningTable.Entries;
        ProjectivePoint sum = ProjectivePoint.Identity;
        for (int window = 0; window < SigningTable.Windows; window++)
        {
            int offset = window * SigningTable.WindowBits;
            int digit;
            if (window < SigningTable.Windows - 1)
            {
                digit = (int)(odd.GetBits(offset, SigningTable.WindowBits + 1) | 1) - (1 << SigningTable.WindowBits);
            }
            else
            {
                digit = (int)(odd.GetBits(offset, 256 - offset) | 1);
            }

            // |digit| = 2m + 1 and its sign, without branches.
            int signBits = digit >> 31;
            int magnitude = (digit ^ signBits) - signBits;
            uint m = (uint)(magnitude - 1) >> 1;
            AffinePoint entry = Lookup(table, window * SigningTable.EntriesPerWindow, m);
            FieldElement y = FieldElement.ConditionalNegate(entry.Y, (ulong)(long)signBits);
            sum = ProjectivePoint.Add(sum, new AffinePoint(entry.X, y));
        }

        AffinePoint result = sum.ToAffine();
        FieldElement resultY = FieldElement.Normalize(FieldElement.ConditionalNegate(result.Y, evenMask));
        return new AffinePoint(result.X, resultY);
    }

    /// <summary>Reads entry <paramref name="index"/> of the row at <paramref name="rowStart"/> by scanning all entries.</summary>
    private static AffinePoint Lookup(AffinePoint[] table, int rowStart, uint index)
    {
        ulong x0 = 0, x1 = 0, x2 = 0, x3 = 0, y0 = 0, y1 = 0, y2 = 0, y3 = 0;
        ReadOnlySpan<AffinePoint> row = table.AsSpan(rowStart, SigningTable.EntriesPerWindow);
        for (int m = 0; m < row.Length; m++)
        {
            ulong mask = Limbs.EqualMask((uint)m, index);
            ref readonly AffinePoint candidate = ref row[m];
            x0 |= candidate.X.L0 & mask;
            x1 |= candidate.X.L1 & mask;
            x2 |= candidate.X.L2 & mask;
            x3 |= candidate.X.L3 & mask;
            y0 |= candidate.Y.L0 & mask;
            y1 |= candidate.Y.L1 & mask;
            y2 |= candidate.Y.L2 & mask;
            y3 |= candidate.Y.L3 & mask;
        }

        return new AffinePoint(new FieldElement(x0, x1, x2, x3), new FieldElement(y0, y1, y2, y3));
    }
}
