using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>: the IETF proof-of-possession suite that Ethereum's consensus
/// layer uses. Public keys are 48-byte compressed G1 points, signatures 96-byte compressed G2 points (ZCash format;
/// the uncompressed forms are accepted too), messages are hashed with RFC 9380 and proofs of possession use the
/// separate tag <c>BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>.
/// </summary>
public sealed class IetfBlsScheme : BlsSignatureScheme
{
    /// <summary>The domain separation tag of signatures.</summary>
    public static ReadOnlySpan<byte> SignatureDst => "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;

    /// <summary>The domain separation tag of proofs of possession.</summary>
    public static ReadOnlySpan<byte> PossessionDst => "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"u8;

    /// <summary>A shared instance (the scheme is stateless and thread-safe).</summary>
    public static IetfBlsScheme Instance { get; } = new();

    /// <inheritdoc />
    public override BlsSuite Suite => BlsSuite.Ietf;

    /// <inheritdoc />
    public override int PublicKeySize => G1Point.CompressedSize;

    /// <inheritdoc />
    public override int SignatureSize => G2Point.CompressedSize;

    internal override G1Affine Generator => G1.Generator;

    internal override bool SecretKeyIsLittleEndian => false;

    internal override bool TryHashToG2(ReadOnlySpan<byte> message, out G2Jacobian hash)
    {
        hash = HashToCurve.HashToG2(message, SignatureDst);
        return true;
    }

    internal override G2Jacobian PossessionPoint(in BlsPublicKey publicKey)
    {
        Span<byte> encoded = stackalloc byte[G1Point.CompressedSize];
        publicKey.Point.WriteCompressed(encoded);
        return HashToCurve.HashToG2(encoded, PossessionDst);
    }

    internal override PointDecodeError DecodeG1(ReadOnlySpan<byte> encoded, out G1Affine point) =>
        PointEncoding.TryDecodeG1(encoded, checkSubgroup: false, out point);

    internal override PointDecodeError DecodeG2(ReadOnlySpan<byte> encoded, out G2Affine point) =>
        PointEncoding.TryDecodeG2(encoded, checkSubgroup: false, out point);

    /// <inheritdoc />
    public override void EncodePublicKey(in BlsPublicKey publicKey, Span<byte> destination) =>
        publicKey.Point.WriteCompressed(destination);

    /// <inheritdoc />
    public override void EncodeSignature(in BlsSignature signature, Span<byte> destination) =>
        signature.Point.WriteCompressed(destination);
}
