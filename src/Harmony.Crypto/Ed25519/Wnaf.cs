namespace Harmony.Crypto.Ed25519;

/// <summary>Width-w non-adjacent form of a public scalar below 2^254 (variable-time).</summary>
internal static class Wnaf
{
    /// <summary>Number of digits written: one per bit position below 2^256.</summary>
    internal const int Length = 256;

    /// <summary>
    /// Writes digits d_i, each zero or odd with |d_i| &lt; 2^(w-1), such that Σ d_i·2^i equals the scalar and any w
    /// consecutive digits hold at most one nonzero. The scalar must be below 2^254 (scalars
    /// mod L are) so that the last carry still lands on a digit below 256 for every width up to 8.
    /// </summary>
    internal static void Compute(ReadOnlySpan<byte> scalar, int width, Span<sbyte> digits)
    {
        digits[..Length].Clear();
        int windowSize = 1 << width;
        int windowMask = windowSize - 1;
        int carry = 0;
        int position = 0;
        while (position < Length)
        {
            int window = carry + (ReadBits(scalar, position, width) & windowMask);
            if ((window & 1) == 0)
            {
                // An even window: this bit is zero (with the carry folded in); move on by one bit.
                position++;
                continue;
            }

            if (window < windowSize / 2)
            {
                carry = 0;
                digits[position] = (sbyte)window;
            }
            else
            {
                carry = 1;
                digits[position] = (sbyte)(window - windowSize);
            }

            position += width;
        }
    }

    /// <summary>Bits position .. position + count - 1 of the little-endian scalar (zero past its end), count ≤ 9.</summary>
    private static int ReadBits(ReadOnlySpan<byte> scalar, int position, int count)
    {
        int value = 0;
        int byteIndex = position >> 3;
        int shift = position & 7;
        for (int i = 0, collected = -shift; collected < count && byteIndex + i < scalar.Length; i++, collected += 8)
        {
            value |= collected >= 0 ? scalar[byteIndex + i] << collected : scalar[byteIndex + i] >> -collected;
        }

        return value & ((1 << count) - 1);
    }
}
