namespace Harmony.P2P.Kademlia;

/// <summary>
/// One Kademlia DHT node with libp2p kad-dht semantics: a k-bucket routing table, iterative lookups (α in flight,
/// β resiliency, optional disjoint paths), values with a pluggable validator, provider records and the inbound
/// request handler. It owns no sockets and no threads: requests leave through an <see cref="IKadTransport"/>,
/// requests arrive through <see cref="HandleRequest"/>, and time and randomness are injected.
/// </summary>
public sealed partial class KadNode
{
    private readonly object _gate = new();
    private readonly IKadTransport _transport;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private KadRecordStore? _records;
    private KadProviderStore? _providers;
    private KadRateLimiter? _rateLimiter;

    /// <summary>Creates a node.</summary>
    /// <param name="self">This node's peer descriptor.</param>
    /// <param name="transport">How requests reach other peers.</param>
    /// <param name="options">Settings; the defaults when omitted. Validated here.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <param name="random">Randomness for refresh targets; a fresh <see cref="System.Random"/> when omitted (pass a seeded one for reproducible runs).</param>
    /// <param name="validator">The record validator; <see cref="AcceptAllRecordValidator"/> when omitted.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public KadNode(
        KadPeer self,
        IKadTransport transport,
        KadOptions? options = null,
        TimeProvider? timeProvider = null,
        Random? random = null,
        IKadRecordValidator? validator = null)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(transport);
        options ??= new KadOptions();
        var check = new KadOptionsValidator().Validate(null, options);
        if (check.Failed)
        {
            throw new ArgumentException(check.FailureMessage, nameof(options));
        }

        Self = self;
        _transport = transport;
        Options = options;
        _time = timeProvider ?? TimeProvider.System;
        _random = random ?? new Random();
        Validator = validator ?? AcceptAllRecordValidator.Instance;
        RoutingTable = new KadRoutingTable(self.Key, options.BucketSize, options.ReplacementCacheSize);
    }

    /// <summary>This node's peer descriptor.</summary>
    public KadPeer Self { get; }

    /// <summary>The settings (treat as read-only once the node exists).</summary>
    public KadOptions Options { get; }

    /// <summary>Whether this node serves the DHT.</summary>
    public KadMode Mode => Options.Mode;

    /// <summary>The record validator.</summary>
    public IKadRecordValidator Validator { get; }

    /// <summary>
    /// The routing table. Read it through <see cref="GetClosestPeers"/> or under no concurrent traffic; the node
    /// mutates it as messages arrive.
    /// </summary>
    public KadRoutingTable RoutingTable { get; }

    /// <summary>Counters of traffic and refusals.</summary>
    public KadStatistics Statistics { get; } = new();

    /// <summary>Number of value records stored here.</summary>
    public int StoredRecordCount
    {
        get
        {
            lock (_gate)
            {
                return _records?.Count ?? 0;
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> routing-table peers closest to <paramref name="target"/>.</summary>
    /// <param name="target">The key.</param>
    /// <param name="count">How many.</param>
    /// <returns>Closest first.</returns>
    public IReadOnlyList<KadPeer> GetClosestPeers(KadKey target, int count)
    {
        lock (_gate)
        {
            return RoutingTable.GetClosest(target, count);
        }
    }

    /// <summary>
    /// Adds a peer that is known to be a live DHT server (for example from a trusted configuration) without asking
    /// it. Prefer <see cref="BootstrapAsync"/>, which verifies peers by querying them.
    /// </summary>
    /// <param name="peer">The peer.</param>
    /// <returns>What the routing table did.</returns>
    public KadTableUpdate AddTrustedPeer(KadPeer peer)
    {
        lock (_gate)
        {
            return RoutingTable.Update(peer, _time.GetUtcNow().UtcTicks);
        }
    }

    /// <summary>Sends one request, validates the answer, and updates the routing table from the outcome.</summary>
    internal async Task<KadMessage?> QueryAsync(KadPeer peer, KadMessage request, CancellationToken cancellationToken)
    {
        Statistics.Sent();
        var response = await _transport.RequestAsync(peer, request, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            Statistics.Failed();
            lock (_gate)
            {
                RoutingTable.RecordFailure(peer.Key, Options.MaxFailuresBeforeEviction);
            }

            return null;
        }

        if (!IsAcceptableResponse(request, response))
        {
            Statistics.RejectedResponse();
            lock (_gate)
            {
                RoutingTable.RecordFailure(peer.Key, Options.MaxFailuresBeforeEviction);
            }

            return null;
        }

        // Only servers answer kad requests, so a peer that answered may enter the routing table.
        SawServer(peer, mayProbe: true);
        return response;
    }

    /// <summary>
    /// Records a live server. When its bucket is full and <paramref name="mayProbe"/> (the peer answered one of our
    /// requests), the oldest entry is checked before it is evicted. Inbound requests never trigger a check: a check is
    /// itself an inbound request at its receiver, so they could set off a chain of checks across the network.
    /// </summary>
    private void SawServer(KadPeer peer, bool mayProbe)
    {
        KadPeer? oldest = null;
        var now = _time.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (RoutingTable.Update(peer, now) == KadTableUpdate.BucketFull)
            {
                var bucket = RoutingTable.BucketFor(peer.Key);
                if (mayProbe && bucket is { Probing: false } && now - bucket.OldestSeenTicks >= Options.LivenessCheckAge.Ticks)
                {
                    bucket.Probing = true;
                    oldest = bucket.Oldest;
                }
            }
        }

        if (oldest is not null)
        {
            _ = ProbeAsync(oldest);
        }
    }

    /// <summary>
    /// Ping-before-evict. PING is deprecated in kad-dht (answered, never sent), so the liveness check is a FIND_NODE
    /// for our own id. A silent oldest entry is evicted and the freshest replacement takes its place.
    /// </summary>
    private async Task ProbeAsync(KadPeer oldest)
    {
        Statistics.Sent();
        var response = await _transport.RequestAsync(oldest, new KadMessage(KadMessageType.FindNode, Self.Id)).ConfigureAwait(false);
        var alive = response is not null && response.Type == KadMessageType.FindNode;
        if (!alive)
        {
            Statistics.Failed();
        }

        lock (_gate)
        {
            var bucket = RoutingTable.BucketFor(oldest.Key);
            if (bucket is not null)
            {
                bucket.Probing = false;
            }

            if (alive)
            {
                RoutingTable.Update(oldest, _time.GetUtcNow().UtcTicks);
            }
            else
            {
                RoutingTable.Remove(oldest.Key);
            }
        }
    }

    private Task<KadLookupResult> LookupAsync(ReadOnlyMemory<byte> key, KadMessage request, Func<KadPeer, KadMessage, bool>? onResponse, CancellationToken cancellationToken, int? disjointPaths = null)
    {
        var target = KadKey.Hash(key.Span);
        List<KadPeer> seeds;
        lock (_gate)
        {
            seeds = RoutingTable.GetClosest(target, Options.BucketSize);
            var bucket = RoutingTable.BucketFor(target);
            if (bucket is not null)
            {
                bucket.LastLookupTicks = _time.GetUtcNow().UtcTicks;
            }
        }

        Statistics.LookupStarted();
        return new KadLookup(this, target, request, onResponse, disjointPaths ?? Options.DisjointPaths, cancellationToken).RunAsync(seeds);
    }
}
