using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// A secp256k1 private key: a scalar d with 1 &lt;= d &lt; n. Signing and public-key derivation are
/// constant-time in d.
/// </summary>
/// <remarks>
/// The secret lives in a pinned array (so the garbage collector never leaves copies behind) and is zeroed
/// by <see cref="Dispose"/>; any use after that throws <see cref="ObjectDisposedException"/>.
/// <see cref="ToString"/> never reveals the secret. Instances are safe to use from several threads at once
/// (but not while being disposed).
/// </remarks>
public sealed class Secp256k1PrivateKey : IDisposable
{
    /// <summary>Length of the secret in bytes.</summary>
    public const int SecretLength = 32;

    private readonly ulong[] _secret;
    private StrongBox<Secp256k1PublicKey>? _publicKey;
    private bool _disposed;

    private Secp256k1PrivateKey(in Scalar secret)
    {
        _secret = GC.AllocateArray<ulong>(4, pinned: true);
        _secret[0] = secret.L0;
        _secret[1] = secret.L1;
        _secret[2] = secret.L2;
        _secret[3] = secret.L3;
    }

    /// <summary>
    /// The public key d * G, computed (in constant time) on first use and cached.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public Secp256k1PublicKey PublicKey
    {
        get
        {
            StrongBox<Secp256k1PublicKey>? cached = Volatile.Read(ref _publicKey);
            if (cached is not null)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return cached.Value;
            }

            var computed = new StrongBox<Secp256k1PublicKey>(new Secp256k1PublicKey(GeneratorMultiplier.Multiply(Secret())));
            Volatile.Write(ref _publicKey, computed);
            return computed.Value;
        }
    }

    /// <summary>Creates a key from a 32-byte big-endian secret.</summary>
    /// <param name="secret32">The secret scalar, 32 big-endian bytes, in [1, n).</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The input is not 32 bytes, is zero, or is not below the group order n.</exception>
    public static Secp256k1PrivateKey FromBytes(ReadOnlySpan<byte> secret32)
    {
        if (secret32.Length != SecretLength)
        {
            throw new ArgumentException($"A private key is 32 bytes, got {secret32.Length}.", nameof(secret32));
        }

        Scalar secret = Scalar.FromBytes(secret32, out bool overflow);
        if (overflow)
        {
            throw new ArgumentException("The private key is not below the secp256k1 group order n.", nameof(secret32));
        }

        if (secret.IsZero)
        {
            throw new ArgumentException("The private key is zero.", nameof(secret32));
        }

        return new Secp256k1PrivateKey(secret);
    }

    /// <summary>Creates a key from a 32-byte big-endian secret; false when it is not in [1, n) or not 32 bytes.</summary>
    /// <param name="secret32">The secret scalar, 32 big-endian bytes.</param>
    /// <param name="key">The key, or null.</param>
    /// <returns>Whether the secret is a valid private key.</returns>
    public static bool TryFromBytes(ReadOnlySpan<byte> secret32, [NotNullWhen(true)] out Secp256k1PrivateKey? key)
    {
        key = null;
        if (secret32.Length != SecretLength)
        {
            return false;
        }

        Scalar secret = Scalar.FromBytes(secret32, out bool overflow);
        if (overflow || secret.IsZero)
        {
            return false;
        }

        key = new Secp256k1PrivateKey(secret);
        return true;
    }

    /// <summary>Generates a new key from the system's cryptographic random number generator.</summary>
    /// <returns>A fresh key.</returns>
    public static Secp256k1PrivateKey Generate()
    {
        Span<byte> candidate = stackalloc byte[SecretLength];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(candidate);
                if (TryFromBytes(candidate, out Secp256k1PrivateKey? key))
                {
                    return key;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(candidate);
        }
    }

    /// <summary>
    /// Generates a new key from <paramref name="random"/> (for reproducible tests, or a hardware generator):
    /// 32-byte candidates are drawn until one is in [1, n).
    /// </summary>
    /// <param name="random">A cryptographically strong generator in production.</param>
    /// <returns>A fresh key.</returns>
    public static Secp256k1PrivateKey Generate(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> candidate = stackalloc byte[SecretLength];
        try
        {
            while (true)
            {
                random.GetBytes(candidate);
                if (TryFromBytes(candidate, out Secp256k1PrivateKey? key))
                {
                    return key;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(candidate);
        }
    }

    /// <summary>
    /// Signs a 32-byte message hash: deterministic RFC 6979 nonce (HMAC-SHA256), low-S form, with the
    /// recovery id. Constant-time in the private key and the nonce.
    /// </summary>
    /// <param name="messageHash32">The 32-byte message hash (for Ethereum-style transactions, Keccak-256 of the payload).</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentException">The hash is not 32 bytes long.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public EcdsaSignature Sign(ReadOnlySpan<byte> messageHash32) => EcdsaSigner.Sign(Secret(), messageHash32);

    /// <summary>Exports the secret as 32 big-endian bytes.</summary>
    /// <param name="destination32">At least 32 bytes.</param>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public void WriteSecret(Span<byte> destination32)
    {
        if (destination32.Length < SecretLength)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination32));
        }

        Secret().WriteBytes(destination32);
    }

    /// <summary>Zeroes the secret. Later uses of the key throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_secret.AsSpan()));
    }

    /// <summary>A description that never includes the secret.</summary>
    /// <returns>The type name and whether the key is disposed.</returns>
    public override string ToString() => _disposed ? "Secp256k1PrivateKey (disposed)" : "Secp256k1PrivateKey (secret hidden)";

    private Scalar Secret()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Scalar.FromCanonicalLimbs(_secret[0], _secret[1], _secret[2], _secret[3]);
    }
}
