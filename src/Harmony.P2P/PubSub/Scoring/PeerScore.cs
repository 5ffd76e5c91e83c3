using System.Net;
using System.Net.Sockets;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub.Scoring;

/// <summary>
/// The gossipsub v1.1 score of every known peer (local only, never shared): per-topic counters for P₁–P₄, the global
/// P₅–P₇, message delivery records that credit or blame every peer that forwarded a message once its validation is
/// known, decay, and retention of disconnected peers' scores. Not thread-safe; the router serializes calls.
/// </summary>
internal sealed class PeerScore
{
    private readonly PeerScoreParams _params;
    private readonly TimeSpan _deliveryRecordTtl;
    private readonly Dictionary<PeerId, PeerStats> _peers = [];
    private readonly Dictionary<string, HashSet<PeerId>> _peersByIp = new(StringComparer.Ordinal);
    private readonly Dictionary<MessageId, DeliveryRecord> _deliveries = [];
    private readonly Queue<(MessageId Id, DateTimeOffset Expires)> _deliveryExpiry = new();
    private DateTimeOffset _lastDecay;

    public PeerScore(PeerScoreParams parameters, TimeSpan deliveryRecordTtl, DateTimeOffset now)
    {
        _params = parameters;
        _deliveryRecordTtl = deliveryRecordTtl;
        _lastDecay = now;
    }

    public void AddPeer(PeerId peer, IPAddress? address)
    {
        if (!_peers.TryGetValue(peer, out var stats))
        {
            stats = new PeerStats();
            _peers[peer] = stats;
        }

        stats.Connected = true;
        var ip = ColocationGroup(address);
        if (ip is not null && stats.Ip != ip)
        {
            RemoveIp(peer, stats);
            stats.Ip = ip;
            if (!_peersByIp.TryGetValue(ip, out var set))
            {
                _peersByIp[ip] = set = [];
            }

            set.Add(peer);
        }
    }

    public void RemovePeer(PeerId peer, DateTimeOffset now)
    {
        if (!_peers.TryGetValue(peer, out var stats))
        {
            return;
        }

        // A peer with a positive score gains nothing by reconnecting, so it is forgotten at once; the others are kept.
        if (Score(peer, now) > 0)
        {
            RemoveIp(peer, stats);
            _peers.Remove(peer);
            return;
        }

        foreach (var (topic, t) in stats.Topics)
        {
            if (t.InMesh)
            {
                ApplyMeshFailure(t, _params.For(topic), now);
                t.InMesh = false;
            }
        }

        stats.Connected = false;
        stats.Expires = now + _params.RetainScore;
    }

    public void Graft(PeerId peer, string topic, DateTimeOffset now)
    {
        if (Topic(peer, topic) is { } t)
        {
            t.InMesh = true;
            t.GraftTime = now;
            t.MeshDeliveries = 0;
        }
    }

    public void Prune(PeerId peer, string topic, DateTimeOffset now)
    {
        if (Topic(peer, topic) is { } t && t.InMesh)
        {
            ApplyMeshFailure(t, _params.For(topic), now);
            t.InMesh = false;
        }
    }

    public void AddPenalty(PeerId peer, double count)
    {
        if (_peers.TryGetValue(peer, out var stats))
        {
            stats.BehaviourPenalty += count;
        }
    }

    /// <summary>A message seen for the first time; its validation outcome will settle every forwarder's credit.</summary>
    public void FirstSeen(PeerId from, MessageId id, DateTimeOffset now)
    {
        ExpireDeliveries(now);
        if (_deliveries.ContainsKey(id))
        {
            return;
        }

        var record = new DeliveryRecord { Source = from };
        _deliveries[id] = record;
        _deliveryExpiry.Enqueue((id, now + _deliveryRecordTtl));
    }

    public void Accepted(MessageId id, string topic, DateTimeOffset now)
    {
        if (!_deliveries.TryGetValue(id, out var record) || record.Status != DeliveryStatus.Unknown)
        {
            return;
        }

        record.Status = DeliveryStatus.Valid;
        record.Validated = now;
        if (record.Source is { } source)
        {
            MarkFirstDelivery(source, topic);
        }

        foreach (var peer in record.Duplicates)
        {
            MarkMeshDelivery(peer, topic);
        }

        record.Duplicates.Clear();
    }

    public void Rejected(MessageId id, string topic, bool ignored)
    {
        if (!_deliveries.TryGetValue(id, out var record) || record.Status != DeliveryStatus.Unknown)
        {
            return;
        }

        record.Status = ignored ? DeliveryStatus.Ignored : DeliveryStatus.Invalid;
        if (!ignored)
        {
            if (record.Source is { } source)
            {
                MarkInvalid(source, topic);
            }

            foreach (var peer in record.Duplicates)
            {
                MarkInvalid(peer, topic);
            }
        }

        record.Duplicates.Clear();
    }

