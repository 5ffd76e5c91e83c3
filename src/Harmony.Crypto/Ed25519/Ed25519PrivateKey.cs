using System.Security.Cryptography;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// An Ed25519 private key (RFC 8032 "pure" Ed25519): a 32-byte seed, expanded once into the clamped secret scalar,
/// the nonce prefix and the public key. Signing is deterministic, constant-time in the secret, and allocates
/// nothing with <see cref="Sign(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
/// <remarks>
/// The seed and its expansion live in one pinned array (no copies left behind by the garbage collector) that
/// <see cref="Dispose"/> zeroes; any use after that throws <see cref="ObjectDisposedException"/>.
/// <see cref="ToString"/> never reveals the secret. Signing from several threads at once is safe.
/// </remarks>
public sealed class Ed25519PrivateKey : IDisposable
{
    /// <summary>Length of a seed (the RFC 8032 private key).</summary>
    public const int SeedLength = 32;

    /// <summary>Length of a signature.</summary>
    public const int SignatureLength = Ed25519Core.SignatureLength;

    // seed ‖ clamped scalar a ‖ prefix.
    private const int ScalarOffset = SeedLength;
    private const int PrefixOffset = ScalarOffset + 32;
    private readonly byte[] _secret;
    private bool _disposed;

    private Ed25519PrivateKey(ReadOnlySpan<byte> seed)
    {
        _secret = GC.AllocateArray<byte>(PrefixOffset + 32, pinned: true);
        seed.CopyTo(_secret);
        Span<byte> publicKey = stackalloc byte[Ed25519PublicKey.Length];
        Ed25519Core.ExpandSeed(seed, _secret.AsSpan(ScalarOffset, 32), _secret.AsSpan(PrefixOffset, 32), publicKey);
        PublicKey = Ed25519PublicKey.FromTrustedEncoding(publicKey);
    }

    /// <summary>The public key A = [a]B, derived when the key was created.</summary>
    public Ed25519PublicKey PublicKey { get; }

    /// <summary>Creates a key from its 32-byte seed.</summary>
    /// <param name="seed">The seed; copied.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static Ed25519PrivateKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedLength} bytes, got {seed.Length}.", nameof(seed));
        }

        return new Ed25519PrivateKey(seed);
    }

    /// <summary>Generates a key from the system's cryptographic random source.</summary>
    /// <returns>The key.</returns>
    public static Ed25519PrivateKey Generate()
    {
        Span<byte> seed = stackalloc byte[SeedLength];
        RandomNumberGenerator.Fill(seed);
        Ed25519PrivateKey key = new(seed);
        CryptographicOperations.ZeroMemory(seed);
        return key;
    }

    /// <summary>Generates a key from the given random source (a seeded one makes tests reproducible).</summary>
    /// <param name="random">The random source.</param>
    /// <returns>The key.</returns>
    public static Ed25519PrivateKey Generate(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> seed = stackalloc byte[SeedLength];
        random.GetBytes(seed);
        Ed25519PrivateKey key = new(seed);
        CryptographicOperations.ZeroMemory(seed);
        return key;
    }

    /// <summary>Signs a message into a 64-byte destination, allocating nothing (constant-time in the secret).</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">At least 64 bytes, not overlapping the message.</param>
    /// <exception cref="ArgumentException">The destination is too short or overlaps the message.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public void Sign(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.Length < SignatureLength)
        {
            throw new ArgumentException($"An Ed25519 signature needs {SignatureLength} bytes, got {destination.Length}.", nameof(destination));
        }

        if (message.Overlaps(destination))
        {
            throw new ArgumentException("The signature destination overlaps the message.", nameof(destination));
        }

        Ed25519Core.Sign(_secret.AsSpan(ScalarOffset, 32), _secret.AsSpan(PrefixOffset, 32), PublicKey.Encoded, message, destination);
    }

    /// <summary>Signs a message (constant-time in the secret).</summary>
    /// <param name="message">The message.</param>
    /// <returns>The 64-byte signature.</returns>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[SignatureLength];
        Sign(message, signature);
        return signature;
    }

    /// <summary>Copies the 32-byte seed (secret) into a destination.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public void WriteSeed(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _secret.AsSpan(0, SeedLength).CopyTo(destination);
    }

    /// <summary>Zeroes the seed and its expansion.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_secret);
    }

    /// <summary>Names the public key; never the secret.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"Ed25519 private key of {PublicKey}";
}
