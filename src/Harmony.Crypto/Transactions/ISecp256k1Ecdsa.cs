using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Transactions;

/// <summary>
/// The ECDSA operations transactions need. The SDK's managed implementation is <see cref="ManagedSecp256k1Ecdsa"/>;
/// register another (for example one over a native library) in DI to replace it.
/// </summary>
public interface ISecp256k1Ecdsa
{
    /// <summary>Signs a 32-byte hash with RFC 6979 nonces and low <c>s</c>, returning the recovery id too.</summary>
    /// <param name="key">The private key.</param>
    /// <param name="messageHash32">The 32-byte hash to sign.</param>
    /// <returns>The signature.</returns>
    EcdsaSignature Sign(Secp256k1PrivateKey key, ReadOnlySpan<byte> messageHash32);

    /// <summary>Recovers the public key that made <paramref name="signature"/> over <paramref name="messageHash32"/>.</summary>
    /// <param name="messageHash32">The 32-byte signed hash.</param>
    /// <param name="signature">The signature with its recovery id.</param>
    /// <param name="publicKey">The signer's public key, when recovery succeeds.</param>
    /// <returns>Whether a public key could be recovered.</returns>
    bool TryRecover(ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature, out Secp256k1PublicKey publicKey);
}
