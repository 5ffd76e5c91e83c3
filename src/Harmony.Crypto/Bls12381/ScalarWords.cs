namespace Harmony.Crypto.Bls12381;

/// <summary>Conversions of big-endian scalar bytes into little-endian 64-bit words for the multiplication routines.</summary>
internal static class ScalarWords
{
    /// <summary>Number of words needed for <paramref name="byteCount"/> big-endian bytes (at least one).</summary>
    internal static int Count(int byteCount) => Math.Max(1, (byteCount + 7) / 8);

    /// <summary>Fills <paramref name="words"/> (of length <see cref="Count"/>) from big-endian bytes.</summary>
    internal static void FromBigEndian(ReadOnlySpan<byte> bigEndian, Span<ulong> words)
    {
        words.Clear();
        for (int i = 0; i < bigEndian.Length; i++)
        {
            int bitPosition = 8 * (bigEndian.Length - 1 - i);
            words[bitPosition / 64] |= (ulong)bigEndian[i] << (bitPosition % 64);
        }
    }
}
