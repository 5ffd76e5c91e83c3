using System.Security.Cryptography;

namespace Harmony.Crypto.Ed25519;

/// <summary>The RFC 8032 §5.1 algorithms ("pure" Ed25519) on spans, shared by the public key types.</summary>
internal static class Ed25519Core
{
    /// <summary>Length of a signature: R ‖ S.</summary>
    internal const int SignatureLength = 64;

    /// <summary>
    /// Expands a 32-byte seed (RFC 8032 §5.1.5): SHA-512, the first half clamped into the secret scalar a, the
    /// second half the nonce prefix; then A = [a]B. Constant-time.
    /// </summary>
    internal static void ExpandSeed(ReadOnlySpan<byte> seed, Span<byte> scalar, Span<byte> prefix, Span<byte> publicKey)
    {
        Span<byte> digest = stackalloc byte[Sha512Hasher.DigestLength];
        SHA512.HashData(seed, digest);
        digest[0] &= 248;
        digest[31] &= 127;
        digest[31] |= 64;
        digest[..32].CopyTo(scalar);
        digest[32..].CopyTo(prefix);
        CryptographicOperations.ZeroMemory(digest);
        PointEncoding.Encode(BasepointTable.Multiply(scalar), publicKey);
    }

    /// <summary>
    /// RFC 8032 §5.1.6: r = SHA-512(prefix ‖ M) mod L, R = [r]B, k = SHA-512(R ‖ A ‖ M) mod L, S = r + k·a mod L.
    /// Constant-time in the secret scalar and prefix. The signature must not overlap the message.
    /// </summary>
    internal static void Sign(
        ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> digest = stackalloc byte[Sha512Hasher.DigestLength];
        Span<byte> nonce = stackalloc byte[Scalar.Length];

        Sha512Hasher.Hash(prefix, message, default, digest);
        Scalar r = Scalar.FromBytesWide(digest);
        r.ToBytes(nonce);
        Span<byte> encodedR = signature[..PointEncoding.Length];
        PointEncoding.Encode(BasepointTable.Multiply(nonce), encodedR);

        Sha512Hasher.Hash(encodedR, publicKey, message, digest);
        Scalar k = Scalar.FromBytesWide(digest);
        Scalar s = Scalar.MultiplyAdd(k, Scalar.FromBytesUnreduced(scalar), r);
        s.ToBytes(signature[PointEncoding.Length..SignatureLength]);

        CryptographicOperations.ZeroMemory(digest);
        CryptographicOperations.ZeroMemory(nonce);
    }

    /// <summary>
    /// RFC 8032 §5.1.7 with the cofactorless equation: S must be below L, and R must equal [S]B - [k]A. The check
    /// compares the canonical encoding of [S]B - [k]A with the signature's R bytes, which is the same as decoding R
    /// strictly (rejecting y ≥ p, off-curve y and x = 0 with the sign bit set) and comparing points: no invalid or
    /// non-canonical R encoding equals the encoding of a point. Variable-time (all inputs are public).
    /// </summary>
    /// <param name="negatedA">The odd multiples of -A (<see cref="DoubleScalarMultiplier.ComputeOddMultiples"/>), A decoded from <paramref name="publicKey"/>.</param>
    /// <param name="publicKey">The 32 encoded bytes of A, as hashed into k.</param>
    /// <param name="message">The message.</param>
    /// <param name="signature">The signature; any length is accepted and all but 64 bytes fail.</param>
    internal static bool Verify(ReadOnlySpan<CachedPoint> negatedA, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        ReadOnlySpan<byte> encodedR = signature[..PointEncoding.Length];
        ReadOnlySpan<byte> s = signature[PointEncoding.Length..];
        if (!Scalar.IsCanonical(s))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[Sha512Hasher.DigestLength];
        Sha512Hasher.Hash(encodedR, publicKey, message, digest);
        Span<byte> k = stackalloc byte[Scalar.Length];
        Scalar.FromBytesWide(digest).ToBytes(k);

        Span<byte> computedR = stackalloc byte[PointEncoding.Length];
        PointEncoding.Encode(DoubleScalarMultiplier.Multiply(s, k, negatedA), computedR);
        return computedR.SequenceEqual(encodedR);
    }
}
