namespace Harmony.P2P.Kademlia;

/// <summary>
/// Provider records: for each key, the peers that announced it and when. Bounded in keys and in providers per key;
/// records expire a fixed time after their last announcement.
/// </summary>
internal sealed class KadProviderStore
{
    private readonly Dictionary<KadKey, List<Provider>> _providers = [];
    private readonly int _maxKeys;
    private readonly int _maxPerKey;

    public KadProviderStore(int maxKeys, int maxPerKey)
    {
        _maxKeys = maxKeys;
        _maxPerKey = maxPerKey;
    }

    public int KeyCount => _providers.Count;

    /// <summary>Adds or renews <paramref name="peer"/> as a provider of <paramref name="key"/>.</summary>
    /// <returns>False when a bound refused it.</returns>
    public bool Add(KadKey key, KadPeer peer, DateTimeOffset expiresAt)
    {
        if (!_providers.TryGetValue(key, out var list))
        {
            if (_providers.Count >= _maxKeys)
            {
                return false;
            }

            list = new List<Provider>(2);
            _providers[key] = list;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Peer.Key == peer.Key)
            {
                list[i] = new Provider(peer, expiresAt);
                return true;
            }
        }

        if (list.Count >= _maxPerKey)
        {
            // Replace the provider closest to expiry, if the newcomer outlives it.
            var oldest = 0;
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i].ExpiresAt < list[oldest].ExpiresAt)
                {
                    oldest = i;
                }
            }

            if (list[oldest].ExpiresAt >= expiresAt)
            {
                return false;
            }

            list[oldest] = new Provider(peer, expiresAt);
            return true;
        }

        list.Add(new Provider(peer, expiresAt));
        return true;
    }

    /// <summary>Unexpired providers of <paramref name="key"/>, at most <paramref name="max"/>.</summary>
    public List<KadPeer> Get(KadKey key, DateTimeOffset now, int max)
    {
        var result = new List<KadPeer>();
        if (_providers.TryGetValue(key, out var list))
        {
            foreach (var p in list)
            {
                if (p.ExpiresAt > now && result.Count < max)
                {
                    result.Add(p.Peer);
                }
            }
        }

        return result;
    }

    public int RemoveExpired(DateTimeOffset now)
    {
        var removed = 0;
        List<KadKey>? empty = null;
        foreach (var (key, list) in _providers)
        {
            removed += list.RemoveAll(p => p.ExpiresAt <= now);
            if (list.Count == 0)
            {
                (empty ??= []).Add(key);
            }
        }

        empty?.ForEach(k => _providers.Remove(k));
        return removed;
    }

    private readonly record struct Provider(KadPeer Peer, DateTimeOffset ExpiresAt);
}
