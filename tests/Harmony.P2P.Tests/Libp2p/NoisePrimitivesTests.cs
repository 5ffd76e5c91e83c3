using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.Noise;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>The Noise building blocks checked against independent definitions: the protocol name, RFC 5869 HKDF and the AEAD nonce layout.</summary>
public sealed class NoisePrimitivesTests
{
    [Fact]
    public void The_initial_hash_is_the_32_byte_protocol_name_and_the_empty_prologue_hashes_it()
    {
        using var state = new NoiseSymmetricState();
        var name = Encoding.ASCII.GetBytes("Noise_XX_25519_ChaChaPoly_SHA256");
        name.Length.ShouldBe(32);
        state.HandshakeHash.ToArray().ShouldBe(name);
        state.MixHash(ReadOnlySpan<byte>.Empty);
        state.HandshakeHash.ToArray().ShouldBe(SHA256.HashData(name));
    }

    [Fact]
    public void Noise_HKDF_equals_RFC_5869_HKDF_with_the_chaining_key_as_salt()
    {
        Prop.ForAll<byte[], byte[]>((salt, ikm) =>
        {
            var chainingKey = SHA256.HashData(salt);
            var inputKeyMaterial = ikm.Length == 0 ? [0] : ikm; // the platform HKDF rejects empty key material
            var ours = new byte[64];
            NoiseSymmetricState.Hkdf(chainingKey, inputKeyMaterial, ours);
            var platform = HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKeyMaterial, 64, chainingKey, []);
            return ours.AsSpan().SequenceEqual(platform);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Transport_nonces_are_four_zero_bytes_then_a_little_endian_counter()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        using var cipher = new NoiseCipherState();
        cipher.InitializeKey(key);
        using var reference = new ChaCha20Poly1305(key);
        var plaintext = "libp2p"u8.ToArray();
        for (ulong counter = 0; counter < 3; counter++)
        {
            var sealedBytes = new byte[plaintext.Length + 16];
            cipher.Encrypt(ReadOnlySpan<byte>.Empty, plaintext, sealedBytes);
            var nonce = new byte[12];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(nonce.AsSpan(4), counter);
            var opened = new byte[plaintext.Length];
            reference.Decrypt(nonce, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), opened);
            opened.ShouldBe(plaintext);
        }
    }
}
