using System.Buffers.Binary;
using System.Net;
using Harmony.P2P.Libp2p;
using Harmony.P2P.PubSub.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.P2P.PubSub;

/// <summary>
/// The gossipsub v1.1 router as a deterministic state machine: inputs are peers added and removed, RPCs received,
/// local publishes, topic joins and leaves, validation results and heartbeats; outputs go to an
/// <see cref="IGossipSubSink"/> (RPCs to send, messages to validate and deliver, peer exchange). It owns no sockets,
/// threads or timers; time comes from a <see cref="TimeProvider"/> and randomness from an injected <see cref="Random"/>,
/// so a seeded run repeats exactly. Not thread-safe: callers serialize all inputs (the libp2p binding holds a lock).
/// Speaks to <c>/meshsub/1.2.0</c> (IDONTWANT), <c>/meshsub/1.1.0</c>, <c>/meshsub/1.0.0</c> (no PX or backoff sent) and
/// <c>/floodsub/1.0.0</c> peers, and keeps the explicit peering agreements of its direct peers.
/// </summary>
public sealed partial class GossipSubRouter
{
    private readonly GossipSubOptions _options;
    private readonly IGossipSubSink _sink;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly IPubSubSigner? _signer;
    private readonly IPubSubSignatureVerifier? _verifier;
    private readonly ILogger _logger;
    private readonly MessageIdFunction _messageId;
    private readonly Dictionary<PeerId, PeerState> _peers = [];
    private readonly Dictionary<string, HashSet<PeerId>> _topicPeers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<PeerId>> _mesh = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<PeerId>> _fanout = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastPublished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<PeerId, DateTimeOffset>> _backoff = new(StringComparer.Ordinal);
    private readonly Dictionary<MessageId, (PeerId From, PubSubMessage Message)> _pending = [];
    private readonly Dictionary<MessageId, Dictionary<PeerId, DateTimeOffset>> _promises = [];
    private readonly Dictionary<PeerId, PubSubRpc> _outbox = [];
    private readonly List<PeerId> _flushOrder = [];
    private readonly MessageCache _cache;
    private readonly SeenCache _seen;
    private readonly PeerScore? _score;
    private readonly byte[]? _publishKey;
    private ulong _seqno;
    private long _heartbeats;

    /// <summary>Creates a router.</summary>
    /// <param name="localPeer">This node's peer id.</param>
    /// <param name="sink">Where outputs go.</param>
    /// <param name="options">Settings; Harmony's defaults when omitted. Validated here.</param>
    /// <param name="timeProvider">The clock; the system clock when omitted.</param>
    /// <param name="random">Randomness for peer selection and the first seqno; a fresh one when omitted.</param>
    /// <param name="signer">Signs published messages; required under <see cref="SignaturePolicy.StrictSign"/>.</param>
    /// <param name="verifier">Checks received signatures; required under <see cref="SignaturePolicy.StrictSign"/>.</param>
    /// <param name="logger">Where refusals are logged.</param>
    /// <exception cref="ArgumentException">The options are invalid, or a signer/verifier is missing under StrictSign, or the signer's key is not the local peer's, or the local peer is listed as a direct peer.</exception>
    public GossipSubRouter(
        PeerId localPeer,
        IGossipSubSink sink,
        GossipSubOptions? options = null,
        TimeProvider? timeProvider = null,
        Random? random = null,
        IPubSubSigner? signer = null,
        IPubSubSignatureVerifier? verifier = null,
        ILogger<GossipSubRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(localPeer);
        ArgumentNullException.ThrowIfNull(sink);
        options ??= new GossipSubOptions();
        var check = new GossipSubOptionsValidator().Validate(null, options);
        if (check.Failed)
        {
            throw new ArgumentException(check.FailureMessage, nameof(options));
        }

        if (options.DirectPeers.Contains(localPeer))
        {
            throw new ArgumentException("The local peer cannot be its own direct peer.", nameof(options));
        }

        if (options.SignaturePolicy == SignaturePolicy.StrictSign)
        {
            if (signer is null || verifier is null)
            {
                throw new ArgumentException("StrictSign needs a signer and a verifier.", nameof(signer));
            }

            if (!PeerId.FromEncodedPublicKey(signer.EncodedPublicKey.Span).Equals(localPeer))
            {
                throw new ArgumentException("The signer's public key is not the local peer's key.", nameof(signer));
            }

            _publishKey = localPeer.TryGetInlinedPublicKey(out _) ? null : signer.EncodedPublicKey.ToArray();
        }

        LocalPeer = localPeer;
        _sink = sink;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _random = random ?? new Random();
        _signer = signer;
        _verifier = verifier;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _messageId = options.ResolvedMessageId;
        _cache = new MessageCache(options.HistoryLength, options.HistoryGossip);
        _seen = new SeenCache(options.SeenTtl, options.MaxSeenMessages);
        _score = options.Score is null ? null : new PeerScore(options.Score, options.SeenTtl, _time.GetUtcNow());
        _seqno = (ulong)_random.NextInt64();
        _direct = [.. options.DirectPeers];
        _direct.Sort(static (a, b) => a.Bytes.SequenceCompareTo(b.Bytes));
        _directSet = [.. _direct];
    }

