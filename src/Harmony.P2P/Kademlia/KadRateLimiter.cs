namespace Harmony.P2P.Kademlia;

/// <summary>
/// Per-peer token buckets for inbound requests. Tracks at most a fixed number of peers: idle buckets (which would be
/// full again) are swept first, then the least recently active peer is forgotten.
/// </summary>
internal sealed class KadRateLimiter
{
    private readonly Dictionary<KadKey, Bucket> _buckets = [];
    private readonly double _ratePerTick;
    private readonly double _burst;
    private readonly int _maxPeers;

    public KadRateLimiter(double perSecond, int burst, int maxPeers)
    {
        _ratePerTick = perSecond / TimeSpan.TicksPerSecond;
        _burst = burst;
        _maxPeers = maxPeers;
    }

    public int TrackedPeers => _buckets.Count;

    /// <summary>Takes one token for <paramref name="peer"/>; false when it is over its rate.</summary>
    public bool TryAcquire(KadKey peer, long nowTicks)
    {
        if (_buckets.TryGetValue(peer, out var bucket))
        {
            var tokens = Math.Min(_burst, bucket.Tokens + ((nowTicks - bucket.LastTicks) * _ratePerTick));
            if (tokens < 1)
            {
                _buckets[peer] = new Bucket(tokens, nowTicks);
                return false;
            }

            _buckets[peer] = new Bucket(tokens - 1, nowTicks);
            return true;
        }

        if (_buckets.Count >= _maxPeers)
        {
            MakeRoom(nowTicks);
        }

        _buckets[peer] = new Bucket(_burst - 1, nowTicks);
        return true;
    }

    private void MakeRoom(long nowTicks)
    {
        var fullAfterTicks = (long)(_burst / _ratePerTick);
        var oldestKey = default(KadKey);
        var oldestTicks = long.MaxValue;
        List<KadKey>? idle = null;
        foreach (var (key, bucket) in _buckets)
        {
            if (nowTicks - bucket.LastTicks >= fullAfterTicks)
            {
                (idle ??= []).Add(key);
            }
            else if (bucket.LastTicks < oldestTicks)
            {
                oldestTicks = bucket.LastTicks;
                oldestKey = key;
            }
        }

        if (idle is not null)
        {
            idle.ForEach(k => _buckets.Remove(k));
        }
        else
        {
            _buckets.Remove(oldestKey);
        }
    }

    private readonly record struct Bucket(double Tokens, long LastTicks);
}
