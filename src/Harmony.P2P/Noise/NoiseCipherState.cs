using System.Buffers.Binary;
using System.Security.Cryptography;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Noise;

/// <summary>
/// A Noise CipherState for ChaChaPoly: a 32-byte key and a 64-bit nonce written little-endian after four zero bytes.
/// A nonce is never reused: after 2^64 - 1 messages the state refuses to encrypt.
/// </summary>
internal sealed class NoiseCipherState : IDisposable
{
    public const int TagLength = 16;

    private ChaCha20Poly1305? _aead;
    private ulong _nonce;

    public bool HasKey => _aead is not null;

    public void InitializeKey(ReadOnlySpan<byte> key32)
    {
        _aead?.Dispose();
        _aead = new ChaCha20Poly1305(key32);
        _nonce = 0;
    }

    /// <summary>Encrypts into <paramref name="destination"/> (plaintext length + 16) and returns the bytes written.</summary>
    public int Encrypt(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (_aead is null)
        {
            plaintext.CopyTo(destination);
            return plaintext.Length;
        }

        Span<byte> nonce = stackalloc byte[12];
        NextNonce(nonce);
        _aead.Encrypt(nonce, plaintext, destination[..plaintext.Length], destination.Slice(plaintext.Length, TagLength), associatedData);
        return plaintext.Length + TagLength;
    }

    /// <summary>Decrypts into <paramref name="destination"/> (ciphertext length - 16); false when authentication fails.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> destination, out int written)
    {
        written = 0;
        if (_aead is null)
        {
            ciphertext.CopyTo(destination);
            written = ciphertext.Length;
            return true;
        }

        if (ciphertext.Length < TagLength)
        {
            return false;
        }

        Span<byte> nonce = stackalloc byte[12];
        NextNonce(nonce);
        int length = ciphertext.Length - TagLength;
        try
        {
            _aead.Decrypt(nonce, ciphertext[..length], ciphertext[length..], destination[..length], associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        written = length;
        return true;
    }

    public void Dispose() => _aead?.Dispose();

    private void NextNonce(Span<byte> nonce12)
    {
        if (_nonce == ulong.MaxValue)
        {
            throw new Libp2pProtocolException("noise: the nonce space of this connection is exhausted.");
        }

        nonce12[..4].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(nonce12[4..], _nonce++);
    }
}
