using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub;

/// <summary>Where a <see cref="GossipSubRouter"/> puts its outputs. Called synchronously from the router's inputs.</summary>
public interface IGossipSubSink
{
    /// <summary>Sends an RPC to a peer (the binding queues it on the peer's outbound stream).</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="rpc">The RPC; not touched by the router afterwards.</param>
    void Send(PeerId peer, PubSubRpc rpc);

    /// <summary>
    /// Validates a new message. Return the result at once, or <see langword="null"/> to validate asynchronously and
    /// call <see cref="GossipSubRouter.CompleteValidation"/> later. An asynchronous validation that finishes before
    /// this call returns may report its verdict from inside it (re-entrantly, on the calling thread): the router then
    /// takes that verdict as this call's result.
    /// </summary>
    /// <param name="from">The peer that forwarded it.</param>
    /// <param name="id">Its id.</param>
    /// <param name="message">The message (signature already checked under StrictSign).</param>
    /// <returns>The result, or <see langword="null"/> when pending.</returns>
    ValidationResult? Validate(PeerId from, MessageId id, PubSubMessage message);

    /// <summary>Delivers an accepted message to the local subscribers of its topic.</summary>
    /// <param name="from">The peer that forwarded it.</param>
    /// <param name="id">Its id.</param>
    /// <param name="message">The message.</param>
    void Deliver(PeerId from, MessageId id, PubSubMessage message);

    /// <summary>Peers offered by a well-scored peer's PRUNE (peer exchange); the host may connect to some of them.</summary>
    /// <param name="from">The pruning peer.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="peers">The offered peers.</param>
    void PeerExchange(PeerId from, string topic, IReadOnlyList<PeerExchangeRecord> peers);

    /// <summary>
    /// A configured direct peer is not a pubsub peer at a reconnect heartbeat: connect to it (or re-open its pubsub
    /// stream when it is connected) so that the peering agreement holds. Sinks that cannot connect peers (and routers
    /// without direct peers) keep the default, which leaves reconnection to whoever owns the connections.
    /// </summary>
    /// <param name="peer">The direct peer.</param>
    void ConnectDirectPeer(PeerId peer)
    {
    }
}
