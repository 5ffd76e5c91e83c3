namespace Harmony.P2P.PubSub;

/// <summary>
/// The gossipsub message cache: messages of the last <c>HistoryLength</c> heartbeats, served to IWANT (with a
/// per-peer retransmission count), and the ids of the last <c>HistoryGossip</c> heartbeats, advertised in IHAVE.
/// </summary>
internal sealed class MessageCache
{
    private readonly List<List<(MessageId Id, string Topic)>> _windows;
    private readonly Dictionary<MessageId, Entry> _messages = [];
    private readonly int _gossip;

    public MessageCache(int historyLength, int historyGossip)
    {
        _windows = new List<List<(MessageId, string)>>(historyLength);
        for (var i = 0; i < historyLength; i++)
        {
            _windows.Add([]);
        }

        _gossip = historyGossip;
    }

    public int Count => _messages.Count;

    public void Put(MessageId id, PubSubMessage message)
    {
        if (_messages.TryAdd(id, new Entry(message)))
        {
            _windows[0].Add((id, message.Topic));
        }
    }

    public bool TryGet(MessageId id, out PubSubMessage? message)
    {
        message = _messages.TryGetValue(id, out var entry) ? entry.Message : null;
        return message is not null;
    }

    /// <summary>The message for an IWANT from <paramref name="peer"/>, unless that peer already fetched it too often.</summary>
    public PubSubMessage? GetForPeer(MessageId id, Libp2p.PeerId peer, int maxTransmissions)
    {
        if (!_messages.TryGetValue(id, out var entry))
        {
            return null;
        }

        entry.Transmissions ??= [];
        var count = entry.Transmissions.GetValueOrDefault(peer);
        if (count >= maxTransmissions)
        {
            return null;
        }

        entry.Transmissions[peer] = count + 1;
        return entry.Message;
    }

    public List<MessageId> GossipIds(string topic)
    {
        var ids = new List<MessageId>();
        for (var i = 0; i < _gossip && i < _windows.Count; i++)
        {
            foreach (var (id, t) in _windows[i])
            {
                if (t == topic)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    public void Shift()
    {
        var last = _windows[^1];
        foreach (var (id, _) in last)
        {
            _messages.Remove(id);
        }

        last.Clear();
        _windows.RemoveAt(_windows.Count - 1);
        _windows.Insert(0, last);
    }

    private sealed class Entry(PubSubMessage message)
    {
        public PubSubMessage Message { get; } = message;

        public Dictionary<Libp2p.PeerId, int>? Transmissions { get; set; }
    }
}
