namespace Harmony.Crypto.Bls12381;

/// <summary>Conversions of big-endian scalar bytes into little-endian 64-bit words for the multiplication routines.</summary>
internal static class ScalarWords
{
    internal static ulong[] FromBigEndian(ReadOnlySpan<byte> bigEndian)
    {
        var words = new ulong[Math.Max(1, (bigEndian.Length + 7) / 8)];
        for (int i = 0; i < bigEndian.Length; i++)
        {
            int bitPosition = 8 * (bigEndian.Length - 1 - i);
            words[bitPosition / 64] |= (ulong)bigEndian[i] << (bitPosition % 64);
        }

        return words;
    }
}
