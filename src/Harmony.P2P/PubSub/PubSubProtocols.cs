namespace Harmony.P2P.PubSub;

/// <summary>The pubsub protocol ids and which router semantics each implies.</summary>
public static class PubSubProtocols
{
    /// <summary>gossipsub v1.2: v1.1 plus IDONTWANT (a peer asks not to be sent a large message it already has).</summary>
    public const string MeshSubV12 = "/meshsub/1.2.0";

    /// <summary>gossipsub v1.1: PX, backoff, scoring-aware behaviour.</summary>
    public const string MeshSubV11 = "/meshsub/1.1.0";

    /// <summary>gossipsub v1.0: mesh and gossip without PX.</summary>
    public const string MeshSubV10 = "/meshsub/1.0.0";

    /// <summary>floodsub: every message to every subscribed peer, no control messages.</summary>
    public const string FloodSub = "/floodsub/1.0.0";

    /// <summary>The ids offered and accepted, in order of preference.</summary>
    public static IReadOnlyList<string> All { get; } = [MeshSubV12, MeshSubV11, MeshSubV10, FloodSub];

    /// <summary>The kind of peer a negotiated protocol id means.</summary>
    /// <param name="protocol">The protocol id.</param>
    /// <returns>The peer kind, or <see langword="null"/> when the id is not a pubsub protocol.</returns>
    public static PubSubPeerKind? KindOf(string protocol) => protocol switch
    {
        MeshSubV12 => PubSubPeerKind.GossipSubV12,
        MeshSubV11 => PubSubPeerKind.GossipSubV11,
        MeshSubV10 => PubSubPeerKind.GossipSubV10,
        FloodSub => PubSubPeerKind.FloodSub,
        _ => null,
    };
}
