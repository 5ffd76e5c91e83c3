namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Constant-time [k]G for the G1 generator (SkToPk) by a fixed-base comb: k is recoded into 64 signed radix-16 digits
/// dᵢ ∈ [−7, 8], and [k]G = Σ dᵢ·(16ⁱ·G) is summed from a table of j·16ⁱ·G (j = 0…8) built once: 64 complete additions
/// and no doublings, against 128 doublings and 64 additions for the GLV multiplication of an arbitrary point.
/// </summary>
internal static partial class G1
{
    /// <summary>Radix-16 digits of a scalar below 2²⁵⁵ (the top digit absorbs the last recoding carry).</summary>
    private const int CombWindows = 64;

    /// <summary>Table entries per window: 0·B … 8·B for B = 16ⁱ·G.</summary>
    private const int CombEntries = 9;

    /// <summary>j·16ⁱ·G at index 9i + j: the identity for j = 0, otherwise affine points with Z = 1.</summary>
    private static readonly G1Projective[] CombTable = BuildCombTable();

    /// <summary>
    /// [k]G for a secret scalar k &lt; r (four little-endian words). Constant-time: the recoding is branch-free
    /// arithmetic, every window reads all nine entries of its table row under masks (<see cref="SelectConstantTime"/>),
    /// so the memory addresses are the same for every k; the digit's sign is a masked choice between Y and −Y; the
    /// complete addition formulas handle the identity (digit 0) like any other point. Branches test public counters only.
    /// </summary>
    internal static G1Projective MultiplyGeneratorConstantTime(ReadOnlySpan<ulong> scalar)
    {
        Span<ulong> k = stackalloc ulong[4];
        k.Clear();
        scalar.CopyTo(k);
        var r = G1Projective.Identity;
        int carry = 0;
        for (int i = 0; i < CombWindows; i++)
        {
            int v = (int)((k[i >> 4] >> (4 * (i & 15))) & 15) + carry;
            carry = (8 - v) >>> 31;
            int digit = v - (carry << 4);
            int sign = digit >> 31;
            int magnitude = (digit ^ sign) - sign;
            SelectConstantTime(CombTable.AsSpan(CombEntries * i, CombEntries), magnitude, out var entry);
            var negatedY = -entry.Y;
            entry = new G1Projective(entry.X, Fp.Select(entry.Y, negatedY, sign != 0), entry.Z);
            r = r.Add(entry);
        }

        k.Clear();
        return r;
    }

    /// <summary>True when p is the generator in the (X : Y : 1) form <see cref="ProjectivePoint{TField, TCurve}.FromAffine"/>
    /// gives it. Compares public points only.</summary>
    private static bool IsGeneratorWithUnitZ(in G1Projective p) =>
        p.Z.Equals(Fp.One) && p.X.Equals(Generator.X) && p.Y.Equals(Generator.Y);

    /// <summary>Builds the comb table from the public generator (variable-time arithmetic, one batched inversion).</summary>
    private static G1Projective[] BuildCombTable()
    {
        const int PerWindow = CombEntries - 1;
        var multiples = new G1Jacobian[CombWindows * PerWindow];
        var windowBase = Generator.ToJacobian();
        for (int i = 0; i < CombWindows; i++)
        {
            multiples[PerWindow * i] = windowBase;
            for (int j = 1; j < PerWindow; j++)
            {
                multiples[(PerWindow * i) + j] = multiples[(PerWindow * i) + j - 1].Add(windowBase);
            }

            for (int d = 0; d < 4; d++)
            {
                windowBase = windowBase.Double();
            }
        }

        var affine = new G1Affine[multiples.Length];
        BatchNormalization.ToAffine<Fp, G1Curve>(multiples, affine);
        var table = new G1Projective[CombWindows * CombEntries];
        for (int i = 0; i < CombWindows; i++)
        {
            table[CombEntries * i] = G1Projective.Identity;
            for (int j = 1; j < CombEntries; j++)
            {
                table[(CombEntries * i) + j] = G1Projective.FromAffine(affine[(PerWindow * i) + j - 1]);
            }
        }

        return table;
    }
}
