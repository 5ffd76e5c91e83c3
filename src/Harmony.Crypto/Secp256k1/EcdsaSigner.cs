using System.Security.Cryptography;

namespace Harmony.Crypto.Secp256k1;

/// <summary>ECDSA signing over secp256k1 with RFC 6979 nonces.</summary>
internal static class EcdsaSigner
{
    /// <summary>
    /// Signs a 32-byte message hash with private scalar <paramref name="secret"/> (in [1, n)), returning a
    /// low-S signature with its recovery id.
    /// </summary>
    /// <remarks>
    /// Constant-time in the private key and the nonce: the nonce point comes from
    /// <see cref="GeneratorMultiplier"/>, the nonce inverse from Fermat's little theorem and the scalar
    /// arithmetic is branch-free. Branches happen only on values that the signature itself reveals
    /// (r, s and the recovery id) and on the rejection of out-of-range nonce candidates (probability
    /// below 2^-127).
    /// </remarks>
    internal static EcdsaSignature Sign(in Scalar secret, ReadOnlySpan<byte> messageHash32)
    {
        if (messageHash32.Length != 32)
        {
            throw new ArgumentException(
                $"The message hash must be 32 bytes, got {messageHash32.Length}.", nameof(messageHash32));
        }

        Scalar z = Scalar.FromBytes(messageHash32, out _);
        Span<byte> buffer = stackalloc byte[96];
        Span<byte> secretBytes = buffer[..32];
        Span<byte> hashBytes = buffer[32..64];
        Span<byte> candidate = buffer[64..];
        secret.WriteBytes(secretBytes);
        z.WriteBytes(hashBytes);
        var nonces = new Rfc6979Nonce(secretBytes, hashBytes);
        try
        {
            while (true)
            {
                nonces.Next(candidate);
                Scalar k = Scalar.FromBytes(candidate, out bool overflow);
                if (overflow || k.IsZero)
                {
                    continue;
                }

                AffinePoint point = GeneratorMultiplier.Multiply(k);
                point.X.WriteBytes(candidate);
                Scalar r = Scalar.FromBytes(candidate, out bool xOverflow);
                if (r.IsZero)
                {
                    continue;
                }

                // s = k^-1 (z + r d).
                Scalar s = Scalar.Multiply(Scalar.Invert(k), Scalar.Add(z, Scalar.Multiply(r, secret)));
                if (s.IsZero)
                {
                    continue;
                }

                int recoveryId = (point.Y.IsOdd ? 1 : 0) | (xOverflow ? 2 : 0);
                if (s.IsHigh)
                {
                    s = Scalar.Negate(s);
                    recoveryId ^= 1;
                }

                return new EcdsaSignature(r, s, recoveryId);
            }
        }
        finally
        {
            nonces.Clear();
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
