using Harmony.P2P.Libp2p;

namespace Harmony.P2P.HarmonyPubSub;

/// <summary>A Harmony payload received on a topic.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Sender">The author under signed gossip (the peer that forwarded it otherwise).</param>
/// <param name="Category">The category byte.</param>
/// <param name="Body">The body after the category byte.</param>
public sealed record HarmonyPubSubMessage(string Topic, PeerId Sender, HarmonyMessageCategory Category, ReadOnlyMemory<byte> Body);
