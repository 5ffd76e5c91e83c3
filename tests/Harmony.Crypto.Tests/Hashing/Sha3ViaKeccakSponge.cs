using Harmony.Crypto.Hashing;

namespace Harmony.Crypto.Tests.Hashing;

/// <summary>FIPS 202 SHA3-256 built on the library's internal sponge: only the padding byte differs from Keccak-256.</summary>
internal static class Sha3ViaKeccakSponge
{
    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        byte[] digest = new byte[KeccakSponge.OutputSizeInBytes];
        KeccakSponge.Hash(source, digest, KeccakSponge.Sha3Padding);
        return digest;
    }
}
