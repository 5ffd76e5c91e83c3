using System.Numerics;

namespace Harmony.Crypto.Bls12381;

internal static partial class HashToCurve
{
    /// <summary>Window width of the fixed exponentiation below: 16 odd powers in the table.</summary>
    private const int PowWindow = 5;

    /// <summary>
    /// The left-to-right sliding-window plan of (p − 3)/4: step i squares <see cref="SqrtPlanSquarings"/>[i] times,
    /// then multiplies by the odd power <see cref="SqrtPlanDigits"/>[i] (0: no multiplication). Step 0 loads its
    /// digit instead.
    /// </summary>
    private static readonly int[] SqrtPlanSquarings = BuildPlan((Fp.Modulus - 3) / 4, out SqrtPlanDigits);

    private static readonly int[] SqrtPlanDigits;

    /// <summary>
    /// a^((p − 3)/4), the exponentiation of every sqrt_ratio (equal to <see cref="Fp.PowSqrtInverse"/>): 5-bit
    /// sliding windows over the fixed exponent (≈ 379 squarings, 64 products) with the dedicated squaring kernel.
    /// The operation sequence depends only on the public exponent, never on <paramref name="a"/>.
    /// </summary>
    /// <param name="a">The base.</param>
    /// <returns>a^((p − 3)/4).</returns>
    internal static Fp PowSqrtRatio(in Fp a)
    {
        Span<Fp> odd = stackalloc Fp[1 << (PowWindow - 1)];
        odd[0] = a;
        Fp.Sqr(a, out var square);
        for (int i = 1; i < odd.Length; i++)
        {
            Fp.Mul(odd[i - 1], square, out odd[i]);
        }

        var squarings = SqrtPlanSquarings;
        var digits = SqrtPlanDigits;
        var r = odd[digits[0] >> 1];
        for (int step = 1; step < squarings.Length; step++)
        {
            for (int s = squarings[step]; s > 0; s--)
            {
                Fp.Sqr(r, out r);
            }

            int digit = digits[step];
            if (digit != 0)
            {
                Fp.Mul(r, odd[digit >> 1], out r);
            }
        }

        return r;
    }

    /// <summary>Splits a positive exponent into sliding windows of odd digits below 2^<see cref="PowWindow"/>.</summary>
    private static int[] BuildPlan(BigInteger exponent, out int[] digits)
    {
        var squarings = new List<int>();
        var digitList = new List<int>();
        int bit = (int)exponent.GetBitLength() - 1;
        int pending = 0;
        while (bit >= 0)
        {
            if (((exponent >> bit) & 1).IsZero)
            {
                pending++;
                bit--;
                continue;
            }

            int low = Math.Max(bit - PowWindow + 1, 0);
            while (((exponent >> low) & 1).IsZero)
            {
                low++;
            }

            int width = bit - low + 1;
            squarings.Add(pending + width);
            digitList.Add((int)((exponent >> low) & ((1 << width) - 1)));
            pending = 0;
            bit = low - 1;
        }

        if (pending > 0)
        {
            squarings.Add(pending);
            digitList.Add(0);
        }

        digits = [.. digitList];
        return [.. squarings];
    }
}
