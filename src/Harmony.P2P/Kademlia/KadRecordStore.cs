namespace Harmony.P2P.Kademlia;

/// <summary>Value records a node holds, bounded in count; expired records read as absent and are dropped on sweep.</summary>
internal sealed class KadRecordStore
{
    private readonly Dictionary<KadKey, StoredRecord> _records = [];
    private readonly int _capacity;

    public KadRecordStore(int capacity) => _capacity = capacity;

    public int Count => _records.Count;

    public bool TryGet(KadKey key, DateTimeOffset now, TimeSpan maxAge, out KadRecord record)
    {
        if (_records.TryGetValue(key, out var stored) && now - stored.StoredAt < maxAge)
        {
            record = stored.Record;
            return true;
        }

        record = null!;
        return false;
    }

    /// <summary>Stores or replaces; a new key is refused when the store is full.</summary>
    public bool Put(KadKey key, KadRecord record, DateTimeOffset now)
    {
        if (!_records.ContainsKey(key) && _records.Count >= _capacity)
        {
            return false;
        }

        _records[key] = new StoredRecord(record, now);
        return true;
    }

    public int RemoveExpired(DateTimeOffset now, TimeSpan maxAge)
    {
        List<KadKey>? expired = null;
        foreach (var (key, stored) in _records)
        {
            if (now - stored.StoredAt >= maxAge)
            {
                (expired ??= []).Add(key);
            }
        }

        expired?.ForEach(k => _records.Remove(k));
        return expired?.Count ?? 0;
    }

    private readonly record struct StoredRecord(KadRecord Record, DateTimeOffset StoredAt);
}
