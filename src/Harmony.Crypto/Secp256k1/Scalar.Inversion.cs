namespace Harmony.Crypto.Secp256k1;

/// <summary>Inversion mod n.</summary>
internal readonly partial struct Scalar
{
    /// <summary>Limbs of n - 2, the Fermat exponent.</summary>
    private static readonly ulong[] OrderMinusTwo = [N0 - 2, N1, N2, N3];

    /// <summary>
    /// a^(n-2) = a^-1 mod n (0 maps to 0). Constant-time: fixed 4-bit windows over the public exponent, so the
    /// sequence of operations and the table indices depend only on n.
    /// </summary>
    internal static Scalar Invert(in Scalar a)
    {
        Span<Scalar> powers = stackalloc Scalar[16];
        powers[0] = One;
        powers[1] = a;
        for (int i = 2; i < 16; i++)
        {
            powers[i] = Multiply(powers[i - 1], a);
        }

        Scalar result = One;
        for (int nibble = 63; nibble >= 0; nibble--)
        {
            result = Square(result);
            result = Square(result);
            result = Square(result);
            result = Square(result);
            int digit = (int)(OrderMinusTwo[nibble >> 4] >> ((nibble & 15) * 4)) & 15;

            // The exponent is public, so indexing by its digit leaks nothing about a.
            result = Multiply(result, powers[digit]);
        }

        powers.Clear();
        return result;
    }
}
