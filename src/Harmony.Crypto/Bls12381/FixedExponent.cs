using System.Numerics;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// A fixed public exponent of 𝔽p compiled once into a left-to-right sliding-window plan (5-bit odd digits): each
/// step squares a fixed number of times, then multiplies by a fixed odd power. The operation sequence depends only
/// on the exponent, never on the base, so it is constant-time in the base.
/// </summary>
internal sealed class FixedExponent
{
    private const int PowWindow = 5;

    private readonly int[] _squarings;
    private readonly int[] _digits;

    internal FixedExponent(BigInteger exponent)
    {
        _squarings = BuildPlan(exponent, out _digits);
    }

    /// <summary>Raises <paramref name="a"/> to the exponent.</summary>
    internal Fp Pow(in Fp a)
    {
        Span<Fp> odd = stackalloc Fp[1 << (PowWindow - 1)];
        odd[0] = a;
        Fp.Sqr(a, out var square);
        for (int i = 1; i < odd.Length; i++)
        {
            Fp.Mul(odd[i - 1], square, out odd[i]);
        }

        var r = odd[_digits[0] >> 1];
        for (int step = 1; step < _squarings.Length; step++)
        {
            for (int s = _squarings[step]; s > 0; s--)
            {
                Fp.Sqr(r, out r);
            }

            int digit = _digits[step];
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
