namespace Harmony.P2P.Kademlia;

public sealed partial class KadNode
{
    private readonly Dictionary<KadKey, ProvidedKey> _provided = [];

    /// <summary>
    /// Joins the DHT: asks each bootstrap peer for the peers closest to this node (adding those that answer),
    /// looks up its own id, then refreshes every bucket.
    /// </summary>
    /// <param name="bootstrapPeers">Known DHT servers.</param>
    /// <param name="cancellationToken">Cancels the join.</param>
    /// <returns>The routing-table size afterwards.</returns>
    public async Task<int> BootstrapAsync(IEnumerable<KadPeer> bootstrapPeers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bootstrapPeers);
        var hello = new KadMessage(KadMessageType.FindNode, Self.Id);
        var asks = new List<Task<KadMessage?>>();
        foreach (var peer in bootstrapPeers)
        {
            if (peer.Key != Self.Key)
            {
                asks.Add(QueryAsync(peer, hello, cancellationToken));
            }
        }

        await Task.WhenAll(asks).ConfigureAwait(false);
        await FindClosestPeersAsync(Self.Id, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(force: true, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return RoutingTable.Count;
        }
    }

    /// <summary>FIND_NODE lookup: the k peers closest to <paramref name="key"/> that answered.</summary>
    /// <param name="key">The key bytes (a peer id, or any DHT key); its SHA-256 is the target.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The lookup result.</returns>
    public Task<KadLookupResult> FindClosestPeersAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default) =>
        LookupAsync(key, new KadMessage(KadMessageType.FindNode, key), null, cancellationToken);

    /// <summary>FIND_NODE lookup over <paramref name="disjointPaths"/> disjoint paths (S/Kademlia), whatever <see cref="KadOptions.DisjointPaths"/> says.</summary>
    /// <param name="key">The key bytes; its SHA-256 is the target.</param>
    /// <param name="disjointPaths">d: 1 for a plain lookup, 4–8 as a hardening against eclipse attempts.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The lookup result, merged over the paths.</returns>
    public Task<KadLookupResult> FindClosestPeersAsync(ReadOnlyMemory<byte> key, int disjointPaths, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(disjointPaths);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(disjointPaths, Options.BucketSize);
        return LookupAsync(key, new KadMessage(KadMessageType.FindNode, key), null, cancellationToken, disjointPaths);
    }

    /// <summary>Finds a peer by id: a FIND_NODE lookup that succeeds when the peer itself answered.</summary>
    /// <param name="peerId">The peer id bytes.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The peer, or <see langword="null"/>.</returns>
    public async Task<KadPeer?> FindPeerAsync(ReadOnlyMemory<byte> peerId, CancellationToken cancellationToken = default)
    {
        var target = KadKey.Hash(peerId.Span);
        var result = await FindClosestPeersAsync(peerId, cancellationToken).ConfigureAwait(false);
        return result.ClosestPeers.Count > 0 && result.ClosestPeers[0].Key == target ? result.ClosestPeers[0] : null;
    }

    /// <summary>
    /// PUT_VALUE: validates the record, finds the k closest peers to the key and sends it to each; a server also
    /// keeps a copy.
    /// </summary>
    /// <param name="key">The record key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the store.</param>
    /// <returns>How many remote peers acknowledged the store.</returns>
    /// <exception cref="ArgumentException">The key or value is over its size limit or the validator refuses the record.</exception>
    public async Task<int> PutValueAsync(ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        if (key.Length == 0 || key.Length > Options.MaxKeySize || value.Length > Options.MaxValueSize)
        {
            throw new ArgumentException($"Keys are 1..{Options.MaxKeySize} bytes and values at most {Options.MaxValueSize} bytes.", nameof(key));
        }

        if (!Validator.Validate(key.Span, value.Span))
        {
            throw new ArgumentException("The record validator refuses this value.", nameof(value));
        }

        var now = _time.GetUtcNow();
        if (Mode == KadMode.Server)
        {
            StoreIfBetter(key, value, now);
        }

        var lookup = await FindClosestPeersAsync(key, cancellationToken).ConfigureAwait(false);
        return await PutToAsync(lookup.ClosestPeers, key, value, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// GET_VALUE: collects valid records from the closest peers until the quorum is reached or the lookup converges,
    /// picks the best with <see cref="IKadRecordValidator.Select"/>, and sends it back to peers that answered with an
    /// outdated copy or none (entry correction).
    /// </summary>
    /// <param name="key">The record key.</param>
    /// <param name="quorum">Records to collect before stopping; <see cref="KadOptions.GetValueQuorum"/> when omitted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value (if found), with the lookup's statistics.</returns>
    public async Task<KadValueResult> GetValueAsync(ReadOnlyMemory<byte> key, int? quorum = null, CancellationToken cancellationToken = default)
    {
        var wanted = quorum ?? Options.GetValueQuorum;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wanted);
        var values = new List<ReadOnlyMemory<byte>>();
        var holders = new List<KadPeer>();
        var withoutRecord = new List<KadPeer>();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_records is not null && _records.TryGet(KadKey.Hash(key.Span), now, Options.MaxRecordAge, out var local))
            {
                values.Add(local.Value);
                holders.Add(Self);
            }
        }

        var lookup = await LookupAsync(
            key,
            new KadMessage(KadMessageType.GetValue, key),
            (peer, response) =>
            {
                if (response.Record is { } record)
                {
                    values.Add(record.Value);
                    holders.Add(peer);
                }
                else
                {
                    withoutRecord.Add(peer);
                }

                return values.Count >= wanted;
            },
            cancellationToken).ConfigureAwait(false);

        if (values.Count == 0)
        {
            return new KadValueResult(null, 0, 0, lookup);
        }

        var best = values[Validator.Select(key.Span, values)];
        var stale = new List<KadPeer>();
        for (var i = 0; i < holders.Count; i++)
        {
            if (!ReferenceEquals(holders[i], Self) && !values[i].Span.SequenceEqual(best.Span))
            {
                stale.Add(holders[i]);
            }
        }

        // When the lookup converged, peers among the k closest that answered without any copy get one as well.
        foreach (var peer in withoutRecord)
        {
            if (!lookup.StoppedEarly && IndexOf(lookup.ClosestPeers, peer) >= 0)
            {
                stale.Add(peer);
            }
        }

        var corrected = stale.Count == 0 ? 0 : await PutToAsync(stale, key, best, now, cancellationToken).ConfigureAwait(false);
        return new KadValueResult(best, values.Count, corrected, lookup);
    }

    /// <summary>
    /// ADD_PROVIDER: announces this node as a provider of <paramref name="key"/> to the k closest peers and remembers
    /// the key so that <see cref="RepublishAsync"/> announces it again every <see cref="KadOptions.ProviderRepublishInterval"/>.
    /// </summary>
    /// <param name="key">The provider key (a multihash; see <see cref="KadDiscovery.NamespaceKey"/>).</param>
    /// <param name="cancellationToken">Cancels the announcement.</param>
    /// <returns>How many peers the announcement was handed to.</returns>
    public async Task<int> ProvideAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        if (key.Length == 0 || key.Length > Options.MaxKeySize)
        {
            throw new ArgumentException($"Keys are 1..{Options.MaxKeySize} bytes.", nameof(key));
        }

        var now = _time.GetUtcNow();
        var hashed = KadKey.Hash(key.Span);
        lock (_gate)
        {
            _provided[hashed] = new ProvidedKey(key.ToArray(), now);
            if (Mode == KadMode.Server)
            {
                _providers ??= new KadProviderStore(Options.MaxProviderKeys, Options.MaxProvidersPerKey);
                _providers.Add(hashed, Self, now + Options.ProviderRecordExpiry);
            }
        }

        var lookup = await FindClosestPeersAsync(key, cancellationToken).ConfigureAwait(false);
        var announcement = new KadMessage(KadMessageType.AddProvider, key, providerPeers: [Self]);
        var sends = new Task<bool>[lookup.ClosestPeers.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            Statistics.Sent();
            sends[i] = _transport.SendAsync(lookup.ClosestPeers[i], announcement, cancellationToken).AsTask();
        }

        var delivered = await Task.WhenAll(sends).ConfigureAwait(false);
        return delivered.Count(d => d);
    }

    /// <summary>GET_PROVIDERS: collects providers of <paramref name="key"/> until <paramref name="maxProviders"/> are found or the lookup converges.</summary>
    /// <param name="key">The provider key.</param>
    /// <param name="maxProviders">Stop after this many distinct providers.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The providers, with the lookup's statistics.</returns>
    public async Task<KadProvidersResult> FindProvidersAsync(ReadOnlyMemory<byte> key, int maxProviders = 20, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxProviders);
        var found = new List<KadPeer>();
        var seen = new HashSet<KadKey>();
        lock (_gate)
        {
            foreach (var p in _providers?.Get(KadKey.Hash(key.Span), _time.GetUtcNow(), maxProviders) ?? [])
            {
                if (seen.Add(p.Key))
                {
                    found.Add(p);
                }
            }
        }

        if (found.Count >= maxProviders)
        {
            var none = new KadLookupResult(KadKey.Hash(key.Span), [], [], 0, 0, 0, 0, true);
            return new KadProvidersResult(found, none);
        }

        var lookup = await LookupAsync(
            key,
            new KadMessage(KadMessageType.GetProviders, key),
            (_, response) =>
            {
                foreach (var p in response.ProviderPeers)
                {
                    if (found.Count < maxProviders && seen.Add(p.Key))
                    {
                        found.Add(p);
                    }
                }

                return found.Count >= maxProviders;
            },
            cancellationToken).ConfigureAwait(false);
        return new KadProvidersResult(found, lookup);
    }

    private static int IndexOf(IReadOnlyList<KadPeer> peers, KadPeer peer)
    {
        for (var i = 0; i < peers.Count; i++)
        {
            if (peers[i].Key == peer.Key)
            {
                return i;
            }
        }

        return -1;
    }

    private async Task<int> PutToAsync(IReadOnlyList<KadPeer> peers, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var put = new KadMessage(KadMessageType.PutValue, key, new KadRecord(key, value, now));
        var sends = new Task<KadMessage?>[peers.Count];
        for (var i = 0; i < sends.Length; i++)
        {
            sends[i] = QueryAsync(peers[i], put, cancellationToken);
        }

        var answers = await Task.WhenAll(sends).ConfigureAwait(false);
        return answers.Count(a => a is not null);
    }

    private readonly record struct ProvidedKey(ReadOnlyMemory<byte> Key, DateTimeOffset LastAnnounced);
}
