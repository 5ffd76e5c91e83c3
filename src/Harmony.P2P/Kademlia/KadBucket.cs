namespace Harmony.P2P.Kademlia;

/// <summary>
/// One k-bucket: up to k entries ordered least-recently-seen first, plus a small replacement cache of peers that
/// answered while the bucket was full (most recent last). Small arrays, no per-entry objects.
/// </summary>
internal sealed class KadBucket
{
    private readonly Entry[] _entries;
    private readonly KadPeer?[] _replacements;
    private int _replacementCount;

    public KadBucket(int capacity, int replacementCapacity)
    {
        _entries = new Entry[capacity];
        _replacements = replacementCapacity == 0 ? [] : new KadPeer?[replacementCapacity];
    }

    public int Count { get; private set; }

    public int ReplacementCount => _replacementCount;

    public bool IsFull => Count == _entries.Length;

    /// <summary>Simulated-or-real time of the last lookup into this bucket's range (for refresh).</summary>
    public long LastLookupTicks { get; set; }

    /// <summary>Whether a liveness check of the least-recently-seen entry is under way.</summary>
    public bool Probing { get; set; }

    public KadPeer PeerAt(int index) => _entries[index].Peer;

    /// <summary>The least-recently-seen entry (the eviction candidate).</summary>
    public KadPeer Oldest => _entries[0].Peer;

    public int IndexOf(KadKey key)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_entries[i].Peer.Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>When the least-recently-seen entry was last heard from.</summary>
    public long OldestSeenTicks => _entries[0].LastSeenTicks;

    /// <summary>Moves an existing entry to the most-recently-seen end and clears its failure count.</summary>
    public void Touch(int index, long nowTicks)
    {
        var entry = _entries[index];
        entry.Failures = 0;
        entry.LastSeenTicks = nowTicks;
        Array.Copy(_entries, index + 1, _entries, index, Count - index - 1);
        _entries[Count - 1] = entry;
    }

    public void Append(KadPeer peer, long nowTicks) => _entries[Count++] = new Entry { Peer = peer, LastSeenTicks = nowTicks };

    public void RemoveAt(int index)
    {
        Array.Copy(_entries, index + 1, _entries, index, Count - index - 1);
        _entries[--Count] = default;
    }

    /// <summary>Counts one failed request; returns the failures in a row.</summary>
    public int RecordFailure(int index) => ++_entries[index].Failures;

    /// <summary>Remembers a peer that could not be added, dropping the oldest cached one when the cache is full.</summary>
    public void AddReplacement(KadPeer peer)
    {
        if (_replacements.Length == 0)
        {
            return;
        }

        for (var i = 0; i < _replacementCount; i++)
        {
            if (_replacements[i]!.Key == peer.Key)
            {
                Array.Copy(_replacements, i + 1, _replacements, i, _replacementCount - i - 1);
                _replacements[_replacementCount - 1] = peer;
                return;
            }
        }

        if (_replacementCount == _replacements.Length)
        {
            Array.Copy(_replacements, 1, _replacements, 0, _replacementCount - 1);
            _replacementCount--;
        }

        _replacements[_replacementCount++] = peer;
    }

    /// <summary>Takes the most recently seen replacement, if any.</summary>
    public KadPeer? TakeReplacement()
    {
        if (_replacementCount == 0)
        {
            return null;
        }

        var peer = _replacements[--_replacementCount];
        _replacements[_replacementCount] = null;
        return peer;
    }

    private struct Entry
    {
        public KadPeer Peer;
        public int Failures;
        public long LastSeenTicks;
    }
}