    /// <summary>A message that was refused before any validator ran (bad signature, oversized, malformed).</summary>
    public void InvalidWithoutRecord(PeerId from, string topic) => MarkInvalid(from, topic);

    public void Duplicate(PeerId from, MessageId id, string topic, DateTimeOffset now)
    {
        if (!_deliveries.TryGetValue(id, out var record) || record.Source == from)
        {
            return;
        }

        switch (record.Status)
        {
            case DeliveryStatus.Unknown:
                if (record.Duplicates.Count < 64)
                {
                    record.Duplicates.Add(from);
                }

                break;
            case DeliveryStatus.Valid:
                if (_params.For(topic) is { } p && now - record.Validated <= p.MeshMessageDeliveriesWindow)
                {
                    MarkMeshDelivery(from, topic);
                }

                break;
            case DeliveryStatus.Invalid:
                MarkInvalid(from, topic);
                break;
            default:
                break;
        }
    }

    public double Score(PeerId peer, DateTimeOffset now)
    {
        if (!_peers.TryGetValue(peer, out var stats))
        {
            return AppScore(peer);
        }

        var score = 0.0;
        foreach (var (topic, t) in stats.Topics)
        {
            if (_params.For(topic) is not { } p)
            {
                continue;
            }

            var topicScore = 0.0;
            if (t.InMesh)
            {
                var quanta = (now - t.GraftTime) / p.TimeInMeshQuantum;
                topicScore += Math.Min(quanta, p.TimeInMeshCap) * p.TimeInMeshWeight;
            }

            topicScore += t.FirstDeliveries * p.FirstMessageDeliveriesWeight;
            if (IsDeliveryActive(t, p, now) && t.MeshDeliveries < p.MeshMessageDeliveriesThreshold)
            {
                var deficit = p.MeshMessageDeliveriesThreshold - t.MeshDeliveries;
                topicScore += deficit * deficit * p.MeshMessageDeliveriesWeight;
            }

            topicScore += t.MeshFailurePenalty * p.MeshFailurePenaltyWeight;
            topicScore += t.InvalidDeliveries * t.InvalidDeliveries * p.InvalidMessageDeliveriesWeight;
            score += topicScore * p.TopicWeight;
        }

        if (_params.TopicScoreCap > 0 && score > _params.TopicScoreCap)
        {
            score = _params.TopicScoreCap;
        }

        score += AppScore(peer);
        if (stats.Ip is not null && _peersByIp.TryGetValue(stats.Ip, out var colocated) && colocated.Count > _params.IPColocationFactorThreshold)
        {
            var surplus = colocated.Count - _params.IPColocationFactorThreshold;
            score += surplus * surplus * _params.IPColocationFactorWeight;
        }

        var excess = stats.BehaviourPenalty - _params.BehaviourPenaltyThreshold;
        if (excess > 0)
        {
            score += excess * excess * _params.BehaviourPenaltyWeight;
        }

        return score;
    }

    /// <summary>Decays counters once per elapsed decay interval and forgets expired disconnected peers.</summary>
    public void Refresh(DateTimeOffset now)
    {
        var intervals = 0;
        while (now - _lastDecay >= _params.DecayInterval && intervals < 1000)
        {
            _lastDecay += _params.DecayInterval;
            intervals++;
        }

        List<PeerId>? expired = null;
        foreach (var (peer, stats) in _peers)
        {
            if (!stats.Connected && now >= stats.Expires)
            {
                (expired ??= []).Add(peer);
                continue;
            }

            for (var i = 0; i < intervals; i++)
            {
                foreach (var (topic, t) in stats.Topics)
                {
                    if (_params.For(topic) is not { } p)
                    {
                        continue;
                    }

                    t.FirstDeliveries = Decay(t.FirstDeliveries, p.FirstMessageDeliveriesDecay);
                    t.MeshDeliveries = Decay(t.MeshDeliveries, p.MeshMessageDeliveriesDecay);
                    t.MeshFailurePenalty = Decay(t.MeshFailurePenalty, p.MeshFailurePenaltyDecay);
                    t.InvalidDeliveries = Decay(t.InvalidDeliveries, p.InvalidMessageDeliveriesDecay);
                }

                stats.BehaviourPenalty = Decay(stats.BehaviourPenalty, _params.BehaviourPenaltyDecay);
            }
        }

        if (expired is not null)
        {
            foreach (var peer in expired)
            {
                RemoveIp(peer, _peers[peer]);
                _peers.Remove(peer);
            }
        }

        ExpireDeliveries(now);
    }

