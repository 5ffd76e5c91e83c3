using System.Security.Cryptography;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// One reusable incremental SHA-512 per thread, so that hashing prefix ‖ message and R ‖ A ‖ message needs neither
/// a concatenation buffer nor a new hash object per signature.
/// </summary>
internal static class Sha512Hasher
{
    /// <summary>Length of a SHA-512 digest.</summary>
    internal const int DigestLength = 64;

    [ThreadStatic]
    private static IncrementalHash? _hash;

    /// <summary>SHA-512(first ‖ second ‖ third) into a 64-byte destination.</summary>
    internal static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> destination)
    {
        IncrementalHash hash = _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        hash.AppendData(first);
        hash.AppendData(second);
        hash.AppendData(third);
        hash.GetHashAndReset(destination);
    }
}