    /// <summary>This node's peer id.</summary>
    public PeerId LocalPeer { get; }

    /// <summary>The settings (treat as read-only).</summary>
    public GossipSubOptions Options => _options;

    /// <summary>Counters.</summary>
    public GossipSubStatistics Statistics { get; } = new();

    /// <summary>Topics this node has joined.</summary>
    public IReadOnlyCollection<string> JoinedTopics => _joined;

    /// <summary>Connected pubsub peers.</summary>
    public IReadOnlyCollection<PeerId> Peers => _peers.Keys;

    /// <summary>Messages awaiting asynchronous validation.</summary>
    public int PendingValidations => _pending.Count;

    /// <summary>The mesh peers of a topic.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyCollection<PeerId> MeshPeers(string topic) => _mesh.TryGetValue(topic, out var set) ? [.. set] : [];

    /// <summary>The fanout peers of a topic this node publishes to without joining.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyCollection<PeerId> FanoutPeers(string topic) => _fanout.TryGetValue(topic, out var set) ? [.. set] : [];

    /// <summary>The peers known to be subscribed to a topic.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyCollection<PeerId> TopicPeers(string topic) => _topicPeers.TryGetValue(topic, out var set) ? [.. set] : [];

    /// <summary>The current score of a peer (0 with scoring off).</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>The score.</returns>
    public double Score(PeerId peer) => _score?.Score(peer, _time.GetUtcNow()) ?? 0;

    /// <summary>Whether a PRUNE backoff currently forbids grafting <paramref name="peer"/> on <paramref name="topic"/>.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="topic">The topic.</param>
    /// <returns>Whether it is backed off.</returns>
    public bool IsBackedOff(PeerId peer, string topic) =>
        _backoff.TryGetValue(topic, out var peers) && peers.TryGetValue(peer, out var until) && until > _time.GetUtcNow();

    /// <summary>A peer opened a pubsub stream; this node's subscriptions are sent to it.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="kind">The protocol it speaks.</param>
    /// <param name="outbound">Whether this node dialed the connection (counts toward D_out).</param>
    /// <param name="ipAddress">Its IP address, for the colocation score P₆, when the host knows it.</param>
    public void AddPeer(PeerId peer, PubSubPeerKind kind, bool outbound, IPAddress? ipAddress = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.Equals(LocalPeer) || _peers.ContainsKey(peer))
        {
            return;
        }

        _peers[peer] = new PeerState(kind, outbound) { Address = ipAddress };
        _score?.AddPeer(peer, ipAddress);
        if (_joined.Count > 0)
        {
            var rpc = Outbox(peer);
            foreach (var topic in _joined)
            {
                rpc.Subscriptions.Add(new SubscriptionChange(true, topic));
            }
        }

