using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub;

public sealed partial class GossipSubRouter
{
    /// <summary>
    /// One heartbeat: decay scores, expire backoffs, broken IWANT promises and old IDONTWANTs, ask for missing direct
    /// peers to be reconnected (every DirectConnectTicks), keep every mesh within
    /// [D_lo, D_hi] (by score, with the outbound quota and opportunistic grafting), expire and refill fanout, emit IHAVE
    /// gossip, and shift the message cache.
    /// </summary>
    public void Heartbeat()
    {
        var now = _time.GetUtcNow();
        _heartbeats++;
        _score?.Refresh(now);
        ExpireBackoffs(now);
        CheckPromises(now);
        foreach (var state in _peers.Values)
        {
            state.IHaveMessages = 0;
            state.IAsked = 0;
        }

        ExpireIDontWants();
        ReconnectDirectPeers();

        foreach (var (topic, mesh) in _mesh)
        {
            MaintainMesh(topic, mesh);
            EmitGossip(topic, mesh);
        }

        List<string>? expiredFanout = null;
        foreach (var (topic, fanout) in _fanout)
        {
            if (_lastPublished.TryGetValue(topic, out var last) && now - last > _options.FanoutTtl)
            {
                (expiredFanout ??= []).Add(topic);
                continue;
            }

            MaintainFanout(topic, fanout);
            EmitGossip(topic, fanout);
        }

        if (expiredFanout is not null)
        {
            foreach (var topic in expiredFanout)
            {
                _fanout.Remove(topic);
                _lastPublished.Remove(topic);
            }
        }

        _cache.Shift();
        _seen.Expire(now);
        Flush();
    }

    private void MaintainMesh(string topic, HashSet<PeerId> mesh)
    {
        // Peers with a negative score leave the mesh.
        List<PeerId>? negative = null;
        foreach (var peer in mesh)
        {
            if (Score(peer) < 0)
            {
                (negative ??= []).Add(peer);
            }
        }

        if (negative is not null)
        {
            foreach (var peer in negative)
            {
                mesh.Remove(peer);
                _score?.Prune(peer, topic, _time.GetUtcNow());
                QueuePrune(peer, topic, peerExchange: false, _options.PruneBackoff);
            }
        }

        if (mesh.Count < _options.DLow)
        {
            var candidates = Candidates(topic, p => !mesh.Contains(p) && !IsBackedOff(p, topic) && Score(p) >= 0);
            foreach (var peer in Take(candidates, _options.D - mesh.Count))
            {
                Graft(peer, topic);
            }
        }

        if (mesh.Count > _options.DHigh)
        {
            PruneOversubscribed(topic, mesh);
        }

        if (mesh.Count >= _options.DLow)
        {
            var outbound = 0;
            foreach (var peer in mesh)
            {
                if (_peers[peer].Outbound)
                {
                    outbound++;
                }
            }

            if (outbound < _options.DOut)
            {
                var candidates = Candidates(topic, p => _peers[p].Outbound && !mesh.Contains(p) && !IsBackedOff(p, topic) && Score(p) >= 0);
                foreach (var peer in Take(candidates, _options.DOut - outbound))
                {
                    Graft(peer, topic);
                }
            }
        }

        if (_score is not null && _heartbeats % _options.OpportunisticGraftTicks == 0 && mesh.Count > 1)
        {
            OpportunisticGraft(topic, mesh);
        }
    }

    private void PruneOversubscribed(string topic, HashSet<PeerId> mesh)
    {
        var ordered = new List<PeerId>(mesh);
        ordered.Sort(static (a, b) => a.Bytes.SequenceCompareTo(b.Bytes));
        Shuffle(ordered);
        var scores = new Dictionary<PeerId, double>();
        foreach (var peer in ordered)
        {
            scores[peer] = Score(peer);
        }

        // Stable sort by score, highest first; the shuffle above breaks ties at random.
        var ranked = ordered.Select((peer, index) => (peer, index)).OrderByDescending(x => scores[x.peer]).ThenBy(x => x.index).Select(x => x.peer).ToList();
        var keep = ranked.Take(_options.DScore).ToList();
        var rest = ranked.Skip(_options.DScore).ToList();
        Shuffle(rest);
        keep.AddRange(rest.Take(_options.D - keep.Count));
        var dropped = rest.Skip(_options.D - _options.DScore).ToList();

        // Keep at least D_out outbound peers: swap dropped outbound peers in for kept inbound ones (not the best-scored).
        var outboundKept = keep.Count(p => _peers[p].Outbound);
        for (var i = keep.Count - 1; i >= _options.DScore && outboundKept < _options.DOut; i--)
        {
            if (_peers[keep[i]].Outbound)
            {
                continue;
            }

            var replacement = dropped.FindIndex(p => _peers[p].Outbound);
            if (replacement < 0)
            {
                break;
            }

            (keep[i], dropped[replacement]) = (dropped[replacement], keep[i]);
            outboundKept++;
        }

        foreach (var peer in dropped)
        {
            mesh.Remove(peer);
            _score?.Prune(peer, topic, _time.GetUtcNow());
            QueuePrune(peer, topic, peerExchange: true, _options.PruneBackoff);
        }
    }

