namespace Harmony.RaptorQ.Tests.Support;

/// <summary>The splitmix64 byte stream the vector files use for their inputs (vectors/raptorq/README.md).</summary>
internal static class SplitMix64
{
    public static byte[] Bytes(ulong seed, int length)
    {
        byte[] bytes = new byte[length];
        ulong state = seed;
        for (int offset = 0; offset < length; offset += 8)
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                ulong z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                for (int i = 0; i < 8 && offset + i < length; i++)
                {
                    bytes[offset + i] = (byte)(z >> (8 * i));
                }
            }
        }

        return bytes;
    }
}
