using Harmony.Crypto.Bls12381;
using Harmony.Crypto.Hashing;

namespace Harmony.Crypto.Bls;

/// <summary>
/// The BLS suite Harmony's validators use (herumi mcl/bls of 2019 built with <c>BLS_SWAP_G</c>; spec/harmony.md §3),
/// byte-compatible with mainnet:
/// <list type="bullet">
/// <item>public keys are 48-byte and signatures 96-byte mcl encodings: x little-endian, bit 7 of the last byte set for
/// an odd y, all-zero bytes for the identity; every decoded point is subgroup-checked;</item>
/// <item>the G1 generator is mcl's <c>mapToG1(1)</c>, not the IETF generator;</item>
/// <item>signing is mcl's <c>SignHash</c>: the message is <em>not</em> hashed — its first 48 bytes (the rest is
/// ignored) are read as a little-endian integer, masked to 381 bits (380 when still ≥ p), mapped to the twist by the
/// Fouque–Tibouchi map and cofactor-cleared. An empty message or one whose first 48 bytes are zero cannot be signed,
/// so callers sign hashes or the fixed-layout payloads of the protocol;</item>
/// <item>secret keys are 32 bytes little-endian;</item>
/// <item>the proof of possession is <c>SignHash(Keccak256("harmony-one"))</c>, the same message for every key, as
/// Harmony's staking transactions check it.</item>
/// </list>
/// Verification, aggregation and batch verification are the shared algorithms of <see cref="BlsSignatureScheme"/>.
/// </summary>
public sealed class HarmonyBlsScheme : BlsSignatureScheme
{
    private static readonly byte[] PossessionMessageBytes = Keccak256.HashData("harmony-one"u8);

    private static readonly G2Jacobian PossessionHash = ComputePossessionHash();

    private HarmonyBlsScheme()
    {
    }

    /// <summary>A shared instance (the scheme is stateless and thread-safe).</summary>
    public static HarmonyBlsScheme Instance { get; } = new();

    /// <summary>The message every proof of possession signs: Keccak-256 of the ASCII bytes <c>harmony-one</c>.</summary>
    public static ReadOnlySpan<byte> PossessionMessage => PossessionMessageBytes;

    /// <summary>How many leading message bytes signing reads; later bytes do not change the signature.</summary>
    public static int SignedMessagePrefixLength => MclMapToCurve.MessageBytesRead;

    /// <inheritdoc />
    public override BlsSuite Suite => BlsSuite.Harmony;

    /// <inheritdoc />
    public override int PublicKeySize => MclPointEncoding.G1Size;

    /// <inheritdoc />
    public override int SignatureSize => MclPointEncoding.G2Size;

    /// <summary>mcl's G1 generator <c>mapToG1(1)</c> (the public key of the secret key 1).</summary>
    public static G1Point GeneratorPoint => new(MclMapToCurve.Generator);

    internal override G1Affine Generator => MclMapToCurve.Generator;

    internal override bool SecretKeyIsLittleEndian => true;

    /// <summary>Whether a message can be signed: it is not empty and its first 48 bytes are not all zero.</summary>
    /// <param name="message">The message.</param>
    /// <returns>False for the messages mcl's <c>SignHash</c> refuses.</returns>
    public static bool CanSign(ReadOnlySpan<byte> message) => MclMapToCurve.TryMessageToField(message, out _);

    /// <summary>H(m): the G2 point a message is signed as (for tests and diagnostics).</summary>
    /// <param name="message">The message.</param>
    /// <param name="point">The point, or the identity.</param>
    /// <returns>False for a message that cannot be signed.</returns>
    public static bool TryHashToPoint(ReadOnlySpan<byte> message, out G2Point point)
    {
        bool ok = MclMapToCurve.TryHashToG2(message, out var hash);
        point = ok ? new G2Point(hash.ToAffine()) : default;
        return ok;
    }

    internal override bool TryHashToG2(ReadOnlySpan<byte> message, out G2Jacobian hash) => MclMapToCurve.TryHashToG2(message, out hash);

    internal override G2Jacobian PossessionPoint(in BlsPublicKey publicKey) => PossessionHash;

    internal override PointDecodeError DecodeG1(ReadOnlySpan<byte> encoded, out G1Affine point) => MclPointEncoding.DecodeG1(encoded, out point);

    internal override PointDecodeError DecodeG2(ReadOnlySpan<byte> encoded, out G2Affine point) => MclPointEncoding.DecodeG2(encoded, out point);

    /// <inheritdoc />
    public override void EncodePublicKey(in BlsPublicKey publicKey, Span<byte> destination) =>
        MclPointEncoding.EncodeG1(publicKey.Point.Affine, CheckedDestination(destination, MclPointEncoding.G1Size));

    /// <inheritdoc />
    public override void EncodeSignature(in BlsSignature signature, Span<byte> destination) =>
        MclPointEncoding.EncodeG2(signature.Point.Affine, CheckedDestination(destination, MclPointEncoding.G2Size));

    private static Span<byte> CheckedDestination(Span<byte> destination, int size) =>
        destination.Length >= size
            ? destination
            : throw new ArgumentException($"The destination needs {size} bytes, not {destination.Length}.", nameof(destination));

    private static G2Jacobian ComputePossessionHash()
    {
        MclMapToCurve.TryHashToG2(PossessionMessageBytes, out var hash);
        return hash;
    }
}
