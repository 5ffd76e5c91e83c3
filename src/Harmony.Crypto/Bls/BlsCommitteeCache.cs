using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Harmony.Crypto.Bls;

/// <summary>
/// Keeps the most recently used committees, keyed by the suite and the SHA-256 of their encoded keys in order, so a
/// committee's keys are decoded and subgroup-checked once rather than once per block. Thread-safe.
/// </summary>
public sealed class BlsCommitteeCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CacheKey, LinkedListNode<(CacheKey Key, BlsCommittee Committee)>> _entries = [];
    private readonly LinkedList<(CacheKey Key, BlsCommittee Committee)> _recency = new();

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> committees.</summary>
    /// <param name="capacity">The number of committees kept (for example shards × 2 to span an epoch change).</param>
    public BlsCommitteeCache(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The number of committees kept.</summary>
    public int Capacity { get; }

    /// <summary>The number of committees held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Returns the cached committee for these keys, or decodes, validates and caches it. A committee with an invalid
    /// key is not cached.
    /// </summary>
    /// <param name="scheme">The suite whose encoding the keys use.</param>
    /// <param name="encodedKeys">The encoded keys in committee order.</param>
    /// <param name="committee">The committee, or <see langword="null"/>.</param>
    /// <param name="error">Which key failed and why, or <see langword="null"/>.</param>
    /// <returns>Whether every key is valid.</returns>
    public bool TryGetOrCreate(IBlsSignatureScheme scheme, IReadOnlyList<ReadOnlyMemory<byte>> encodedKeys, [NotNullWhen(true)] out BlsCommittee? committee, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(encodedKeys);
        var key = new CacheKey(scheme.Suite, Fingerprint(encodedKeys));
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                committee = node.Value.Committee;
                error = null;
                return true;
            }
        }

        if (!BlsCommittee.TryCreate(scheme, encodedKeys, out committee, out error))
        {
            return false;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var raced))
            {
                committee = raced.Value.Committee;
                return true;
            }

            _entries[key] = _recency.AddFirst((key, committee));
            if (_entries.Count > Capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }

        return true;
    }

    private static UInt128Pair Fingerprint(IReadOnlyList<ReadOnlyMemory<byte>> encodedKeys)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var encoded in encodedKeys)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, encoded.Length);
            hash.AppendData(length);
            hash.AppendData(encoded.Span);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return new UInt128Pair(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest[16..]));
    }

    private readonly record struct UInt128Pair(UInt128 Low, UInt128 High);

    private readonly record struct CacheKey(BlsSuite Suite, UInt128Pair Digest);
}
