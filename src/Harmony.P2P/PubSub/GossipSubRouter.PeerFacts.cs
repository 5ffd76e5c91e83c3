using System.Net;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub;

/// <summary>What the router knows of a connected peer: the protocol it speaks and the facts the host gave for it.</summary>
public sealed partial class GossipSubRouter
{
    /// <summary>The pubsub protocol a connected peer speaks.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>Its kind, or <see langword="null"/> when it is not a pubsub peer.</returns>
    public PubSubPeerKind? PeerKind(PeerId peer) => _peers.TryGetValue(peer, out var state) ? state.Kind : null;

    /// <summary>Whether this node dialed the connection to <paramref name="peer"/> (such peers count toward D_out).</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>Whether it is a connected outbound peer.</returns>
    public bool IsOutbound(PeerId peer) => _peers.TryGetValue(peer, out var state) && state.Outbound;

    /// <summary>The IP address the host reported for <paramref name="peer"/> (used by P₆), if any.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>The address, or <see langword="null"/>.</returns>
    public IPAddress? PeerAddress(PeerId peer) => _peers.TryGetValue(peer, out var state) ? state.Address : null;
}
