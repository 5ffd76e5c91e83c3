using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Constant-time [k]P on G2 through the ψ endomorphism (GLS): ψ acts on G2 as multiplication by x, so writing
/// k = k₀ + k₁|x| + k₂|x|² + k₃|x|³ with 64-bit digits gives [k]P = Σ kᵢ·(−ψ)ⁱ(P) — 64 doublings instead of 256.
/// Each kᵢ is recoded into 13 signed radix-32 digits in [−15, 16], so the loop adds 4·13 = 52 table entries (instead
/// of 64 with unsigned 4-bit windows) from tables of j·(−ψ)ⁱ(P), j = 0…16.
/// </summary>
internal static partial class G2
{
    /// <summary>Signed radix-32 digits per 64-bit part: 13·5 = 65 bits hold the part plus the recoding carry.</summary>
    private const int DigitsPerPart = 13;

    /// <summary>Table entries per part: 0·Q … 16·Q.</summary>
    private const int TableSize = 17;

    /// <summary>
    /// [k]P for a secret scalar k &lt; r (four little-endian words). Constant-time: the digit split is a masked division
    /// (<see cref="DivideByAbsX"/>), the signed recoding is arithmetic without branches (<see cref="RecodeSigned"/>),
    /// each table lookup reads every entry under a mask (<see cref="SelectConstantTime"/>) and the sign of a digit is
    /// applied by a masked selection of ±Y; additions use the complete formulas and doublings the exception-free
    /// Jacobian formula, so the sequence of field operations and memory addresses depends on neither k nor P. The only
    /// branches test public loop counters.
    /// </summary>
    internal static G2Projective MultiplyConstantTime(in G2Projective p, ReadOnlySpan<ulong> scalar)
    {
        Span<ulong> parts = stackalloc ulong[4];
        Span<ulong> rest = stackalloc ulong[4];
        rest.Clear();
        scalar.CopyTo(rest);
        for (int i = 0; i < 3; i++)
        {
            parts[i] = DivideByAbsX(rest);
        }

        parts[3] = rest[0];
        Span<int> digits = stackalloc int[4 * DigitsPerPart];
        for (int i = 0; i < 4; i++)
        {
            RecodeSigned(parts[i], digits.Slice(DigitsPerPart * i, DigitsPerPart));
        }

        // Tables of j·(−ψ)ⁱ(P) for j = 0…16.
        Span<G2Projective> tables = stackalloc G2Projective[4 * TableSize];
        tables[0] = G2Projective.Identity;
        tables[1] = p;
        for (int j = 2; j < TableSize; j++)
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

        // (−ψ)(P) from ψ; (−ψ)² = ψ² and (−ψ)³ = ψ²∘(−ψ) from the cheaper ψ² (base-field factors, no conjugation).
        for (int j = 0; j < TableSize; j++)
        {
            tables[TableSize + j] = PsiProjective(tables[j]).Negate();
            tables[(2 * TableSize) + j] = PsiSquaredProjective(tables[j]);
            tables[(3 * TableSize) + j] = PsiSquaredProjective(tables[TableSize + j]);
        }

        // The five doublings between windows run in Jacobian coordinates (cheaper than the complete projective doubling
        // and exception-free, see DoubleBranchFree); the additions use the complete formulas. Both conversions are
        // constant-time. The accumulator starts as the first selected entry instead of identity + entry.
        G2Projective r = default;
        for (int window = DigitsPerPart - 1; window >= 0; window--)
        {
            if (window != DigitsPerPart - 1)
            {
                ProjectiveToJacobian(r, out var jacobian);
                for (int d = 0; d < 5; d++)
                {
                    DoubleBranchFree(jacobian, out jacobian);
                }

                JacobianToProjective(jacobian, out r);
            }

            for (int i = 0; i < 4; i++)
            {
                SelectSigned(tables.Slice(TableSize * i, TableSize), digits[(DigitsPerPart * i) + window], out var entry);
                if (window == DigitsPerPart - 1 && i == 0)
                {
                    r = entry;
                }
                else
                {
                    AddComplete(r, entry, out r);
                }
            }
        }

        parts.Clear();
        rest.Clear();
        digits.Clear();
        return r;
    }

