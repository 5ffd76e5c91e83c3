namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Constant-time [k]P on G2 through the ψ endomorphism (GLS): ψ acts on G2 as multiplication by x, so writing
/// k = k₀ + k₁|x| + k₂|x|² + k₃|x|³ with 64-bit digits gives [k]P = Σ kᵢ·(−ψ)ⁱ(P) — 64 doublings instead of 256.
/// </summary>
internal static partial class G2
{
    /// <summary>
    /// [k]P for a secret scalar k &lt; r (four little-endian words). The digit split, the table lookups (every entry is
    /// read and masked) and the complete addition formulas make the sequence of operations independent of k and P.
    /// </summary>
    internal static G2Projective MultiplyConstantTime(in G2Projective p, ReadOnlySpan<ulong> scalar)
    {
        Span<ulong> digits = stackalloc ulong[4];
        Span<ulong> rest = stackalloc ulong[4];
        scalar.CopyTo(rest);
        for (int i = 0; i < 3; i++)
        {
            digits[i] = DivideByAbsX(rest);
        }

        digits[3] = rest[0];

        // Tables of j·(−ψ)ⁱ(P) for j = 0…15.
        Span<G2Projective> tables = stackalloc G2Projective[64];
        tables[0] = G2Projective.Identity;
        tables[1] = p;
        for (int j = 2; j < 16; j++)
        {
            if ((j & 1) == 0)
            {
                tables[j] = tables[j / 2].Double();
            }
            else
            {
                AddComplete(tables[j - 1], p, out tables[j]);
            }
        }

        for (int i = 1; i < 4; i++)
        {
            for (int j = 0; j < 16; j++)
            {
                tables[(16 * i) + j] = PsiProjective(tables[(16 * (i - 1)) + j]).Negate();
            }
        }

        // The four doublings between windows run in Jacobian coordinates (cheaper than the complete projective doubling
        // and exception-free, see DoubleBranchFree); the additions use the complete formulas. Both conversions are
        // constant-time, so the operation sequence stays independent of k and P.
        var r = G2Projective.Identity;
        for (int shift = 60; shift >= 0; shift -= 4)
        {
            if (shift != 60)
            {
                ProjectiveToJacobian(r, out var jacobian);
                DoubleBranchFree(jacobian, out jacobian);
                DoubleBranchFree(jacobian, out jacobian);
                DoubleBranchFree(jacobian, out jacobian);
                DoubleBranchFree(jacobian, out jacobian);
                JacobianToProjective(jacobian, out r);
            }

            for (int i = 0; i < 4; i++)
            {
                int nibble = (int)((digits[i] >> shift) & 0xF);
                var table = tables.Slice(16 * i, 16);
                var entry = table[0];
                for (int j = 1; j < 16; j++)
                {
                    entry = G2Projective.Select(entry, table[j], j == nibble);
                }

                AddComplete(r, entry, out r);
            }
        }

        digits.Clear();
        rest.Clear();
        return r;
    }

    /// <summary>ψ on homogeneous projective coordinates (the same twist constants as the Jacobian form).</summary>
    internal static G2Projective PsiProjective(in G2Projective p) =>
        new(p.X.Conjugate() * PsiX, p.Y.Conjugate() * PsiY, p.Z.Conjugate());

    /// <summary>
    /// Replaces <paramref name="value"/> (four words) by ⌊value / |x|⌋ and returns the remainder, by restoring binary
    /// division with masks: 256 identical steps whatever the value.
    /// </summary>
    private static ulong DivideByAbsX(Span<ulong> value)
    {
        ulong remainder = 0;
        for (int word = 3; word >= 0; word--)
        {
            ulong quotientWord = 0;
            ulong w = value[word];
            for (int bit = 63; bit >= 0; bit--)
            {
                ulong top = remainder >> 63;
                remainder = (remainder << 1) | ((w >> bit) & 1);
                ulong geq = top | (remainder >= MillerLoop.AbsX ? 1UL : 0UL);
                remainder -= MillerLoop.AbsX & (0UL - geq);
                quotientWord = (quotientWord << 1) | geq;
            }

            value[word] = quotientWord;
        }

        return remainder;
    }
}
