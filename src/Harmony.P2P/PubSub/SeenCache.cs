namespace Harmony.P2P.PubSub;

/// <summary>Message ids seen within the last TTL, bounded in count (the oldest are forgotten first).</summary>
internal sealed class SeenCache(TimeSpan ttl, int capacity)
{
    private readonly Dictionary<MessageId, DateTimeOffset> _expires = [];
    private readonly Queue<(MessageId Id, DateTimeOffset Expires)> _order = new();

    public int Count => _expires.Count;

    /// <summary>Marks an id seen; returns false when it already was.</summary>
    public bool Add(MessageId id, DateTimeOffset now)
    {
        Expire(now);
        if (_expires.ContainsKey(id))
        {
            return false;
        }

        while (_expires.Count >= capacity && _order.TryDequeue(out var oldest))
        {
            _expires.Remove(oldest.Id);
        }

        var expires = now + ttl;
        _expires[id] = expires;
        _order.Enqueue((id, expires));
        return true;
    }

    public bool Contains(MessageId id, DateTimeOffset now) => _expires.TryGetValue(id, out var expires) && expires > now;

    public void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var head) && head.Expires <= now)
        {
            _order.Dequeue();
            _expires.Remove(head.Id);
        }
    }
}
