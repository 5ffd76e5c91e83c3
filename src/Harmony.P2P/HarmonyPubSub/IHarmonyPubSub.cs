using System.Threading.Channels;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.HarmonyPubSub;

/// <summary>
/// Harmony's gossip as the consensus engine's host sees it: join topics (<see cref="HarmonyTopics"/>), publish framed
/// payloads, and read the payloads other peers publish, with their sender. Received payloads are checked with
/// <see cref="HarmonyPayload.TryAccept"/> first (malformed ones, and consensus messages on non-consensus topics, are
/// rejected and never delivered). A node does not receive its own messages.
/// </summary>
public interface IHarmonyPubSub
{
    /// <summary>This node's peer id.</summary>
    PeerId LocalPeer { get; }

    /// <summary>Payloads received on joined topics, in arrival order.</summary>
    ChannelReader<HarmonyPubSubMessage> Messages { get; }

    /// <summary>Joins a topic (idempotent).</summary>
    /// <param name="topic">The topic, e.g. from <see cref="HarmonyTopics.Node"/>.</param>
    void Join(string topic);

    /// <summary>Leaves a topic (idempotent).</summary>
    /// <param name="topic">The topic.</param>
    void Leave(string topic);

    /// <summary>Frames and publishes a payload (the topic need not be joined).</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="category">The category byte.</param>
    /// <param name="body">The body after the category byte.</param>
    /// <returns>Whether it was sent; false when it is too large.</returns>
    bool Publish(string topic, HarmonyMessageCategory category, ReadOnlySpan<byte> body);
}
