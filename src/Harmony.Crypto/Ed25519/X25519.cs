using System.Security.Cryptography;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// X25519 Diffie–Hellman (RFC 7748) on the same GF(2^255 - 19) arithmetic as Ed25519. Private keys are 32 random
/// bytes, clamped on use as RFC 7748 §5 requires; public keys and peer keys are u-coordinates (the top bit is
/// ignored and non-canonical values are reduced, as the RFC says). Everything that touches the private key is
/// constant-time, and nothing allocates.
/// </summary>
public static class X25519
{
    /// <summary>Length of private keys, public keys and shared secrets.</summary>
    public const int KeyLength = 32;

    /// <summary>
    /// Writes the public key u([k]·9) of a private key. Computed on the Edwards curve with the constant-time
    /// fixed-base table and mapped to u = (1 + y) / (1 - y), which gives the same bytes as the ladder, faster.
    /// </summary>
    /// <param name="privateKey">32 bytes; clamped on use.</param>
    /// <param name="publicKey">At least 32 bytes.</param>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    public static void GetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        CheckLength(privateKey.Length, nameof(privateKey));
        CheckLength(publicKey.Length, nameof(publicKey));
        Span<byte> scalar = stackalloc byte[KeyLength];
        Clamp(privateKey, scalar);
        EdwardsPoint point = BasepointTable.Multiply(scalar);
        CryptographicOperations.ZeroMemory(scalar);

        // The clamped scalar is a nonzero multiple of 8 below 8L, so the point is never the identity: Z - Y ≠ 0.
        FieldElement numerator = FieldElement.Add(point.Z, point.Y);
        FieldElement denominator = FieldElement.Subtract(point.Z, point.Y);
        FieldElement.Multiply(numerator, FieldElement.Invert(denominator)).ToBytes(publicKey);
    }

    /// <summary>
    /// Computes the shared secret X25519(privateKey, peerPublicKey) and refuses an all-zero result, which a peer key
    /// of small order produces (RFC 7748 §6.1's check, as Noise and libp2p require).
    /// </summary>
    /// <param name="privateKey">Our 32-byte private key; clamped on use.</param>
    /// <param name="peerPublicKey">The peer's 32-byte public key.</param>
    /// <param name="sharedSecret">At least 32 bytes; zeroed when the result is refused.</param>
    /// <returns>Whether the shared secret is usable (not all zero).</returns>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    public static bool TryDeriveSharedSecret(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        CheckLength(peerPublicKey.Length, nameof(peerPublicKey));
        ScalarMultiply(privateKey, peerPublicKey, sharedSecret);

        // Constant-time test for all zero.
        int any = 0;
        for (int i = 0; i < KeyLength; i++)
        {
            any |= sharedSecret[i];
        }

        if (any == 0)
        {
            CryptographicOperations.ZeroMemory(sharedSecret[..KeyLength]);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The raw X25519 function of RFC 7748 §5: clamps the scalar and multiplies the point with u-coordinate
    /// <paramref name="u"/> by it with the Montgomery ladder (constant-time). No all-zero check.
    /// </summary>
    /// <param name="scalar">32 bytes; clamped on use.</param>
    /// <param name="u">32 bytes; the top bit is ignored.</param>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    public static void ScalarMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> u, Span<byte> destination)
    {
        CheckLength(scalar.Length, nameof(scalar));
        CheckLength(u.Length, nameof(u));
        CheckLength(destination.Length, nameof(destination));
        Span<byte> clamped = stackalloc byte[KeyLength];
        Clamp(scalar, clamped);
        MontgomeryLadder.Multiply(clamped, u, destination);
        CryptographicOperations.ZeroMemory(clamped);
    }

    private static void Clamp(ReadOnlySpan<byte> key, Span<byte> scalar)
    {
        key[..KeyLength].CopyTo(scalar);
        scalar[0] &= 248;
        scalar[31] &= 127;
        scalar[31] |= 64;
    }

    private static void CheckLength(int length, string name)
    {
        if (length < KeyLength)
        {
            throw new ArgumentException($"X25519 needs {KeyLength} bytes, got {length}.", name);
        }
    }
}
