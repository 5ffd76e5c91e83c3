using System.Diagnostics.CodeAnalysis;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Records;

namespace Harmony.P2P.PubSub;

/// <summary>
/// Checks the signed peer record of a gossipsub peer-exchange entry before anyone dials its addresses: the entry's peer
/// id must parse, the envelope must be a libp2p peer record (the go-libp2p and js-libp2p form) signed by that peer's own
/// key, and the record must describe the peer the entry names.
/// </summary>
public static class PeerExchangeRecords
{
    /// <summary>Opens and verifies the record of one peer-exchange entry.</summary>
    /// <param name="entry">The entry (untrusted).</param>
    /// <param name="record">The verified record.</param>
    /// <param name="problem">Why it was refused (an entry without a record is refused too: it has no addresses to trust).</param>
    /// <returns>Whether the entry carries an authentic record of the peer it names.</returns>
    public static bool TryOpen(PeerExchangeRecord entry, [NotNullWhen(true)] out PeerRecord? record, [NotNullWhen(false)] out string? problem)
    {
        record = null;
        if (!PeerId.TryFromBytes(entry.PeerId.Span, out var peer))
        {
            problem = "the peer id does not parse.";
            return false;
        }

        if (entry.SignedPeerRecord.IsEmpty)
        {
            problem = $"{peer} is offered without a signed peer record.";
            return false;
        }

        if (!PeerRecord.TryOpen(entry.SignedPeerRecord.Span, out var opened, out problem))
        {
            return false;
        }

        if (!opened.PeerId.Equals(peer))
        {
            problem = $"the record describes {opened.PeerId}, not the offered {peer}.";
            return false;
        }

        record = opened;
        return true;
    }
}
