namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Constant-time [k]P on G1 through the φ endomorphism (GLV): φ acts on G1 as multiplication by −x², so writing
/// k = k₀ + k₁x² with 128-bit halves gives [k]P = k₀·P − k₁·φ(P) — 128 doublings instead of 256.
/// </summary>
internal static partial class G1
{
    /// <summary>
    /// [k]P for a secret scalar k &lt; r (four little-endian words): masked division for the split, masked table scans
    /// and complete formulas, so the operation sequence is independent of k (and of P, apart from the public test that
    /// sends the generator to <see cref="MultiplyGeneratorConstantTime"/>).
    /// </summary>
    internal static G1Projective MultiplyConstantTime(in G1Projective p, ReadOnlySpan<ulong> scalar)
    {
        // The point is public: SkToPk's generator takes the precomputed comb (also constant-time in k).
        if (IsGeneratorWithUnitZ(p))
        {
            return MultiplyGeneratorConstantTime(scalar);
        }

        Span<ulong> digits = stackalloc ulong[4];
        DivideByXSquared(scalar, digits);

        Span<G1Projective> tables = stackalloc G1Projective[32];
        tables[0] = G1Projective.Identity;
        tables[1] = p;
        for (int j = 2; j < 16; j++)
        {
            tables[j] = (j & 1) == 0 ? tables[j / 2].Double() : tables[j - 1].Add(p);
        }

        for (int j = 0; j < 16; j++)
        {
            // −φ(jP) = (βX : −Y : Z).
            var t = tables[j];
            tables[16 + j] = new G1Projective(t.X * Beta, -t.Y, t.Z);
        }

        // Doublings in Jacobian coordinates between windows (exception-free, see DoubleBranchFree), additions with the
        // complete formulas; the conversions are constant-time, so the operation sequence is independent of k and P.
        var r = G1Projective.Identity;
        for (int word = 1; word >= 0; word--)
        {
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                if (word != 1 || shift != 60)
                {
                    ProjectiveToJacobian(r, out var jacobian);
                    DoubleBranchFree(jacobian, out jacobian);
                    DoubleBranchFree(jacobian, out jacobian);
                    DoubleBranchFree(jacobian, out jacobian);
                    DoubleBranchFree(jacobian, out jacobian);
                    JacobianToProjective(jacobian, out r);
                }

                for (int half = 0; half < 2; half++)
                {
                    int nibble = (int)((digits[(2 * half) + word] >> shift) & 0xF);
                    SelectConstantTime(tables.Slice(16 * half, 16), nibble, out var entry);
                    r = r.Add(entry);
                }
            }
        }

        digits.Clear();
        return r;
    }

    /// <summary>
    /// Splits k = q·x² + rem with rem &lt; x² &lt; 2¹²⁸: <paramref name="digits"/> receives rem (words 0–1) and q
    /// (words 2–3). Restoring binary division with masks: 256 identical steps.
    /// </summary>
    private static void DivideByXSquared(ReadOnlySpan<ulong> k, Span<ulong> digits)
    {
        ulong d0 = XSquared[0], d1 = XSquared[1];
        ulong r0 = 0, r1 = 0, q0 = 0, q1 = 0;
        for (int word = 3; word >= 0; word--)
        {
            for (int bit = 63; bit >= 0; bit--)
            {
                // rem = 2·rem + bit (a 129-bit value: top holds bit 128).
                ulong top = r1 >> 63;
                r1 = (r1 << 1) | (r0 >> 63);
                r0 = (r0 << 1) | ((k[word] >> bit) & 1);

                // geq = top | (rem ≥ d).
                ulong s0 = r0 - d0;
                ulong borrow = r0 < d0 ? 1UL : 0UL;
                ulong s1 = r1 - d1 - borrow;
                borrow = (r1 < d1 ? 1UL : 0UL) | ((r1 == d1 ? 1UL : 0UL) & borrow);
                ulong geq = top | (borrow ^ 1);
                ulong mask = 0UL - geq;
                r0 = (r0 & ~mask) | (s0 & mask);
                r1 = (r1 & ~mask) | (s1 & mask);
                q1 = (q1 << 1) | (q0 >> 63);
                q0 = (q0 << 1) | geq;
            }
        }

        digits[0] = r0;
        digits[1] = r1;
        digits[2] = q0;
        digits[3] = q1;
    }
}
