namespace Harmony.Crypto.Bls12381;

/// <summary>Width-w non-adjacent form of a public scalar.</summary>
internal static class Wnaf
{
    /// <summary>
    /// Writes the signed digits of <paramref name="scalar"/> (little-endian words), least significant first, into
    /// <paramref name="digits"/>; every nonzero digit is odd and below 2^(w−1) in magnitude. Returns the number of
    /// digits up to the last nonzero one.
    /// </summary>
    internal static int Compute(ReadOnlySpan<ulong> scalar, int width, Span<sbyte> digits)
    {
        // Work on a copy with one spare word for the carry created by negative digits.
        Span<ulong> k = stackalloc ulong[scalar.Length + 1];
        scalar.CopyTo(k);
        k[^1] = 0;
        digits.Clear();
        int window = 1 << width;
        int length = 0;
        int position = 0;
        while (!IsZero(k))
        {
            int digit = 0;
            if ((k[0] & 1) != 0)
            {
                digit = (int)(k[0] & (ulong)(window - 1));
                if (digit >= window / 2)
                {
                    digit -= window;
                }

                SubtractSmall(k, digit);
            }

            digits[position] = (sbyte)digit;
            if (digit != 0)
            {
                length = position + 1;
            }

            position++;
            ShiftRightOne(k);
        }

        return length;
    }

    private static bool IsZero(ReadOnlySpan<ulong> k)
    {
        foreach (ulong w in k)
        {
            if (w != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void SubtractSmall(Span<ulong> k, int digit)
    {
        if (digit >= 0)
        {
            ulong borrow = (ulong)digit;
            for (int i = 0; i < k.Length && borrow != 0; i++)
            {
                ulong before = k[i];
                k[i] = before - borrow;
                borrow = before < borrow ? 1UL : 0UL;
            }
        }
        else
        {
            ulong carry = (ulong)(-digit);
            for (int i = 0; i < k.Length && carry != 0; i++)
            {
                ulong sum = k[i] + carry;
                carry = sum < carry ? 1UL : 0UL;
                k[i] = sum;
            }
        }
    }

    private static void ShiftRightOne(Span<ulong> k)
    {
        for (int i = 0; i < k.Length - 1; i++)
        {
            k[i] = (k[i] >> 1) | (k[i + 1] << 63);
        }

        k[^1] >>= 1;
    }
}
