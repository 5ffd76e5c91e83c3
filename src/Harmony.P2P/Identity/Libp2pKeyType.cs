namespace Harmony.P2P.Identity;

/// <summary>The key types of the libp2p key protobuf (<c>KeyType</c> enum of <c>crypto.proto</c>).</summary>
public enum Libp2pKeyType
{
    /// <summary>RSA (recognised on the wire, not supported for signing or verifying here).</summary>
    Rsa = 0,

    /// <summary>Ed25519 (RFC 8032).</summary>
    Ed25519 = 1,

    /// <summary>secp256k1 ECDSA over SHA-256, compressed 33-byte public keys, DER signatures.</summary>
    Secp256k1 = 2,

    /// <summary>ECDSA on NIST curves (recognised on the wire, not supported for signing or verifying here).</summary>
    Ecdsa = 3,
}
