using Harmony.Crypto.Hashing;

namespace Harmony.Crypto.Tests.Hashing;

public sealed class Keccak256KnownVectorTests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Ascii_messages_hash_to_the_published_digests(string message, string expectedHex)
    {
        byte[] digest = Keccak256.HashData(System.Text.Encoding.ASCII.GetBytes(message));

        Convert.ToHexStringLower(digest).ShouldBe(expectedHex);
    }

    // Lengths around the 136-byte rate: one block minus one, exactly one (padding needs a second block),
    // one plus one, the 200-byte case of the Keccak test suite, and exactly two blocks.
    // Cross-checked against an independent straightforward implementation of the Keccak reference
    // that also reproduces hashlib's SHA3-256 when given the SHA-3 padding.
    [Theory]
    [InlineData(135, "3d28d08c3dacab77392064a939f3e7f8d03f2e02e2c664ac08a05f63ac652626")]
    [InlineData(136, "b82d89d96e5575d11a9e1f4cabb2a45e60899e69a19a724cd796bdcf13511018")]
    [InlineData(137, "ec8008a74e50bc7d6b22c3ad85402bf10e6d4449f3c8618e36c461b8a44eeafb")]
    [InlineData(200, "3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a")]
    [InlineData(272, "a657381e5615f539cac71f13c74473a5e77eaa2bd8348422dcac221c8f13da94")]
    public void Repeated_0xA3_bytes_hash_to_the_cross_checked_digests(int length, string expectedHex)
    {
        byte[] message = new byte[length];
        Array.Fill(message, (byte)0xa3);

        Convert.ToHexStringLower(Keccak256.HashData(message)).ShouldBe(expectedHex);
    }

    [Fact]
    public void One_million_letter_a_hashes_to_the_published_digest()
    {
        byte[] message = new byte[1_000_000];
        Array.Fill(message, (byte)'a');

        Convert.ToHexStringLower(Keccak256.HashData(message))
            .ShouldBe("fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96");
    }

    [Fact]
    public void Keccak256_differs_from_sha3_256_on_the_empty_message()
    {
        byte[] keccak = Keccak256.HashData([]);
        byte[] sha3 = System.Security.Cryptography.SHA3_256.HashData([]);

        keccak.ShouldNotBe(sha3);
        Convert.ToHexStringLower(sha3).ShouldBe("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
    }
}
