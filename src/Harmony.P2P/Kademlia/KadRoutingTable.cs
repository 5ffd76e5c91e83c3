namespace Harmony.P2P.Kademlia;

/// <summary>
/// The k-bucket routing table of one node: bucket i holds peers whose key shares exactly i leading bits with the
/// node's own key. Entries are ordered least-recently-seen first; a full bucket keeps newcomers in a replacement
/// cache and evicts its oldest entry only after that entry failed to answer (ping-before-evict). Not thread-safe:
/// <see cref="KadNode"/> serializes access.
/// </summary>
public sealed class KadRoutingTable
{
    private readonly KadBucket?[] _buckets = new KadBucket?[KadKey.Bits];
    private readonly int _bucketSize;
    private readonly int _replacementCacheSize;
    private long _lastTicks;

    /// <summary>Creates an empty table.</summary>
    /// <param name="self">The owning node's key.</param>
    /// <param name="bucketSize">k.</param>
    /// <param name="replacementCacheSize">Replacement cache size per bucket.</param>
    public KadRoutingTable(KadKey self, int bucketSize = 20, int replacementCacheSize = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bucketSize);
        ArgumentOutOfRangeException.ThrowIfNegative(replacementCacheSize);
        Self = self;
        _bucketSize = bucketSize;
        _replacementCacheSize = replacementCacheSize;
    }

    /// <summary>The owning node's key.</summary>
    public KadKey Self { get; }

    /// <summary>Number of peers in the table.</summary>
    public int Count { get; private set; }

    /// <summary>Number of peers in bucket <paramref name="index"/>.</summary>
    /// <param name="index">Shared prefix length with the own key, 0–255.</param>
    /// <returns>The count.</returns>
    public int BucketCount(int index) => _buckets[index]?.Count ?? 0;

    /// <summary>Whether <paramref name="key"/> is in the table.</summary>
    /// <param name="key">A peer key.</param>
    /// <returns>Whether it is present.</returns>
    public bool Contains(KadKey key)
    {
        var bucket = BucketFor(key);
        return bucket is not null && bucket.IndexOf(key) >= 0;
    }

    /// <summary>
    /// Records that <paramref name="peer"/> (a DHT server) was just seen. A known peer moves to the most-recent end;
    /// a new one is appended if its bucket has room, and otherwise goes to the replacement cache.
    /// </summary>
    /// <param name="peer">The peer.</param>
    /// <param name="nowTicks">The current time in ticks (any monotonic scale used consistently).</param>
    /// <returns>What happened.</returns>
    public KadTableUpdate Update(KadPeer peer, long nowTicks = 0)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var cpl = Self.CommonPrefixLength(peer.Key);
        if (cpl == KadKey.Bits)
        {
            return KadTableUpdate.Ignored;
        }

        _lastTicks = Math.Max(_lastTicks, nowTicks);
        var bucket = _buckets[cpl] ??= new KadBucket(_bucketSize, _replacementCacheSize);
        var index = bucket.IndexOf(peer.Key);
        if (index >= 0)
        {
            bucket.Touch(index, nowTicks);
            return KadTableUpdate.Refreshed;
        }

        if (!bucket.IsFull)
        {
            bucket.Append(peer, nowTicks);
            Count++;
            return KadTableUpdate.Added;
        }

        bucket.AddReplacement(peer);
        return KadTableUpdate.BucketFull;
    }

    /// <summary>The least-recently-seen peer of the bucket <paramref name="key"/> falls in, if that bucket is full.</summary>
    /// <param name="key">A key in the bucket.</param>
    /// <returns>The eviction candidate, or <see langword="null"/>.</returns>
    public KadPeer? EvictionCandidate(KadKey key)
    {
        var bucket = BucketFor(key);
        return bucket is { IsFull: true } ? bucket.Oldest : null;
    }

    /// <summary>Counts a failed request to <paramref name="key"/>; after <paramref name="maxFailures"/> in a row the entry is removed and the freshest replacement takes its place.</summary>
    /// <param name="key">The peer that failed.</param>
    /// <param name="maxFailures">Failures in a row that evict.</param>
    /// <returns>Whether the peer was removed.</returns>
    public bool RecordFailure(KadKey key, int maxFailures)
    {
        var bucket = BucketFor(key);
        var index = bucket?.IndexOf(key) ?? -1;
        if (index < 0)
        {
            return false;
        }

        if (bucket!.RecordFailure(index) < maxFailures)
        {
            return false;
        }

        RemoveAt(bucket, index);
        return true;
    }

    /// <summary>Removes <paramref name="key"/>, promoting the freshest replacement of its bucket.</summary>
    /// <param name="key">The peer to drop.</param>
    /// <returns>Whether it was present.</returns>
    public bool Remove(KadKey key)
    {
        var bucket = BucketFor(key);
        var index = bucket?.IndexOf(key) ?? -1;
        if (index < 0)
        {
            return false;
        }

        RemoveAt(bucket!, index);
        return true;
    }

    /// <summary>Up to <paramref name="count"/> peers closest to <paramref name="target"/>, closest first.</summary>
    /// <param name="target">The key.</param>
    /// <param name="count">How many.</param>
    /// <returns>A new list.</returns>
    public List<KadPeer> GetClosest(KadKey target, int count)
    {
        var result = new List<KadPeer>(Math.Min(count, Count));
        if (count <= 0 || Count == 0)
        {
            return result;
        }

        // Peers in bucket i = cpl(self, target) share i+1 bits with the target and are closest; the buckets above i
        // all differ from the target first at bit i; buckets below i are farther the lower they are.
        var cpl = Self.CommonPrefixLength(target);
        if (cpl < KadKey.Bits)
        {
            AddBucket(result, cpl);
        }

        if (result.Count < count)
        {
            for (var i = cpl + 1; i < KadKey.Bits; i++)
            {
                AddBucket(result, i);
            }
        }

        for (var i = Math.Min(cpl, KadKey.Bits) - 1; i >= 0 && result.Count < count; i--)
        {
            AddBucket(result, i);
        }

        result.Sort((a, b) => target.CompareDistance(a.Key, b.Key));
        if (result.Count > count)
        {
            result.RemoveRange(count, result.Count - count);
        }

        return result;
    }

    /// <summary>Every peer in the table, bucket by bucket.</summary>
    /// <returns>A new list.</returns>
    public List<KadPeer> ToList()
    {
        var result = new List<KadPeer>(Count);
        for (var i = 0; i < KadKey.Bits; i++)
        {
            AddBucket(result, i);
        }

        return result;
    }

    internal KadBucket? Bucket(int index) => _buckets[index];

    internal KadBucket? BucketFor(KadKey key)
    {
        var cpl = Self.CommonPrefixLength(key);
        return cpl == KadKey.Bits ? null : _buckets[cpl];
    }

    private void AddBucket(List<KadPeer> result, int index)
    {
        var bucket = _buckets[index];
        if (bucket is null)
        {
            return;
        }

        for (var j = 0; j < bucket.Count; j++)
        {
            result.Add(bucket.PeerAt(j));
        }
    }

    private void RemoveAt(KadBucket bucket, int index)
    {
        bucket.RemoveAt(index);
        Count--;
        bucket.Probing = false;
        var replacement = bucket.TakeReplacement();
        if (replacement is not null)
        {
            bucket.Append(replacement, _lastTicks);
            Count++;
        }
    }
}
