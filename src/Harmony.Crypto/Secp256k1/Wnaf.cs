namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Width-w non-adjacent form: k = sum of d_i * 2^i where every non-zero digit is odd, |d_i| &lt; 2^(w-1), and any
/// w consecutive digits hold at most one non-zero digit. Variable-time; for public scalars only.
/// </summary>
internal static class Wnaf
{
    /// <summary>Digits needed for any scalar below 2^256 (the carry may add up to w positions).</summary>
    internal const int MaxLength = 256 + 9;

    /// <summary>
    /// Writes the width-<paramref name="width"/> NAF of <paramref name="k"/> into <paramref name="digits"/>
    /// (negated when <paramref name="negate"/> is set) and returns the number of digits up to the last
    /// non-zero one.
    /// </summary>
    internal static int Compute(in Scalar k, int width, bool negate, Span<short> digits)
    {
        int bits = k.BitLengthVar();
        digits[..Math.Min(digits.Length, bits + width)].Clear();
        int sign = negate ? -1 : 1;
        uint carry = 0;
        int bit = 0;
        int length = 0;
        while (bit < bits || carry != 0)
        {
            uint current = bit < 256 ? k.GetBits(bit, 1) : 0;
            if (current == carry)
            {
                // The effective bit (current + carry) is even: a zero digit, and the carry (if any) moves on.
                bit++;
                continue;
            }

            int available = Math.Min(width, 256 - bit);
            uint word = (available > 0 ? k.GetBits(bit, available) : 0) + carry;
            int digit = (int)word;
            carry = (word >> (width - 1)) & 1;
            digit -= (int)(carry << width);
            digits[bit] = (short)(digit * sign);
            length = bit + 1;
            bit += width;
        }

        return length;
    }
}
