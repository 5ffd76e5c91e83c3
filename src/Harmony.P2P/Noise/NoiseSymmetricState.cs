using System.Security.Cryptography;
using System.Text;

namespace Harmony.P2P.Noise;

/// <summary>
/// The Noise SymmetricState for <c>Noise_XX_25519_ChaChaPoly_SHA256</c>: chaining key, handshake hash and the
/// handshake cipher. HKDF is Noise's HKDF(ck, ikm) over HMAC-SHA-256 (RFC 5869 with an empty info).
/// </summary>
internal sealed class NoiseSymmetricState : IDisposable
{
    public const string ProtocolName = "Noise_XX_25519_ChaChaPoly_SHA256";

    private readonly byte[] _chainingKey = new byte[32];
    private readonly byte[] _hash = new byte[32];
    private readonly NoiseCipherState _cipher = new();

    public NoiseSymmetricState()
    {
        // The name is exactly 32 bytes, so it is used as h directly (no hashing, no padding needed).
        Encoding.ASCII.GetBytes(ProtocolName, _hash);
        _hash.CopyTo(_chainingKey, 0);
    }

    public ReadOnlySpan<byte> HandshakeHash => _hash;

    public void MixHash(ReadOnlySpan<byte> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(_hash);
        sha.AppendData(data);
        sha.GetHashAndReset(_hash);
    }

    public void MixKey(ReadOnlySpan<byte> inputKeyMaterial)
    {
        Span<byte> output = stackalloc byte[64];
        Hkdf(_chainingKey, inputKeyMaterial, output);
        output[..32].CopyTo(_chainingKey);
        _cipher.InitializeKey(output[32..]);
        CryptographicOperations.ZeroMemory(output);
    }

    /// <summary>Encrypts (or copies, before the first key) and mixes the ciphertext into h; returns the bytes written.</summary>
    public int EncryptAndHash(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        int written = _cipher.Encrypt(_hash, plaintext, destination);
        MixHash(destination[..written]);
        return written;
    }

    public bool TryDecryptAndHash(ReadOnlySpan<byte> ciphertext, Span<byte> destination, out int written)
    {
        if (!_cipher.TryDecrypt(_hash, ciphertext, destination, out written))
        {
            return false;
        }

        MixHash(ciphertext);
        return true;
    }

    public int Overhead => _cipher.HasKey ? NoiseCipherState.TagLength : 0;

    /// <summary>Derives the two transport ciphers: the first for initiator-to-responder, the second for the reverse.</summary>
    public (NoiseCipherState First, NoiseCipherState Second) Split()
    {
        Span<byte> output = stackalloc byte[64];
        Hkdf(_chainingKey, ReadOnlySpan<byte>.Empty, output);
        var first = new NoiseCipherState();
        var second = new NoiseCipherState();
        first.InitializeKey(output[..32]);
        second.InitializeKey(output[32..]);
        CryptographicOperations.ZeroMemory(output);
        return (first, second);
    }

    /// <summary>
    /// Noise's HKDF with two outputs, written out with HMAC-SHA-256 because the platform HKDF rejects the empty input
    /// key material of <see cref="Split"/>: temp = HMAC(ck, ikm), out1 = HMAC(temp, 0x01), out2 = HMAC(temp, out1 ‖ 0x02).
    /// </summary>
    internal static void Hkdf(ReadOnlySpan<byte> chainingKey, ReadOnlySpan<byte> inputKeyMaterial, Span<byte> output64)
    {
        Span<byte> temp = stackalloc byte[32];
        Span<byte> block = stackalloc byte[33];
        HMACSHA256.HashData(chainingKey, inputKeyMaterial, temp);
        block[0] = 0x01;
        HMACSHA256.HashData(temp, block[..1], output64[..32]);
        output64[..32].CopyTo(block);
        block[32] = 0x02;
        HMACSHA256.HashData(temp, block, output64[32..]);
        CryptographicOperations.ZeroMemory(temp);
        CryptographicOperations.ZeroMemory(block);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_chainingKey);
        _cipher.Dispose();
    }
}
