namespace Harmony.P2P.Kademlia;

public sealed partial class KadNode
{
    /// <summary>
    /// Bucket refresh: looks up this node's own id, then a random key in every bucket up to the deepest non-empty one
    /// that saw no lookup for <see cref="KadOptions.RefreshInterval"/> (all of them when <paramref name="force"/>).
    /// </summary>
    /// <param name="force">Refresh every bucket regardless of its last lookup.</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>How many bucket lookups ran (besides the own-id lookup).</returns>
    public async Task<int> RefreshAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var nowTicks = _time.GetUtcNow().UtcTicks;
        var keys = new List<byte[]>();
        lock (_gate)
        {
            var deepest = -1;
            for (var i = 0; i < KadKey.Bits; i++)
            {
                if (RoutingTable.BucketCount(i) > 0)
                {
                    deepest = i;
                }
            }

            for (var i = 0; i <= deepest; i++)
            {
                var bucket = RoutingTable.Bucket(i);
                var last = bucket?.LastLookupTicks ?? 0;
                if (force || nowTicks - last >= Options.RefreshInterval.Ticks)
                {
                    keys.Add(KadRefreshKeys.ForBucket(Self.Key, i, _random));
                    if (bucket is not null)
                    {
                        bucket.LastLookupTicks = nowTicks;
                    }
                }
            }
        }

        var lookups = new List<Task<KadLookupResult>>(keys.Count + 1) { FindClosestPeersAsync(Self.Id, cancellationToken) };
        foreach (var key in keys)
        {
            lookups.Add(FindClosestPeersAsync(key, cancellationToken));
        }

        await Task.WhenAll(lookups).ConfigureAwait(false);
        return keys.Count;
    }

    /// <summary>
    /// Announces again every provided key whose last announcement is <see cref="KadOptions.ProviderRepublishInterval"/>
    /// old, and drops expired value and provider records.
    /// </summary>
    /// <param name="cancellationToken">Cancels the republish.</param>
    /// <returns>How many keys were announced again.</returns>
    public async Task<int> RepublishAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var due = new List<ReadOnlyMemory<byte>>();
        lock (_gate)
        {
            _records?.RemoveExpired(now, Options.MaxRecordAge);
            _providers?.RemoveExpired(now);
            foreach (var provided in _provided.Values)
            {
                if (now - provided.LastAnnounced >= Options.ProviderRepublishInterval)
                {
                    due.Add(provided.Key);
                }
            }
        }

        foreach (var key in due)
        {
            await ProvideAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    /// <summary>Stops announcing <paramref name="key"/> (its records lapse after <see cref="KadOptions.ProviderRecordExpiry"/>).</summary>
    /// <param name="key">A key passed to <see cref="ProvideAsync"/>.</param>
    /// <returns>Whether it was being provided.</returns>
    public bool StopProviding(ReadOnlyMemory<byte> key)
    {
        lock (_gate)
        {
            return _provided.Remove(KadKey.Hash(key.Span));
        }
    }

    /// <summary>
    /// Starts the periodic work on the injected clock: bucket refresh every <see cref="KadOptions.RefreshInterval"/> and
    /// a republish/expiry pass every hour (or every republish interval, if shorter). Dispose the result to stop.
    /// </summary>
    /// <returns>A handle that stops the timers.</returns>
    public IDisposable StartMaintenance()
    {
        var republishPeriod = Options.ProviderRepublishInterval < TimeSpan.FromHours(1) ? Options.ProviderRepublishInterval : TimeSpan.FromHours(1);
        var refresh = _time.CreateTimer(_ => _ = RefreshAsync(), null, Options.RefreshInterval, Options.RefreshInterval);
        var republish = _time.CreateTimer(_ => _ = RepublishAsync(), null, republishPeriod, republishPeriod);
        return new Maintenance(refresh, republish);
    }

    private sealed class Maintenance(ITimer refresh, ITimer republish) : IDisposable
    {
        public void Dispose()
        {
            refresh.Dispose();
            republish.Dispose();
        }
    }
}