    /// <summary>
    /// Writes k = Σ dᵢ·32ⁱ with dᵢ ∈ [−15, 16] (i = 0…12) without branches: a window value v (0…32 with the incoming
    /// carry) above 16 becomes v − 32 and carries one into the next window. The top window holds bits 60–63 plus a
    /// carry, at most 16, so no carry leaves it.
    /// </summary>
    internal static void RecodeSigned(ulong k, Span<int> digits)
    {
        int carry = 0;
        for (int i = 0; i < DigitsPerPart; i++)
        {
            int v = (int)((k >> (5 * i)) & 31) + carry;
            carry = (16 - v) >>> 31;
            digits[i] = v - (carry << 5);
        }
    }

    /// <summary>
    /// r = digit·Q from the table of j·Q (j = 0…16): the magnitude is selected by a full masked scan and the sign applied
    /// by a masked choice between Y and −Y (the negation is always computed). Constant-time.
    /// </summary>
    private static void SelectSigned(ReadOnlySpan<G2Projective> table, int digit, out G2Projective r)
    {
        int sign = digit >> 31;
        int magnitude = (digit ^ sign) - sign;
        SelectConstantTime(table, magnitude, out r);
        var negatedY = -r.Y;
        r = new G2Projective(r.X, Fp2.Select(r.Y, negatedY, sign != 0), r.Z);
    }

    /// <summary>
    /// r = table[index], reading every entry: each is masked with all-ones (the wanted index) or zero and OR-ed in, 256
    /// bits at a time, so the memory accesses and the instruction sequence do not depend on the index.
    /// </summary>
    private static void SelectConstantTime(ReadOnlySpan<G2Projective> table, int index, out G2Projective r)
    {
        // A point is 36 limbs = 9 vectors of four.
        var source = MemoryMarshal.Cast<G2Projective, Vector256<ulong>>(table);
        Vector256<ulong> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default,
            a5 = default, a6 = default, a7 = default, a8 = default;
        for (int j = 0; j < table.Length; j++)
        {
            // ((j ^ index) − 1) >> 31 is 1 exactly when j = index (both below 2³¹).
            var mask = Vector256.Create(0UL - (((uint)(j ^ index) - 1) >> 31));
            var entry = source.Slice(9 * j, 9);
            a0 |= entry[0] & mask;
            a1 |= entry[1] & mask;
            a2 |= entry[2] & mask;
            a3 |= entry[3] & mask;
            a4 |= entry[4] & mask;
            a5 |= entry[5] & mask;
            a6 |= entry[6] & mask;
            a7 |= entry[7] & mask;
            a8 |= entry[8] & mask;
        }

        Unsafe.SkipInit(out r);
        var destination = MemoryMarshal.Cast<G2Projective, Vector256<ulong>>(MemoryMarshal.CreateSpan(ref r, 1));
        destination[0] = a0;
        destination[1] = a1;
        destination[2] = a2;
        destination[3] = a3;
        destination[4] = a4;
        destination[5] = a5;
        destination[6] = a6;
        destination[7] = a7;
        destination[8] = a8;
    }

    /// <summary>
    /// ψ² on homogeneous projective coordinates: ψ²(x, y) = (x·N(c_x), y·N(c_y)) with the norms N(c) = c·c̄ ∈ 𝔽p of the ψ
    /// constants, since conjugating twice is the identity. Four base-field products.
    /// </summary>
    internal static G2Projective PsiSquaredProjective(in G2Projective p)
    {
        Fp2.MulByFp(p.X, PsiSquaredX, out var x);
        Fp2.MulByFp(p.Y, PsiSquaredY, out var y);
        return new G2Projective(x, y, p.Z);
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
