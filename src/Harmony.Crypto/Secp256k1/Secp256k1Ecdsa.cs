namespace Harmony.Crypto.Secp256k1;

/// <summary>Static ECDSA operations over secp256k1 that need no key object.</summary>
public static class Secp256k1Ecdsa
{
    /// <summary>
    /// Recovers the public key that produced <paramref name="signature"/> on a 32-byte message hash, using the
    /// signature's recovery id. Variable-time (all inputs are public).
    /// </summary>
    /// <param name="messageHash32">The 32-byte message hash.</param>
    /// <param name="signature">The signature with its recovery id.</param>
    /// <param name="publicKey">The recovered key, or <c>default</c>.</param>
    /// <returns>
    /// False when r or s is zero or not below n, when the recovery id names an x-coordinate that does not
    /// exist (r + n not below p, or not on the curve), or when the recovered point is infinity.
    /// </returns>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    public static bool TryRecover(ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature, out Secp256k1PublicKey publicKey)
    {
        if (EcdsaVerifier.TryRecover(messageHash32, signature, out AffinePoint point))
        {
            publicKey = new Secp256k1PublicKey(point);
            return true;
        }

        publicKey = default;
        return false;
    }
}
