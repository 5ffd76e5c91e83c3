using Harmony.P2P.Host;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.Kademlia.Wire;

/// <summary>Ways to tell whether a remote peer is a DHT server, for <see cref="KadProtocolHandler"/>.</summary>
public static class KadSenderModes
{
    /// <summary>
    /// A peer is a server when identify reported that it serves the kad protocol (the kad-dht rule: only peers that
    /// advertise the protocol enter routing tables); a peer identify has not reported on yet counts as a client.
    /// </summary>
    /// <param name="host">The TCP libp2p host, which keeps each peer's identify message.</param>
    /// <param name="protocolId">The kad protocol id; <c>/ipfs/kad/1.0.0</c> when omitted.</param>
    /// <returns>The classifier.</returns>
    public static Func<PeerId, KadMode> FromIdentify(Libp2pHost host, string protocolId = "/ipfs/kad/1.0.0")
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentException.ThrowIfNullOrEmpty(protocolId);
        return peer => host.GetIdentify(peer) is { } identify && identify.Protocols.Contains(protocolId) ? KadMode.Server : KadMode.Client;
    }
}
