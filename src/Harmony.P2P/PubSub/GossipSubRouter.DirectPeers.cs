using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub;

/// <summary>
/// Direct peers (gossipsub v1.1 explicit peering agreements): they always receive the messages of the topics they
/// subscribe to, stay out of every mesh, fanout and gossip selection, bypass the graylist, and are asked to be
/// reconnected every <see cref="GossipSubOptions.DirectConnectTicks"/> heartbeats while they are not pubsub peers.
/// </summary>
public sealed partial class GossipSubRouter
{
    private readonly List<PeerId> _direct;
    private readonly HashSet<PeerId> _directSet;

    /// <summary>The configured direct peers.</summary>
    public IReadOnlyList<PeerId> DirectPeers => _direct;

    /// <summary>Whether <paramref name="peer"/> is a configured direct peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>Whether it is direct.</returns>
    public bool IsDirect(PeerId peer) => _directSet.Count > 0 && _directSet.Contains(peer);

    /// <summary>Adds the direct peers among a topic's <paramref name="subscribed"/> peers to <paramref name="targets"/>.</summary>
    private void AddDirectTargets(List<PeerId> targets, HashSet<PeerId> subscribed)
    {
        foreach (var peer in _direct)
        {
            if (subscribed.Contains(peer))
            {
                targets.Add(peer);
            }
        }
    }

    /// <summary>At the first heartbeat and every DirectConnectTicks after, asks the sink to reconnect missing direct peers.</summary>
    private void ReconnectDirectPeers()
    {
        if (_direct.Count == 0 || (_heartbeats != 1 && _heartbeats % _options.DirectConnectTicks != 0))
        {
            return;
        }

        foreach (var peer in _direct)
        {
            if (!_peers.ContainsKey(peer))
            {
                Statistics.DirectReconnects++;
                _sink.ConnectDirectPeer(peer);
            }
        }
    }
}
