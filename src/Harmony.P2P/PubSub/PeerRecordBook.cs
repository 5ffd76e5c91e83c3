using System.Diagnostics.CodeAnalysis;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Records;

namespace Harmony.P2P.PubSub;

/// <summary>
/// The signed peer records a node can hand on in gossipsub peer exchange: each stored only after its signature and
/// peer id were checked, the newest (highest sequence) per peer kept, at most <see cref="Capacity"/> peers (a new peer
/// beyond that is refused, so untrusted input cannot grow it). Thread-safe. <see cref="GossipSub"/> adds the authentic
/// records that arrive in peer exchange, the application may add records it learned elsewhere, and
/// <see cref="GossipSubRouter"/> attaches the stored record of every peer it offers.
/// </summary>
public sealed class PeerRecordBook
{
    private readonly object _gate = new();
    private readonly Dictionary<PeerId, (ulong Sequence, byte[] Envelope)> _records = [];

    /// <summary>Creates an empty book.</summary>
    /// <param name="capacity">Most peers whose records are kept.</param>
    public PeerRecordBook(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most peers whose records are kept.</summary>
    public int Capacity { get; }

    /// <summary>Peers with a stored record.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Stores a sealed record after verifying it, unless an equally new or newer one of that peer is stored.</summary>
    /// <param name="envelope">The encoded envelope (untrusted).</param>
    /// <param name="record">The verified record.</param>
    /// <param name="problem">Why it was not stored.</param>
    /// <returns>Whether it was stored.</returns>
    public bool TryAdd(ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out PeerRecord? record, [NotNullWhen(false)] out string? problem)
    {
        if (!PeerRecord.TryOpen(envelope, out record, out problem))
        {
            return false;
        }

        lock (_gate)
        {
            if (_records.TryGetValue(record.PeerId, out var existing))
            {
                if (existing.Sequence >= record.Sequence)
                {
                    problem = $"a record of {record.PeerId} with sequence {existing.Sequence} is already stored.";
                    record = null;
                    return false;
                }
            }
            else if (_records.Count >= Capacity)
            {
                problem = $"the book is full ({Capacity} peers).";
                record = null;
                return false;
            }

            _records[record.PeerId] = (record.Sequence, envelope.ToArray());
        }

        return true;
    }

    /// <summary>The stored envelope of a peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>The encoded envelope, or empty when none is stored.</returns>
    public ReadOnlyMemory<byte> Get(PeerId peer)
    {
        lock (_gate)
        {
            return _records.TryGetValue(peer, out var entry) ? entry.Envelope : ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>Forgets a peer's record.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>Whether one was stored.</returns>
    public bool Remove(PeerId peer)
    {
        lock (_gate)
        {
            return _records.Remove(peer);
        }
    }
}
