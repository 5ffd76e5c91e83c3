namespace Harmony.P2P.PubSub;

/// <summary>
/// Checks a signature by a libp2p public key given in its protobuf encoding (Ed25519, secp256k1, RSA, ECDSA as the
/// implementation supports). Implemented by the host's identity layer; the router checks separately that the key
/// belongs to the message's author.
/// </summary>
public interface IPubSubSignatureVerifier
{
    /// <summary>Verifies a signature.</summary>
    /// <param name="encodedPublicKey">The protobuf-encoded public key (untrusted).</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature (untrusted).</param>
    /// <returns>Whether the key type is supported, the key is well formed and the signature is valid; never throws.</returns>
    bool Verify(ReadOnlySpan<byte> encodedPublicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);
}
