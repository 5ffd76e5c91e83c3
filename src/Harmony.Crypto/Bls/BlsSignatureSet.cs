namespace Harmony.Crypto.Bls;

/// <summary>One (public key, message, signature) triple for batch verification.</summary>
/// <param name="PublicKey">The signer's validated key.</param>
/// <param name="Message">The signed message.</param>
/// <param name="Signature">The signature to check.</param>
public readonly record struct BlsSignatureSet(BlsPublicKey PublicKey, ReadOnlyMemory<byte> Message, BlsSignature Signature);