        Flush();
    }

    /// <summary>A peer's pubsub stream ended; it leaves every mesh, fanout and topic.</summary>
    /// <param name="peer">The peer.</param>
    public void RemovePeer(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!_peers.Remove(peer, out var state))
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var topic in state.Topics)
        {
            if (_topicPeers.TryGetValue(topic, out var set))
            {
                set.Remove(peer);
                if (set.Count == 0)
                {
                    _topicPeers.Remove(topic);
                }
            }

            if (_mesh.TryGetValue(topic, out var mesh))
            {
                mesh.Remove(peer);
            }

            if (_fanout.TryGetValue(topic, out var fanout))
            {
                fanout.Remove(peer);
            }
        }

        foreach (var promised in _promises.Values)
        {
            promised.Remove(peer);
        }

        _outbox.Remove(peer);
        _score?.RemovePeer(peer, now);
    }

    /// <summary>Joins a topic: announces the subscription and builds its mesh (from the fanout when there is one).</summary>
    /// <param name="topic">The topic.</param>
    public void Join(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        if (!_joined.Add(topic))
        {
            return;
        }

        foreach (var peer in _peers.Keys)
        {
            Outbox(peer).Subscriptions.Add(new SubscriptionChange(true, topic));
        }

        var mesh = new HashSet<PeerId>();
        _mesh[topic] = mesh;
        if (_fanout.Remove(topic, out var fanout))
        {
            _lastPublished.Remove(topic);
            foreach (var peer in fanout)
            {
                if (Score(peer) >= 0 && mesh.Count < _options.D)
                {
                    Graft(peer, topic);
                }
            }
        }

        var candidates = Candidates(topic, p => !mesh.Contains(p) && !IsBackedOff(p, topic) && Score(p) >= 0);
        foreach (var peer in Take(candidates, _options.D - mesh.Count))
        {
            Graft(peer, topic);
        }

        Flush();
    }

    /// <summary>Leaves a topic: announces it and prunes the mesh with the unsubscribe backoff.</summary>
    /// <param name="topic">The topic.</param>
    public void Leave(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        if (!_joined.Remove(topic))
        {
            return;
        }

        foreach (var peer in _peers.Keys)
        {
            Outbox(peer).Subscriptions.Add(new SubscriptionChange(false, topic));
        }

        if (_mesh.Remove(topic, out var mesh))
        {
            foreach (var peer in mesh)
            {
                _score?.Prune(peer, topic, _time.GetUtcNow());
                QueuePrune(peer, topic, peerExchange: true, _options.UnsubscribeBackoff);
            }
        }

        Flush();
    }

    /// <summary>Publishes a message authored by this node to a topic (joined or not).</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="data">The payload, at most <see cref="PubSubLimits.MaxMessageSize"/> bytes.</param>
    /// <param name="id">The message id.</param>
    /// <returns>Whether the message was accepted for sending (false when oversized; the reason is logged).</returns>
    public bool TryPublish(string topic, ReadOnlyMemory<byte> data, out MessageId id)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        id = default;
        if (data.Length > _options.Limits.MaxMessageSize)
        {
            LogOversizedPublish(_logger, topic, data.Length, _options.Limits.MaxMessageSize);
            return false;
        }

        var message = CreateMessage(topic, data);
        id = _messageId(message);
        var now = _time.GetUtcNow();
        _seen.Add(id, now);
        _cache.Put(id, message);
        foreach (var peer in PublishTargets(topic, now))
        {
            Outbox(peer).Messages.Add(message);
        }

        Statistics.Published++;
        Flush();
        return true;
    }

    private PubSubMessage CreateMessage(string topic, ReadOnlyMemory<byte> data)
    {
        if (_options.SignaturePolicy == SignaturePolicy.StrictNoSign)
        {
            return new PubSubMessage(default, data, default, topic, default, default);
        }

        var seqno = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(seqno, ++_seqno);
        var unsigned = new PubSubMessage(LocalPeer.Memory, data, seqno, topic, default, default);
        var signature = _signer!.Sign(PubSubRpcCodec.SigningPayload(unsigned));
        return unsigned with { Signature = signature, Key = _publishKey };
    }

    private List<PeerId> PublishTargets(string topic, DateTimeOffset now)
    {
        var targets = new List<PeerId>();
        if (!_topicPeers.TryGetValue(topic, out var subscribed))
        {
            return targets;
        }

        var publishThreshold = _options.Thresholds.Publish;
        AddDirectTargets(targets, subscribed);
        if (_options.FloodPublish)
        {
            foreach (var peer in subscribed)
            {
                if (!IsDirect(peer) && Score(peer) >= publishThreshold)
                {
                    targets.Add(peer);
                }
            }

            return targets;
        }

        foreach (var peer in subscribed)
        {
            if (_peers[peer].Kind == PubSubPeerKind.FloodSub && !IsDirect(peer) && Score(peer) >= publishThreshold)
            {
                targets.Add(peer);
            }
        }

        if (_mesh.TryGetValue(topic, out var mesh))
        {
            targets.AddRange(mesh);
            return targets;
        }

        if (!_fanout.TryGetValue(topic, out var fanout))
        {
            fanout = [];
            _fanout[topic] = fanout;
            foreach (var peer in Take(Candidates(topic, p => Score(p) >= publishThreshold), _options.D))
            {
                fanout.Add(peer);
            }
        }

        _lastPublished[topic] = now;
        targets.AddRange(fanout);
        return targets;
    }

    /// <summary>Gossipsub-capable peers subscribed to <paramref name="topic"/>, not direct, that pass <paramref name="filter"/>, shuffled.</summary>
    private List<PeerId> Candidates(string topic, Func<PeerId, bool> filter)
    {
        var list = new List<PeerId>();
        if (_topicPeers.TryGetValue(topic, out var subscribed))
        {
            foreach (var peer in subscribed)
            {
                if (_peers[peer].Kind != PubSubPeerKind.FloodSub && !IsDirect(peer) && filter(peer))
                {
                    list.Add(peer);
                }
            }
        }

        // Sort first so that the shuffle, not the hash order, decides: seeded runs then repeat exactly.
        list.Sort(static (a, b) => a.Bytes.SequenceCompareTo(b.Bytes));
        Shuffle(list);
        return list;
    }

    private static IEnumerable<PeerId> Take(List<PeerId> peers, int count) => peers.Take(Math.Max(0, count));

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private void Graft(PeerId peer, string topic)
    {
        _mesh[topic].Add(peer);
        _score?.Graft(peer, topic, _time.GetUtcNow());
        Outbox(peer).Graft.Add(new ControlGraft(topic));
        Statistics.GraftsSent++;
    }

    private void QueuePrune(PeerId peer, string topic, bool peerExchange, TimeSpan backoff)
    {
        AddBackoff(peer, topic, backoff);
        if (!_peers.TryGetValue(peer, out var state))
        {
            return;
        }

        ControlPrune prune;
        if (state.Kind is not (PubSubPeerKind.GossipSubV11 or PubSubPeerKind.GossipSubV12))
        {
            prune = new ControlPrune(topic, [], null);
        }
        else
        {
            var exchange = new List<PeerExchangeRecord>();
            if (peerExchange && _options.PeerExchange)
            {
                foreach (var candidate in Take(Candidates(topic, p => !p.Equals(peer) && Score(p) >= 0), _options.PrunePeers))
                {
                    exchange.Add(new PeerExchangeRecord(candidate.Memory, SignedRecordOf(candidate)));
                }
            }

            prune = new ControlPrune(topic, exchange, (ulong)backoff.TotalSeconds);
        }

        Outbox(peer).Prune.Add(prune);
        Statistics.PrunesSent++;
    }

    /// <summary>The signed peer record to offer with <paramref name="peer"/> in peer exchange, if one is known and fits the limit.</summary>
    private ReadOnlyMemory<byte> SignedRecordOf(PeerId peer)
    {
        var record = _options.PeerRecords?.Get(peer) ?? ReadOnlyMemory<byte>.Empty;
        return record.Length <= _options.Limits.MaxSignedPeerRecordLength ? record : ReadOnlyMemory<byte>.Empty;
    }

    private void AddBackoff(PeerId peer, string topic, TimeSpan backoff)
    {
        if (!_backoff.TryGetValue(topic, out var peers))
        {
            _backoff[topic] = peers = [];
        }

        var until = _time.GetUtcNow() + backoff;
        if (!peers.TryGetValue(peer, out var existing) || existing < until)
        {
            peers[peer] = until;
        }
    }

    private PubSubRpc Outbox(PeerId peer)
    {
        if (!_outbox.TryGetValue(peer, out var rpc))
        {
            _outbox[peer] = rpc = new PubSubRpc();
        }

        return rpc;
    }

    private void Flush()
    {
        if (_outbox.Count == 0)
        {
            return;
        }

        // Sorted so that a seeded simulation sends in the same order every run; the list is reused across flushes.
        var peers = _flushOrder;
        peers.Clear();
        peers.AddRange(_outbox.Keys);
        if (peers.Count > 1)
        {
            peers.Sort(static (a, b) => a.Bytes.SequenceCompareTo(b.Bytes));
        }

        foreach (var peer in peers)
        {
            var rpc = _outbox[peer];
            if (_peers.TryGetValue(peer, out var state) && state.Kind == PubSubPeerKind.FloodSub)
            {
                rpc.IHave.Clear();
                rpc.IWant.Clear();
                rpc.Graft.Clear();
                rpc.Prune.Clear();
            }

            if (!rpc.IsEmpty)
            {
                _sink.Send(peer, rpc);
            }
        }

        _outbox.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to publish {Size} bytes on {Topic}: larger than MaxMessageSize {Max}")]
    private static partial void LogOversizedPublish(ILogger logger, string topic, int size, int max);

    private sealed class PeerState(PubSubPeerKind kind, bool outbound)
    {
        public PubSubPeerKind Kind { get; } = kind;

        public bool Outbound { get; } = outbound;

        public IPAddress? Address { get; init; }

        public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

        public int IHaveMessages { get; set; }

        public int IAsked { get; set; }

        /// <summary>Message ids the peer asked not to be sent (IDONTWANT), with the heartbeat each arrived in.</summary>
        public Dictionary<MessageId, long> DontWant { get; } = [];

        /// <summary>IDONTWANT ids accepted from the peer in the current heartbeat.</summary>
        public int DontWantThisHeartbeat { get; set; }
    }
}
