namespace Harmony.P2P.Kademlia;

public sealed partial class KadNode
{
    /// <summary>
    /// Answers one inbound request. The request is untrusted: a sender over its rate, an unknown type, an oversized
    /// key, record or peer list, or a record the validator refuses gets no answer (the transport resets the stream) and
    /// is counted in <see cref="Statistics"/>. A client-mode node answers nothing.
    /// </summary>
    /// <param name="sender">The authenticated remote peer.</param>
    /// <param name="senderMode">Whether the sender is a DHT server (learned from identify); only servers enter the routing table.</param>
    /// <param name="request">The request.</param>
    /// <returns>The response, or <see langword="null"/> when there is none to send.</returns>
    public KadMessage? HandleRequest(KadPeer sender, KadMode senderMode, KadMessage request)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(request);
        if (Mode == KadMode.Client)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _rateLimiter ??= new KadRateLimiter(Options.RequestsPerSecondPerPeer, Options.RequestBurstPerPeer, Options.MaxRateLimitedPeers);
            if (!_rateLimiter.TryAcquire(sender.Key, now.UtcTicks))
            {
                Statistics.RateLimitedOne();
                return null;
            }
        }

        if (!IsAcceptablePeer(sender) || request.Key.Length == 0 || request.Key.Length > Options.MaxKeySize
            || !Enum.IsDefined(request.Type))
        {
            Statistics.InvalidRequest();
            return null;
        }

        if (senderMode == KadMode.Server && sender.Key != Self.Key)
        {
            SawServer(sender, mayProbe: false);
        }

        var response = request.Type switch
        {
            KadMessageType.FindNode => new KadMessage(KadMessageType.FindNode, request.Key, closerPeers: CloserPeers(request.Key, sender)),
            KadMessageType.GetValue => HandleGetValue(sender, request, now),
            KadMessageType.PutValue => HandlePutValue(request, now),
            KadMessageType.GetProviders => HandleGetProviders(sender, request, now),
            KadMessageType.AddProvider => HandleAddProvider(sender, request, now),
            KadMessageType.Ping => new KadMessage(KadMessageType.Ping, request.Key),
            _ => null,
        };

        if (response is null && request.Type != KadMessageType.AddProvider)
        {
            Statistics.InvalidRequest();
        }
        else
        {
            Statistics.Handled();
        }

        return response;
    }

    private List<KadPeer> CloserPeers(ReadOnlyMemory<byte> key, KadPeer exclude)
    {
        var target = KadKey.Hash(key.Span);
        lock (_gate)
        {
            var closest = RoutingTable.GetClosest(target, Options.BucketSize + 1);
            closest.RemoveAll(p => p.Key == exclude.Key);
            if (closest.Count > Options.BucketSize)
            {
                closest.RemoveAt(closest.Count - 1);
            }

            return closest;
        }
    }

    private KadMessage HandleGetValue(KadPeer sender, KadMessage request, DateTimeOffset now)
    {
        KadRecord? record = null;
        lock (_gate)
        {
            if (_records is not null && _records.TryGet(KadKey.Hash(request.Key.Span), now, Options.MaxRecordAge, out var stored))
            {
                record = stored;
            }
        }

        return new KadMessage(KadMessageType.GetValue, request.Key, record, CloserPeers(request.Key, sender));
    }

    private KadMessage? HandlePutValue(KadMessage request, DateTimeOffset now)
    {
        var record = request.Record;
        if (record is null || !record.Key.Span.SequenceEqual(request.Key.Span) || record.Value.Length > Options.MaxValueSize
            || !Validator.Validate(request.Key.Span, record.Value.Span))
        {
            return null;
        }

        StoreIfBetter(request.Key, record.Value, now);
        return request;
    }

    /// <summary>Stores a validated value unless the stored one is better by <see cref="IKadRecordValidator.Select"/>.</summary>
    private void StoreIfBetter(ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, DateTimeOffset now)
    {
        var hashed = KadKey.Hash(key.Span);
        lock (_gate)
        {
            _records ??= new KadRecordStore(Options.MaxStoredRecords);
            if (_records.TryGet(hashed, now, Options.MaxRecordAge, out var existing))
            {
                ReadOnlyMemory<byte>[] pair = [existing.Value, value];
                if (Validator.Select(key.Span, pair) == 0 && !existing.Value.Span.SequenceEqual(value.Span))
                {
                    return;
                }
            }

            _records.Put(hashed, new KadRecord(key.ToArray(), value.ToArray(), now), now);
        }
    }

    private KadMessage HandleGetProviders(KadPeer sender, KadMessage request, DateTimeOffset now)
    {
        List<KadPeer> providers;
        lock (_gate)
        {
            providers = _providers?.Get(KadKey.Hash(request.Key.Span), now, Options.MaxProviderPeersPerResponse) ?? [];
        }

        return new KadMessage(KadMessageType.GetProviders, request.Key, closerPeers: CloserPeers(request.Key, sender), providerPeers: providers);
    }

    /// <summary>Records the sender as a provider; provider entries naming anyone else are ignored (kad-dht rule).</summary>
    private KadMessage? HandleAddProvider(KadPeer sender, KadMessage request, DateTimeOffset now)
    {
        if (request.ProviderPeers.Count == 0 || request.ProviderPeers.Count > Options.MaxProviderPeersPerResponse)
        {
            Statistics.InvalidRequest();
            return null;
        }

        var recorded = false;
        foreach (var provider in request.ProviderPeers)
        {
            if (provider.Key == sender.Key && IsAcceptablePeer(provider))
            {
                lock (_gate)
                {
                    _providers ??= new KadProviderStore(Options.MaxProviderKeys, Options.MaxProvidersPerKey);
                    recorded |= _providers.Add(KadKey.Hash(request.Key.Span), provider, now + Options.ProviderRecordExpiry);
                }
            }
        }

        if (!recorded)
        {
            Statistics.InvalidRequest();
        }

        return null;
    }

    private bool IsAcceptablePeer(KadPeer peer)
    {
        if (peer.Id.Length > Options.MaxPeerIdSize || peer.Addresses.Count > Options.MaxAddressesPerPeer)
        {
            return false;
        }

        return true;
    }

    /// <summary>Checks an answer against the request it answers; anything unexpected makes the whole answer untrusted.</summary>
    private bool IsAcceptableResponse(KadMessage request, KadMessage response)
    {
        if (response.Type != request.Type || !response.Key.Span.SequenceEqual(request.Key.Span)
            || response.CloserPeers.Count > Options.MaxCloserPeersPerResponse
            || response.ProviderPeers.Count > Options.MaxProviderPeersPerResponse)
        {
            return false;
        }

        // Unsolicited content: records only answer GET_VALUE (or echo PUT_VALUE), providers only answer GET_PROVIDERS.
        if ((response.Record is not null && request.Type is not (KadMessageType.GetValue or KadMessageType.PutValue))
            || (response.ProviderPeers.Count > 0 && request.Type != KadMessageType.GetProviders))
        {
            return false;
        }

        if (response.Record is { } record && request.Type == KadMessageType.GetValue
            && (!record.Key.Span.SequenceEqual(request.Key.Span) || record.Value.Length > Options.MaxValueSize
                || !Validator.Validate(record.Key.Span, record.Value.Span)))
        {
            return false;
        }

        foreach (var peer in response.CloserPeers)
        {
            if (!IsAcceptablePeer(peer))
            {
                return false;
            }
        }

        foreach (var peer in response.ProviderPeers)
        {
            if (!IsAcceptablePeer(peer))
            {
                return false;
            }
        }

        return true;
    }
}
