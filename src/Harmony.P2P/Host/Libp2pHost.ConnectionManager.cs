using Harmony.P2P.Libp2p;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Host;

/// <summary>
/// The connection manager's watermarks: above <see cref="Libp2pHostOptions.HighWatermark"/> connections the least
/// valuable are closed until <see cref="Libp2pHostOptions.LowWatermark"/> remain.
/// </summary>
public sealed partial class Libp2pHost
{
    private readonly Dictionary<PeerId, HashSet<string>> _protections = [];
    private readonly SemaphoreSlim _trimLock = new(1, 1);
    private readonly Lock _trimTimerGate = new();
    private ITimer? _trimTimer;

    /// <summary>
    /// Keeps every connection to <paramref name="peer"/> out of watermark trimming while at least one tag protects
    /// it (for example <c>"gossipsub-mesh"</c> for mesh peers or <c>"validator"</c> for the committee). Tags are
    /// independent: the peer stays protected until each is removed with <see cref="Unprotect"/>.
    /// </summary>
    /// <param name="peer">The peer, connected or not.</param>
    /// <param name="tag">Who protects it.</param>
    public void Protect(PeerId peer, string tag)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        lock (_protections)
        {
            if (!_protections.TryGetValue(peer, out var tags))
            {
                tags = new HashSet<string>(StringComparer.Ordinal);
                _protections[peer] = tags;
            }

            tags.Add(tag);
        }
    }

    /// <summary>Removes one protection tag from a peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="tag">The tag given to <see cref="Protect"/>.</param>
    /// <returns>Whether the peer is still protected by another tag.</returns>
    public bool Unprotect(PeerId peer, string tag)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(tag);
        lock (_protections)
        {
            if (!_protections.TryGetValue(peer, out var tags))
            {
                return false;
            }

            tags.Remove(tag);
            if (tags.Count == 0)
            {
                _protections.Remove(peer);
                return false;
            }

            return true;
        }
    }

    /// <summary>Whether any tag protects <paramref name="peer"/> from trimming.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns><see langword="true"/> when protected.</returns>
    public bool IsProtected(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_protections)
        {
            return _protections.ContainsKey(peer);
        }
    }

    /// <summary>
    /// When more than <see cref="Libp2pHostOptions.HighWatermark"/> connections are open, closes the least valuable
    /// until <see cref="Libp2pHostOptions.LowWatermark"/> remain, each with a logged reason. Never closed: connections
    /// to protected peers and connections younger than <see cref="Libp2pHostOptions.ConnectionGracePeriod"/> (a retry
    /// is scheduled for when the oldest of those leaves its grace period). Among the rest, closed first are those with
    /// the fewest open streams, then inbound before outbound (this host chose to dial the latter), then the newest
    /// before the older (an older connection has proven itself). The host runs this whenever a new connection takes
    /// it above the high watermark; call it to trim at another moment.
    /// </summary>
    /// <returns>The number of connections closed.</returns>
    public async Task<int> TrimConnectionsAsync()
    {
        List<(Libp2pConnection Connection, string Reason)> victims;
        await _trimLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_shutdown.IsCancellationRequested)
            {
                return 0;
            }

            victims = SelectTrimVictims();
            foreach (var (connection, reason) in victims)
            {
                Libp2pMetrics.ConnectionsTrimmed.Add(1);
                Libp2pLog.ConnectionTrimmed(_logger, connection.RemotePeer, connection.RemoteAddress, reason);

                // CloseAsync marks the connection closing before its first await, so the next trim no longer counts it.
                Track(connection.CloseAsync());
            }
        }
        finally
        {
            _trimLock.Release();
        }

        return victims.Count;
    }

    private List<(Libp2pConnection Connection, string Reason)> SelectTrimVictims()
    {
        List<Libp2pConnection> open;
        lock (_connections)
        {
            open = [.. _connections.Values.SelectMany(list => list).Where(c => !c.IsClosing)];
        }

        if (open.Count <= _options.HighWatermark)
        {
            return [];
        }

        long now = _time.GetTimestamp();
        var candidates = new List<TrimCandidate>(open.Count);
        TimeSpan? nextGraceEnd = null;
        foreach (var connection in open)
        {
            var age = _time.GetElapsedTime(connection.OpenedAt, now);
            if (IsProtected(connection.RemotePeer))
            {
                continue;
            }

            if (age < _options.ConnectionGracePeriod)
            {
                var left = _options.ConnectionGracePeriod - age;
                nextGraceEnd = nextGraceEnd is null || left < nextGraceEnd ? left : nextGraceEnd;
                continue;
            }

            candidates.Add(new TrimCandidate(connection, connection.Session.StreamCount, age));
        }

        candidates.Sort(static (a, b) =>
        {
            int order = a.Streams.CompareTo(b.Streams);
            if (order == 0)
            {
                order = a.Connection.Outbound.CompareTo(b.Connection.Outbound);
            }

            return order != 0 ? order : a.Age.CompareTo(b.Age);
        });

        int excess = open.Count - Math.Max(0, _options.LowWatermark);
        int take = Math.Clamp(excess, 0, candidates.Count);
        var victims = new List<(Libp2pConnection, string)>(take);
        for (int i = 0; i < take; i++)
        {
            var candidate = candidates[i];
            string reason = $"{open.Count} connections exceed the high watermark of {_options.HighWatermark}; trimming to {_options.LowWatermark} " +
                $"(this one: {candidate.Streams} streams, {(candidate.Connection.Outbound ? "outbound" : "inbound")}, open {candidate.Age.TotalSeconds:0.#} s)";
            victims.Add((candidate.Connection, reason));
        }

        if (open.Count - take > _options.HighWatermark && nextGraceEnd is { } wait)
        {
            ScheduleTrim(wait);
        }

        return victims;
    }

    /// <summary>Arms (or re-arms) the one-shot timer of a later trim.</summary>
    private void ScheduleTrim(TimeSpan due)
    {
        lock (_trimTimerGate)
        {
            if (_shutdown.IsCancellationRequested)
            {
                return;
            }

            _trimTimer ??= _time.CreateTimer(static state => ((Libp2pHost)state!).OnTrimTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _trimTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTrimTimer() => Track(TrimConnectionsAsync());

    private void StopTrimTimer()
    {
        lock (_trimTimerGate)
        {
            _trimTimer?.Dispose();
            _trimTimer = null;
        }
    }

    private readonly record struct TrimCandidate(Libp2pConnection Connection, int Streams, TimeSpan Age);
}
