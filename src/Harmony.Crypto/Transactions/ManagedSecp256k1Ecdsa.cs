using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Transactions;

/// <summary>The SDK's own secp256k1 ECDSA (constant-time signing, variable-time recovery of public data).</summary>
public sealed class ManagedSecp256k1Ecdsa : ISecp256k1Ecdsa
{
    /// <summary>The shared instance.</summary>
    public static ManagedSecp256k1Ecdsa Instance { get; } = new();

    /// <inheritdoc />
    public EcdsaSignature Sign(Secp256k1PrivateKey key, ReadOnlySpan<byte> messageHash32)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(messageHash32);
    }

    /// <inheritdoc />
    public bool TryRecover(ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature, out Secp256k1PublicKey publicKey) =>
        Secp256k1Ecdsa.TryRecover(messageHash32, signature, out publicKey);
}
