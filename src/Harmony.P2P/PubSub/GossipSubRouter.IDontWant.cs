using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub;

/// <summary>
/// IDONTWANT (gossipsub v1.2): a large message seen for the first time is announced to the <c>/meshsub/1.2.0</c> mesh
/// peers while it is validated (unless it is accepted at once and so forwarded in the same flush), so they do not send
/// it too; a peer's own IDONTWANTs are honoured when forwarding.
/// What a peer may ask is bounded per heartbeat and forgotten after <see cref="GossipSubOptions.IDontWantHistory"/>
/// heartbeats, so one peer holds at most MaxIDontWantMessages × IDontWantHistory ids.
/// </summary>
public sealed partial class GossipSubRouter
{
    /// <summary>Whether <paramref name="peer"/> asked (with IDONTWANT, recently) not to be sent message <paramref name="id"/>.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="id">The message id.</param>
    /// <returns>Whether the peer does not want it.</returns>
    public bool PeerDoesNotWant(PeerId peer, MessageId id) => _peers.TryGetValue(peer, out var state) && state.DontWant.ContainsKey(id);

    private void AnnounceIfLarge(PeerId from, MessageId id, PubSubMessage message)
    {
        if (message.Data.Length < _options.IDontWantMessageThreshold || !_mesh.TryGetValue(message.Topic, out var mesh))
        {
            return;
        }

        ControlIDontWant? entry = null;
        foreach (var peer in mesh)
        {
            if (peer.Equals(from) || _peers[peer] is not { Kind: PubSubPeerKind.GossipSubV12 } state || state.DontWant.ContainsKey(id))
            {
                continue;
            }

            entry ??= new ControlIDontWant([id]);
            Outbox(peer).IDontWant.Add(entry);
            Statistics.IDontWantSent++;
        }
    }

    private void HandleIDontWant(PeerState state, IList<ControlIDontWant> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var id in entry.MessageIds)
            {
                if (state.DontWantThisHeartbeat >= _options.MaxIDontWantMessages)
                {
                    return;
                }

                state.DontWantThisHeartbeat++;
                state.DontWant[id] = _heartbeats;
                Statistics.IDontWantReceived++;
            }
        }
    }

    /// <summary>Per heartbeat: resets the per-heartbeat allowance and forgets IDONTWANTs older than the history.</summary>
    private void ExpireIDontWants()
    {
        List<MessageId>? expired = null;
        foreach (var state in _peers.Values)
        {
            state.DontWantThisHeartbeat = 0;
            if (state.DontWant.Count == 0)
            {
                continue;
            }

            foreach (var (id, heartbeat) in state.DontWant)
            {
                if (_heartbeats - heartbeat >= _options.IDontWantHistory)
                {
                    (expired ??= []).Add(id);
                }
            }

            if (expired is { Count: > 0 })
            {
                foreach (var id in expired)
                {
                    state.DontWant.Remove(id);
                }

                expired.Clear();
            }
        }
    }
}
