using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Deterministic ECDSA nonces (RFC 6979, section 3.2) with HMAC-SHA256, for a 256-bit group order and a
/// 32-byte message hash. Each call to <see cref="Next"/> yields the next candidate; the caller rejects values
/// that are zero or not below n and asks again.
/// </summary>
/// <remarks>Holds secret state: call <see cref="Clear"/> when done.</remarks>
internal struct Rfc6979Nonce
{
    private Block32 _key;
    private Block32 _value;
    private bool _started;

    /// <summary>Runs steps b to g of the RFC for private key <paramref name="secret32"/> and reduced hash <paramref name="hash32"/>.</summary>
    /// <param name="secret32">int2octets(x): the private key, 32 big-endian bytes.</param>
    /// <param name="hash32">bits2octets(h1): the message hash reduced mod n, 32 big-endian bytes.</param>
    internal Rfc6979Nonce(ReadOnlySpan<byte> secret32, ReadOnlySpan<byte> hash32)
    {
        Span<byte> key = _key;
        Span<byte> value = _value;
        value.Fill(0x01);
        key.Clear();
        _started = false;

        Span<byte> message = stackalloc byte[32 + 1 + 32 + 32];
        value.CopyTo(message);
        secret32.CopyTo(message[33..]);
        hash32.CopyTo(message[65..]);

        // K = HMAC_K(V || 0x00 || x || h1); V = HMAC_K(V); K = HMAC_K(V || 0x01 || x || h1); V = HMAC_K(V).
        message[32] = 0x00;
        Hmac(key, message, key);
        Hmac(key, value, value);
        value.CopyTo(message);
        message[32] = 0x01;
        Hmac(key, message, key);
        Hmac(key, value, value);
        CryptographicOperations.ZeroMemory(message);
    }

    /// <summary>Writes the next 32-byte candidate T (step h; the retry update of K and V comes first after the first call).</summary>
    internal void Next(Span<byte> candidate32)
    {
        Span<byte> key = _key;
        Span<byte> value = _value;
        if (_started)
        {
            // K = HMAC_K(V || 0x00); V = HMAC_K(V).
            Span<byte> message = stackalloc byte[33];
            value.CopyTo(message);
            message[32] = 0x00;
            Hmac(key, message, key);
            Hmac(key, value, value);
            CryptographicOperations.ZeroMemory(message);
        }

        _started = true;
        Hmac(key, value, value);
        value.CopyTo(candidate32);
    }

    /// <summary>Zeroes K and V.</summary>
    internal void Clear()
    {
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_value);
    }

    /// <summary>destination = HMAC-SHA256(key, data), allowing destination to overlap key or data.</summary>
    private static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, data, mac);
        mac.CopyTo(destination);
        CryptographicOperations.ZeroMemory(mac);
    }

    /// <summary>Inline 32-byte buffer.</summary>
    [InlineArray(32)]
    private struct Block32
    {
        private byte _element;
    }
}
