namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// A secp256k1 public key: a point of the curve other than infinity, held inline in affine coordinates.
/// </summary>
/// <remarks>
/// Keys come from <see cref="Parse"/> / <see cref="TryParse"/> (which check that the point is on the curve),
/// from <see cref="Secp256k1PrivateKey.PublicKey"/> or from <see cref="Secp256k1Ecdsa.TryRecover"/>.
/// The <c>default</c> value is not a key: it verifies nothing and throws from the write methods.
/// </remarks>
public readonly struct Secp256k1PublicKey : IEquatable<Secp256k1PublicKey>
{
    /// <summary>Length of the compressed encoding: 0x02 or 0x03, then X.</summary>
    public const int CompressedLength = 33;

    /// <summary>Length of the uncompressed encoding: 0x04, then X, then Y.</summary>
    public const int UncompressedLength = 65;

    private readonly AffinePoint _point;

    internal Secp256k1PublicKey(in AffinePoint point)
    {
        _point = point.Normalize();
    }

    /// <summary>The point; callers must have ruled out <c>default</c>.</summary>
    internal AffinePoint Point => _point;

    /// <summary>Whether this is the <c>default</c> value rather than a key.</summary>
    internal bool IsDefault => (_point.X.L0 | _point.X.L1 | _point.X.L2 | _point.X.L3
        | _point.Y.L0 | _point.Y.L1 | _point.Y.L2 | _point.Y.L3) == 0;

    /// <summary>Decodes a 33-byte compressed (0x02 / 0x03) or 65-byte uncompressed (0x04) key.</summary>
    /// <param name="encoded">The SEC 1 encoding.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The length, the prefix or a coordinate is wrong, or the point is not on the curve.</exception>
    public static Secp256k1PublicKey Parse(ReadOnlySpan<byte> encoded)
    {
        string? problem = TryDecode(encoded, out Secp256k1PublicKey key);
        return problem is null ? key : throw new FormatException(problem);
    }

    /// <summary>Decodes a 33-byte compressed or 65-byte uncompressed key; false when it is not a valid key.</summary>
    /// <param name="encoded">The SEC 1 encoding.</param>
    /// <param name="key">The key, or <c>default</c>.</param>
    /// <returns>Whether <paramref name="encoded"/> is a valid key.</returns>
    public static bool TryParse(ReadOnlySpan<byte> encoded, out Secp256k1PublicKey key) => TryDecode(encoded, out key) is null;

    /// <summary>Writes 0x04 || X || Y (65 bytes).</summary>
    /// <param name="destination65">At least 65 bytes.</param>
    public void WriteUncompressed(Span<byte> destination65)
    {
        EnsureKey();
        if (destination65.Length < UncompressedLength)
        {
            throw new ArgumentException("The destination must hold 65 bytes.", nameof(destination65));
        }

        destination65[0] = 0x04;
        _point.X.WriteBytes(destination65[1..33]);
        _point.Y.WriteBytes(destination65[33..65]);
    }

    /// <summary>Writes 0x02 (even Y) or 0x03 (odd Y), then X (33 bytes).</summary>
    /// <param name="destination33">At least 33 bytes.</param>
    public void WriteCompressed(Span<byte> destination33)
    {
        EnsureKey();
        if (destination33.Length < CompressedLength)
        {
            throw new ArgumentException("The destination must hold 33 bytes.", nameof(destination33));
        }

        destination33[0] = _point.Y.IsOdd ? (byte)0x03 : (byte)0x02;
        _point.X.WriteBytes(destination33[1..33]);
    }

    /// <summary>The 65-byte uncompressed encoding as a new array.</summary>
    /// <returns>0x04 || X || Y.</returns>
    public byte[] ToUncompressed()
    {
        byte[] bytes = new byte[UncompressedLength];
        WriteUncompressed(bytes);
        return bytes;
    }

    /// <summary>The 33-byte compressed encoding as a new array.</summary>
    /// <returns>0x02 / 0x03 || X.</returns>
    public byte[] ToCompressed()
    {
        byte[] bytes = new byte[CompressedLength];
        WriteCompressed(bytes);
        return bytes;
    }

    /// <summary>
    /// Checks an ECDSA signature over a 32-byte message hash. Both low-S and high-S signatures are accepted
    /// (use the overload with <c>requireLowS</c> for the strict rule). Never throws for bad signatures:
    /// r or s of zero or at least n give false. The recovery id is ignored.
    /// </summary>
    /// <param name="messageHash32">The 32-byte message hash.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>Whether the signature is valid for this key.</returns>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    public bool Verify(ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature) => Verify(messageHash32, signature, false);

    /// <summary>
    /// Checks an ECDSA signature over a 32-byte message hash, optionally rejecting high-S signatures
    /// (s &gt; (n - 1) / 2), as Ethereum does for transactions.
    /// </summary>
    /// <param name="messageHash32">The 32-byte message hash.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="requireLowS">Whether a high-S signature must be rejected.</param>
    /// <returns>Whether the signature is valid for this key.</returns>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    public bool Verify(ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature, bool requireLowS)
    {
        if (IsDefault)
        {
            if (messageHash32.Length != 32)
            {
                throw new ArgumentException(
                    $"The message hash must be 32 bytes, got {messageHash32.Length}.", nameof(messageHash32));
            }

            return false;
        }

        return EcdsaVerifier.Verify(_point, messageHash32, signature, requireLowS);
    }

    /// <inheritdoc />
    public bool Equals(Secp256k1PublicKey other) => AffinePoint.Equals(_point, other._point);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secp256k1PublicKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_point.X.L0, _point.X.L3, _point.Y.L0);

    /// <summary>Whether two keys are the same point.</summary>
    public static bool operator ==(Secp256k1PublicKey left, Secp256k1PublicKey right) => left.Equals(right);

    /// <summary>Whether two keys are different points.</summary>
    public static bool operator !=(Secp256k1PublicKey left, Secp256k1PublicKey right) => !left.Equals(right);

    /// <summary>The compressed encoding in hexadecimal.</summary>
    public override string ToString()
    {
        if (IsDefault)
        {
            return "(no key)";
        }

        Span<byte> bytes = stackalloc byte[CompressedLength];
        WriteCompressed(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Decodes <paramref name="encoded"/>; returns null on success or a description of the problem.</summary>
    private static string? TryDecode(ReadOnlySpan<byte> encoded, out Secp256k1PublicKey key)
    {
        key = default;
        if (encoded.Length == 0)
        {
            return "The public key encoding is empty.";
        }

        byte prefix = encoded[0];
        if (encoded.Length == CompressedLength)
        {
            if (prefix != 0x02 && prefix != 0x03)
            {
                return $"A 33-byte public key must start with 0x02 or 0x03, not 0x{prefix:x2}.";
            }

            if (!FieldElement.TryFromBytes(encoded[1..], out FieldElement x))
            {
                return "The public key's X coordinate is not below the field prime p.";
            }

            if (!AffinePoint.TryFromX(x, prefix == 0x03, out AffinePoint point))
            {
                return "The public key's X coordinate is not the abscissa of a curve point.";
            }

            key = new Secp256k1PublicKey(point);
            return null;
        }

        if (encoded.Length == UncompressedLength)
        {
            if (prefix != 0x04)
            {
                return $"A 65-byte public key must start with 0x04, not 0x{prefix:x2}.";
            }

            if (!FieldElement.TryFromBytes(encoded[1..33], out FieldElement x))
            {
                return "The public key's X coordinate is not below the field prime p.";
            }

            if (!FieldElement.TryFromBytes(encoded[33..], out FieldElement y))
            {
                return "The public key's Y coordinate is not below the field prime p.";
            }

            var point = new AffinePoint(x, y);
            if (!point.IsOnCurve)
            {
                return "The public key's point (X, Y) is not on the secp256k1 curve.";
            }

            key = new Secp256k1PublicKey(point);
            return null;
        }

        return $"A public key is 33 (compressed) or 65 (uncompressed) bytes, got {encoded.Length}.";
    }

    private void EnsureKey()
    {
        if (IsDefault)
        {
            throw new InvalidOperationException("This Secp256k1PublicKey is the default value, not a key.");
        }
    }
}
