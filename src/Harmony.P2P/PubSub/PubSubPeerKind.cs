namespace Harmony.P2P.PubSub;

/// <summary>Which pubsub protocol a peer speaks.</summary>
public enum PubSubPeerKind
{
    /// <summary><c>/meshsub/1.1.0</c>.</summary>
    GossipSubV11,

    /// <summary><c>/meshsub/1.0.0</c>: no peer exchange or backoff field is sent to it.</summary>
    GossipSubV10,

    /// <summary><c>/floodsub/1.0.0</c>: receives every message of its topics, never control messages.</summary>
    FloodSub,

    /// <summary><c>/meshsub/1.2.0</c>: v1.1 plus IDONTWANT.</summary>
    GossipSubV12,
}
