using System.Buffers;
using System.Buffers.Binary;
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
        // SHA-256 over (LE32 length ‖ key) for every key, in a pooled buffer so a warm lookup allocates nothing.
        int total = 0;
        for (int i = 0; i < encodedKeys.Count; i++)
        {
            total += 4 + encodedKeys[i].Length;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            int offset = 0;
            for (int i = 0; i < encodedKeys.Count; i++)
            {
                var key = encodedKeys[i].Span;
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(offset), key.Length);
                key.CopyTo(buffer.AsSpan(offset + 4));
                offset += 4 + key.Length;
            }

            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, total), digest);
            return new UInt128Pair(BinaryPrimitives.ReadUInt128LittleEndian(digest), BinaryPrimitives.ReadUInt128LittleEndian(digest[16..]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private readonly record struct UInt128Pair(UInt128 Low, UInt128 High);

    private readonly record struct CacheKey(BlsSuite Suite, UInt128Pair Digest);
}
