namespace Harmony.Crypto.Secp256k1;

/// <summary>Inversion mod n by Fermat's little theorem (constant-time).</summary>
internal readonly partial struct Scalar
{
    /// <summary>Width of the sliding window over the low half of the exponent.</summary>
    private const int InversionWindow = 5;

    /// <summary>
    /// a^(n-2) = a^-1 mod n (0 maps to 0). Constant-time: the sequence of squarings and multiplications is
    /// fixed by the public exponent n - 2, whatever a is.
    /// </summary>
    /// <remarks>
    /// n - 2 is 127 ones, a zero, then the 128-bit value 0xBAAEDCE6AF48A03BBFD25E8CD036413F. The run of ones
    /// comes from the chain x_k = a^(2^k - 1); the low half is processed by a sliding window of odd powers.
    /// </remarks>
    internal static Scalar Invert(in Scalar a)
    {
        // x_k = a^(2^k - 1).
        Scalar x1 = a;
        Scalar x2 = Multiply(Square(x1), x1);
        Scalar x3 = Multiply(Square(x2), x1);
        Scalar x6 = Multiply(SquareTimes(x3, 3), x3);
        Scalar x12 = Multiply(SquareTimes(x6, 6), x6);
        Scalar x24 = Multiply(SquareTimes(x12, 12), x12);
        Scalar x48 = Multiply(SquareTimes(x24, 24), x24);
        Scalar x96 = Multiply(SquareTimes(x48, 48), x48);
        Scalar x120 = Multiply(SquareTimes(x96, 24), x24);
        Scalar x126 = Multiply(SquareTimes(x120, 6), x6);
        Scalar x127 = Multiply(Square(x126), x1);

        // Odd powers a, a^3, ..., a^31 for the window.
        Span<Scalar> odd = stackalloc Scalar[1 << (InversionWindow - 1)];
        Scalar aa = Square(a);
        odd[0] = a;
        for (int i = 1; i < odd.Length; i++)
        {
            odd[i] = Multiply(odd[i - 1], aa);
        }

        // The zero bit at position 128, then bits 127..0 of the low limbs N1:(N0 - 2).
        Scalar result = Square(x127);
        ulong high = N1;
        ulong low = N0 - 2;
        int bit = 127;
        while (bit >= 0)
        {
            if (ExponentBit(high, low, bit) == 0)
            {
                result = Square(result);
                bit--;
                continue;
            }

            // Longest window [start, bit] of at most w bits that ends in a one.
            int start = Math.Max(bit - InversionWindow + 1, 0);
            while (ExponentBit(high, low, start) == 0)
            {
                start++;
            }

            int value = 0;
            for (int i = bit; i >= start; i--)
            {
                result = Square(result);
                value = (value << 1) | ExponentBit(high, low, i);
            }

            // The exponent is public, so indexing by its digits leaks nothing about a.
            result = Multiply(result, odd[value >> 1]);
            bit = start - 1;
        }

        odd.Clear();
        return result;
    }

    /// <summary>Squares <paramref name="a"/> <paramref name="times"/> times.</summary>
    internal static Scalar SquareTimes(in Scalar a, int times)
    {
        Scalar r = a;
        for (int i = 0; i < times; i++)
        {
            r = Square(r);
        }

        return r;
    }

    private static int ExponentBit(ulong high, ulong low, int bit) =>
        (int)((bit >= 64 ? high >> (bit - 64) : low >> bit) & 1);
}
