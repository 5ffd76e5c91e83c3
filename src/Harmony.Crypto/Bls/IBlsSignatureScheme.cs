using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// A BLS signature suite with public keys in G1 and signatures in G2: key derivation, byte formats, signing,
/// verification (single, aggregate, batch) and proof of possession. Suites differ in serialization, generator and
/// hash to G2; the key, signature and aggregation types are shared. Registered in DI, so a native backend can
/// replace the managed implementation.
/// </summary>
public interface IBlsSignatureScheme
{
    /// <summary>Which suite this is.</summary>
    BlsSuite Suite { get; }

    /// <summary>Size of an encoded public key in bytes.</summary>
    int PublicKeySize { get; }

    /// <summary>Size of an encoded signature in bytes.</summary>
    int SignatureSize { get; }

    /// <summary>SkToPk: the public key of a secret key (constant-time).</summary>
    BlsPublicKey GetPublicKey(BlsSecretKey secretKey);

    /// <summary>Decodes and validates a public key (KeyValidate: on the curve, in the subgroup, not infinity).</summary>
    bool TryDecodePublicKey(ReadOnlySpan<byte> encoded, out BlsPublicKey publicKey, out PointDecodeError reason);

    /// <summary>Decodes a signature and checks it is in the subgroup (infinity is accepted: aggregates may be it).</summary>
    bool TryDecodeSignature(ReadOnlySpan<byte> encoded, out BlsSignature signature, out PointDecodeError reason);

    /// <summary>
    /// Decodes a signature that will be added into an aggregate, checking the format and the curve but not the
    /// subgroup: the subgroup check (about a tenth of a verification) is then paid once, on the aggregate, when it is
    /// verified, instead of once per vote. The result is marked <see cref="BlsSignature.IsSubgroupChecked"/> = false,
    /// and every verification method of the scheme checks such a signature's subgroup before pairing, so it is never
    /// accepted unchecked. Schemes without a cheaper path fall back to <see cref="TryDecodeSignature"/>.
    /// </summary>
    bool TryDecodeSignatureForAggregation(ReadOnlySpan<byte> encoded, out BlsSignature signature, out PointDecodeError reason) =>
        TryDecodeSignature(encoded, out signature, out reason);

    /// <summary>Writes the suite's encoding of a public key.</summary>
    void EncodePublicKey(in BlsPublicKey publicKey, Span<byte> destination);

    /// <summary>Writes the suite's encoding of a signature.</summary>
    void EncodeSignature(in BlsSignature signature, Span<byte> destination);

    /// <summary>
    /// Reads a secret key in the suite's encoding (32 bytes: big-endian for the IETF suite, little-endian for the
    /// Harmony suite). False for a wrong length, zero, or a value not below the group order.
    /// </summary>
    bool TryDecodeSecretKey(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out BlsSecretKey? secretKey);

    /// <summary>Writes a secret key in the suite's encoding (32 bytes); the caller should clear the buffer after use.</summary>
    void EncodeSecretKey(BlsSecretKey secretKey, Span<byte> destination);

    /// <summary>
    /// Signs a message (constant-time in the key). Throws <see cref="ArgumentException"/> for a message the suite
    /// cannot sign (the Harmony suite cannot sign an empty message or one whose first 48 bytes are zero); use
    /// <see cref="TrySign"/> to branch instead.
    /// </summary>
    BlsSignature Sign(BlsSecretKey secretKey, ReadOnlySpan<byte> message);

    /// <summary>Signs a message (constant-time in the key); false when the suite cannot sign it.</summary>
    bool TrySign(BlsSecretKey secretKey, ReadOnlySpan<byte> message, out BlsSignature signature);

    /// <summary>Verifies one signature: one two-pair Miller loop and one final exponentiation.</summary>
    bool Verify(in BlsPublicKey publicKey, ReadOnlySpan<byte> message, in BlsSignature signature);

    /// <summary>
    /// Verifies an aggregate signature of one message by many keys. Sound against rogue keys only when every key's
    /// proof of possession has been checked (see <see cref="VerifyPossession"/>).
    /// </summary>
    bool FastAggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<byte> message, in BlsSignature signature);

    /// <summary>Verifies an aggregate signature of message i by key i, with one multi-Miller loop of n + 1 pairs.</summary>
    bool AggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<ReadOnlyMemory<byte>> messages, in BlsSignature signature);

    /// <summary>
    /// Verifies many independent (key, message, signature) sets at once with random 64-bit coefficients; on failure
    /// names the sets that fail on their own. An empty batch is invalid.
    /// </summary>
    BatchVerificationResult VerifyBatch(ReadOnlySpan<BlsSignatureSet> sets);

    /// <summary>Proves possession of the secret key (a signature of the public key under the suite's PoP rule).</summary>
    BlsSignature ProvePossession(BlsSecretKey secretKey);

    /// <summary>Checks a proof of possession.</summary>
    bool VerifyPossession(in BlsPublicKey publicKey, in BlsSignature proof);
}