    /// <summary>
    /// The P₆ group of an address: the IPv4 address itself (also when IPv4-mapped), the /64 prefix of an IPv6 address,
    /// or <see langword="null"/> (not counted) when unknown or in a whitelisted network.
    /// </summary>
    private string? ColocationGroup(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _params.IPColocationFactorWhitelist)
        {
            if (network.Contains(address))
            {
                return null;
            }
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> bytes = stackalloc byte[16];
            address.TryWriteBytes(bytes, out _);
            bytes[8..].Clear();
            return new IPAddress(bytes).ToString() + "/64";
        }

        return address.ToString();
    }

    private static bool IsDeliveryActive(TopicStats t, TopicScoreParams p, DateTimeOffset now) =>
        t.InMesh && p.MeshMessageDeliveriesWeight < 0 && now - t.GraftTime >= p.MeshMessageDeliveriesActivation;

    private static void ApplyMeshFailure(TopicStats t, TopicScoreParams? p, DateTimeOffset now)
    {
        if (p is not null && IsDeliveryActive(t, p, now) && t.MeshDeliveries < p.MeshMessageDeliveriesThreshold)
        {
            var deficit = p.MeshMessageDeliveriesThreshold - t.MeshDeliveries;
            t.MeshFailurePenalty += deficit * deficit;
        }
    }

    private double Decay(double value, double decay)
    {
        value *= decay;
        return value < _params.DecayToZero ? 0 : value;
    }

    private double AppScore(PeerId peer) => _params.AppSpecificScore is { } app ? app(peer) * _params.AppSpecificWeight : 0;

    private void MarkFirstDelivery(PeerId peer, string topic)
    {
        if (Topic(peer, topic) is { } t && _params.For(topic) is { } p)
        {
            t.FirstDeliveries = Math.Min(t.FirstDeliveries + 1, p.FirstMessageDeliveriesCap);
            if (t.InMesh)
            {
                t.MeshDeliveries = Math.Min(t.MeshDeliveries + 1, p.MeshMessageDeliveriesCap);
            }
        }
    }

    private void MarkMeshDelivery(PeerId peer, string topic)
    {
        if (Topic(peer, topic) is { InMesh: true } t && _params.For(topic) is { } p)
        {
            t.MeshDeliveries = Math.Min(t.MeshDeliveries + 1, p.MeshMessageDeliveriesCap);
        }
    }

    private void MarkInvalid(PeerId peer, string topic)
    {
        if (Topic(peer, topic) is { } t)
        {
            t.InvalidDeliveries += 1;
        }
    }

    private TopicStats? Topic(PeerId peer, string topic)
    {
        if (!_peers.TryGetValue(peer, out var stats) || _params.For(topic) is null)
        {
            return null;
        }

        if (!stats.Topics.TryGetValue(topic, out var t))
        {
            // Bounded: a peer only gets stats for topics that are scored and that it actually used with us.
            if (stats.Topics.Count >= 1024)
            {
                return null;
            }

            stats.Topics[topic] = t = new TopicStats();
        }

        return t;
    }

    private void RemoveIp(PeerId peer, PeerStats stats)
    {
        if (stats.Ip is not null && _peersByIp.TryGetValue(stats.Ip, out var set))
        {
            set.Remove(peer);
            if (set.Count == 0)
            {
                _peersByIp.Remove(stats.Ip);
            }
        }
    }

    private void ExpireDeliveries(DateTimeOffset now)
    {
        while (_deliveryExpiry.TryPeek(out var head) && head.Expires <= now)
        {
            _deliveryExpiry.Dequeue();
            _deliveries.Remove(head.Id);
        }
    }

    private enum DeliveryStatus
    {
        Unknown,
        Valid,
        Invalid,
        Ignored,
    }

    private sealed class PeerStats
    {
        public bool Connected { get; set; }

        public DateTimeOffset Expires { get; set; }

        public string? Ip { get; set; }

        public double BehaviourPenalty { get; set; }

        public Dictionary<string, TopicStats> Topics { get; } = new(StringComparer.Ordinal);
    }

    private sealed class TopicStats
    {
        public bool InMesh { get; set; }

        public DateTimeOffset GraftTime { get; set; }

        public double FirstDeliveries { get; set; }

        public double MeshDeliveries { get; set; }

        public double MeshFailurePenalty { get; set; }

        public double InvalidDeliveries { get; set; }
    }

    private sealed class DeliveryRecord
    {
        public DeliveryStatus Status { get; set; }

        public DateTimeOffset Validated { get; set; }

        public PeerId? Source { get; set; }

        public List<PeerId> Duplicates { get; } = [];
    }
}
