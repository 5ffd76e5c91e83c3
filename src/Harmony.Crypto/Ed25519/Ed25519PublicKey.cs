using System.Diagnostics.CodeAnalysis;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// An Ed25519 public key (RFC 8032): the 32-byte encoding of a curve point A, decoded once (with the table of its
/// odd multiples) so that every <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> skips that work.
/// </summary>
/// <remarks>
/// <para>Verification follows RFC 8032 §5.1.7 with the cofactorless equation [S]B = R + [k]A, the check that
/// BouncyCastle and OpenSSL (and so Node.js and js-libp2p) perform:</para>
/// <list type="bullet">
/// <item>S must be below the group order L (no malleable S + L);</item>
/// <item>A and R must be canonical point encodings: y below p, on the curve, no x = 0 with the sign bit set;</item>
/// <item>small-order A and R are accepted, as RFC 8032 does not exclude them and neither do those libraries.</item>
/// </list>
/// Instances are immutable and safe to share between threads. Verification allocates nothing.
/// </remarks>
public sealed class Ed25519PublicKey : IEquatable<Ed25519PublicKey>
{
    /// <summary>Length of an encoded public key.</summary>
    public const int Length = 32;

    /// <summary>Length of a signature (R ‖ S).</summary>
    public const int SignatureLength = Ed25519Core.SignatureLength;

    private readonly byte[] _encoded;

    // 1, 3, …, 15 times -A: the verification equation's per-key table, built once.
    private readonly CachedPoint[] _negatedOddMultiples;

    private Ed25519PublicKey(byte[] encoded, in EdwardsPoint point)
    {
        _encoded = encoded;
        _negatedOddMultiples = new CachedPoint[DoubleScalarMultiplier.PointTableLength];
        DoubleScalarMultiplier.ComputeOddMultiples(point.Negate(), _negatedOddMultiples);
    }

    /// <summary>The 32-byte encoding.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>Decodes a public key, rejecting anything but a canonical 32-byte encoding of a curve point.</summary>
    /// <param name="encoded">The 32 bytes.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a valid public key.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out Ed25519PublicKey? key)
    {
        key = null;
        if (!PointEncoding.TryDecode(encoded, out EdwardsPoint point))
        {
            return false;
        }

        key = new Ed25519PublicKey(encoded.ToArray(), point);
        return true;
    }

    /// <summary>
    /// Verifies a signature by an encoded public key without creating a key object (decodes the key each time;
    /// prefer a cached <see cref="Ed25519PublicKey"/> when one key checks many signatures).
    /// </summary>
    /// <param name="publicKey">The 32-byte public key.</param>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The 64-byte signature.</param>
    /// <returns>Whether the key is valid and the signature is valid for it and the message.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!PointEncoding.TryDecode(publicKey, out EdwardsPoint point))
        {
            return false;
        }

        Span<CachedPoint> table = stackalloc CachedPoint[DoubleScalarMultiplier.PointTableLength];
        DoubleScalarMultiplier.ComputeOddMultiples(point.Negate(), table);
        return Ed25519Core.Verify(table, publicKey, message, signature);
    }

    /// <summary>Verifies a signature by this key over a message. Never throws on malformed signatures.</summary>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The signature; anything but 64 bytes is invalid.</param>
    /// <returns>Whether the signature is valid.</returns>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Ed25519Core.Verify(_negatedOddMultiples, _encoded, message, signature);

    /// <summary>Copies the 32-byte encoding.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    public void CopyTo(Span<byte> destination) => _encoded.CopyTo(destination);

    /// <inheritdoc />
    public bool Equals(Ed25519PublicKey? other) => other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Ed25519PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_encoded, 0);

    /// <summary>The key in lower-case hex.</summary>
    /// <returns>64 hex digits.</returns>
    public override string ToString() => Convert.ToHexStringLower(_encoded);

    /// <summary>Creates a key from an encoding produced by this library (a derived public key).</summary>
    internal static Ed25519PublicKey FromTrustedEncoding(ReadOnlySpan<byte> encoded)
    {
        if (!TryDecode(encoded, out Ed25519PublicKey? key))
        {
            throw new InvalidOperationException("A derived Ed25519 public key failed to decode.");
        }

        return key;
    }
}
