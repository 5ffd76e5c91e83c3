using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2p.InMemory;

namespace Harmony.P2P.HarmonyPubSub;

/// <summary>
/// A shared medium for <see cref="InMemoryHarmonyPubSub"/> nodes in one process: a publish reaches every other member
/// that joined the topic, at once and in order, after the same payload checks as the gossip implementation. For tests
/// of code that uses <see cref="IHarmonyPubSub"/>.
/// </summary>
public sealed class InMemoryHarmonyPubSubNetwork
{
    private readonly object _gate = new();
    private readonly List<InMemoryHarmonyPubSub> _members = [];
    private readonly Random _random;

    /// <summary>Creates an empty network.</summary>
    /// <param name="seed">Seed for generated peer ids.</param>
    public InMemoryHarmonyPubSubNetwork(int seed = 0) => _random = new Random(seed);

    /// <summary>Payloads refused by receivers (malformed, or consensus messages on non-consensus topics).</summary>
    public long Rejected { get; private set; }

    /// <summary>Adds a node.</summary>
    /// <param name="peerId">Its id; generated when omitted.</param>
    /// <param name="capacity">How many received payloads may wait for its reader.</param>
    /// <returns>The node.</returns>
    public InMemoryHarmonyPubSub CreateNode(PeerId? peerId = null, int capacity = 4096)
    {
        lock (_gate)
        {
            var node = new InMemoryHarmonyPubSub(this, peerId ?? InMemoryLibp2pNetwork.RandomPeerId(_random), capacity);
            _members.Add(node);
            return node;
        }
    }

    internal void Publish(InMemoryHarmonyPubSub from, string topic, byte[] payload)
    {
        lock (_gate)
        {
            foreach (var member in _members)
            {
                if (member != from && member.IsJoined(topic))
                {
                    if (HarmonyPayload.TryAccept(topic, payload, out var parsed, out _))
                    {
                        member.Receive(new HarmonyPubSubMessage(topic, from.LocalPeer, parsed.Category, parsed.Body));
                    }
                    else
                    {
                        Rejected++;
                    }
                }
            }
        }
    }
}
