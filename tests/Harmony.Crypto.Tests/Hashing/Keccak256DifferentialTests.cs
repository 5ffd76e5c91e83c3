using System.Security.Cryptography;

namespace Harmony.Crypto.Tests.Hashing;

/// <summary>
/// SHA3-256 and Keccak-256 share the sponge and the Keccak-f[1600] permutation; only the padding byte differs.
/// Running the library's sponge with SHA-3 padding against the platform's SHA3_256 checks the permutation,
/// absorption and squeezing over every block boundary.
/// </summary>
public sealed class Keccak256DifferentialTests
{
    [SkippableFact]
    public void Sponge_with_sha3_padding_matches_platform_sha3_for_every_length_up_to_600()
    {
        Skip.IfNot(SHA3_256.IsSupported, "SHA3_256 is not supported by this platform's crypto library.");
        var random = new Random(0x5EED);
        for (int length = 0; length <= 600; length++)
        {
            byte[] message = new byte[length];
            random.NextBytes(message);

            byte[] ours = Sha3ViaKeccakSponge.HashData(message);

            ours.ShouldBe(SHA3_256.HashData(message), $"length {length}");
        }
    }

    [SkippableTheory]
    [InlineData(4095)]
    [InlineData(65536)]
    [InlineData(1_048_576 + 7)]
    public void Sponge_with_sha3_padding_matches_platform_sha3_for_large_inputs(int length)
    {
        Skip.IfNot(SHA3_256.IsSupported, "SHA3_256 is not supported by this platform's crypto library.");
        byte[] message = new byte[length];
        new Random(length).NextBytes(message);

        Sha3ViaKeccakSponge.HashData(message).ShouldBe(SHA3_256.HashData(message));
    }

    [SkippableFact]
    public void Sponge_with_sha3_padding_matches_platform_sha3_on_unaligned_input()
    {
        Skip.IfNot(SHA3_256.IsSupported, "SHA3_256 is not supported by this platform's crypto library.");
        byte[] buffer = new byte[1000];
        new Random(7).NextBytes(buffer);
        for (int offset = 1; offset < 8; offset++)
        {
            ReadOnlySpan<byte> message = buffer.AsSpan(offset, 300 + offset);

            Sha3ViaKeccakSponge.HashData(message).ShouldBe(SHA3_256.HashData(message), $"offset {offset}");
        }
    }
}