    private void OpportunisticGraft(string topic, HashSet<PeerId> mesh)
    {
        var scores = mesh.Select(Score).OrderBy(s => s).ToList();
        var median = scores[scores.Count / 2];
        if (median >= _options.Thresholds.OpportunisticGraft)
        {
            return;
        }

        var candidates = Candidates(topic, p => !mesh.Contains(p) && !IsBackedOff(p, topic) && Score(p) > median);
        foreach (var peer in Take(candidates, _options.OpportunisticGraftPeers))
        {
            Graft(peer, topic);
        }
    }

    private void MaintainFanout(string topic, HashSet<PeerId> fanout)
    {
        var publish = _options.Thresholds.Publish;
        fanout.RemoveWhere(p => !_peers.TryGetValue(p, out var state) || !state.Topics.Contains(topic) || Score(p) < publish);
        if (fanout.Count < _options.D)
        {
            foreach (var peer in Take(Candidates(topic, p => !fanout.Contains(p) && Score(p) >= publish), _options.D - fanout.Count))
            {
                fanout.Add(peer);
            }
        }
    }

    private void EmitGossip(string topic, HashSet<PeerId> exclude)
    {
        var ids = _cache.GossipIds(topic);
        if (ids.Count == 0)
        {
            return;
        }

        var candidates = Candidates(topic, p => !exclude.Contains(p) && Score(p) >= _options.Thresholds.Gossip);
        var target = Math.Max(_options.DLazy, (int)(_options.GossipFactor * candidates.Count));
        foreach (var peer in Take(candidates, target))
        {
            var advertised = ids;
            if (ids.Count > _options.MaxIHaveLength)
            {
                advertised = [.. ids];
                Shuffle(advertised);
                advertised.RemoveRange(_options.MaxIHaveLength, advertised.Count - _options.MaxIHaveLength);
            }

            Outbox(peer).IHave.Add(new ControlIHave(topic, advertised));
            Statistics.IHaveSent++;
        }
    }

    private void ExpireBackoffs(DateTimeOffset now)
    {
        List<string>? emptyTopics = null;
        foreach (var (topic, peers) in _backoff)
        {
            List<PeerId>? expired = null;
            foreach (var (peer, until) in peers)
            {
                if (until <= now)
                {
                    (expired ??= []).Add(peer);
                }
            }

            if (expired is not null)
            {
                foreach (var peer in expired)
                {
                    peers.Remove(peer);
                }
            }

            if (peers.Count == 0)
            {
                (emptyTopics ??= []).Add(topic);
            }
        }

        if (emptyTopics is not null)
        {
            foreach (var topic in emptyTopics)
            {
                _backoff.Remove(topic);
            }
        }
    }

    private void CheckPromises(DateTimeOffset now)
    {
        List<MessageId>? done = null;
        foreach (var (id, peers) in _promises)
        {
            List<PeerId>? broken = null;
            foreach (var (peer, deadline) in peers)
            {
                if (deadline <= now)
                {
                    (broken ??= []).Add(peer);
                }
            }

            if (broken is not null)
            {
                foreach (var peer in broken)
                {
                    peers.Remove(peer);
                    _score?.AddPenalty(peer, 1);
                    Statistics.BrokenPromises++;
                }
            }

            if (peers.Count == 0)
            {
                (done ??= []).Add(id);
            }
        }

        if (done is not null)
        {
            foreach (var id in done)
            {
                _promises.Remove(id);
            }
        }
    }
}
