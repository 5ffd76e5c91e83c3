using System.Net;
using Microsoft.Extensions.Logging;

namespace Harmony.P2P.Libp2p.InMemory;

/// <summary>
/// A host of an <see cref="InMemoryLibp2pNetwork"/>. It opens streams only to hosts it is connected to and negotiates
/// the first requested protocol the remote host has a handler for; inbound handlers run on the thread pool and a
/// handler that throws has its stream reset and the reason logged.
/// </summary>
public sealed partial class InMemoryLibp2pHost : ILibp2pHost
{
    private readonly object _gate = new();
    private readonly InMemoryLibp2pNetwork _network;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ILibp2pProtocolHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<PeerId, (InMemoryLibp2pHost Host, bool Outbound)> _links = [];
    private readonly Dictionary<InMemoryLibp2pChannel, PeerId> _openPeer = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly PeerProtections _protections = new();

    internal InMemoryLibp2pHost(InMemoryLibp2pNetwork network, PeerId localPeer, IPAddress? address, ILogger logger)
    {
        _network = network;
        LocalPeer = localPeer;
        Address = address;
        _logger = logger;
    }

    /// <summary>The IP address other hosts see for this one, or <see langword="null"/> when none was given.</summary>
    public IPAddress? Address { get; }

    /// <inheritdoc />
    public event Action<PeerId>? PeerConnected;

    /// <inheritdoc />
    public event Action<PeerId>? PeerDisconnected;

    /// <inheritdoc />
    public PeerId LocalPeer { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<PeerId> ConnectedPeers
    {
        get
        {
            lock (_gate)
            {
                return [.. _links.Keys];
            }
        }
    }

    /// <inheritdoc />
    public bool TryGetConnectionInfo(PeerId peer, out Libp2pConnectionInfo info)
    {
        lock (_gate)
        {
            if (!_links.TryGetValue(peer, out var link))
            {
                info = default;
                return false;
            }

            info = new Libp2pConnectionInfo(link.Outbound, link.Host.Address);
            return true;
        }
    }

    /// <inheritdoc />
    /// <remarks>The in-memory host never trims connections; the tags are kept so callers behave as over TCP.</remarks>
    public void Protect(PeerId peer, string tag) => _protections.Protect(peer, tag);

    /// <inheritdoc />
    public bool Unprotect(PeerId peer, string tag) => _protections.Unprotect(peer, tag);

    /// <summary>Whether any tag protects <paramref name="peer"/>.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns><see langword="true"/> when protected.</returns>
    public bool IsProtected(PeerId peer) => _protections.IsProtected(peer);

    /// <summary>The protocol ids this host has handlers for.</summary>
    public IReadOnlyCollection<string> Protocols
    {
        get
        {
            lock (_gate)
            {
                return [.. _handlers.Keys];
            }
        }
    }

    /// <summary>Streams currently open at this host (both directions).</summary>
    public int OpenStreamCount
    {
        get
        {
            lock (_gate)
            {
                return _openPeer.Count;
            }
        }
    }

    internal bool IsDisposed => _shutdown.IsCancellationRequested;

    /// <inheritdoc />
    public void SetHandler(ILibp2pProtocolHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            foreach (var protocol in handler.Protocols)
            {
                _handlers[protocol] = handler;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<ILibp2pChannel?> OpenStreamAsync(PeerId peer, IReadOnlyList<string> protocols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(protocols);
        cancellationToken.ThrowIfCancellationRequested();
        InMemoryLibp2pHost remote;
        lock (_gate)
        {
            if (!_links.TryGetValue(peer, out var link))
            {
                return ValueTask.FromResult<ILibp2pChannel?>(null);
            }

            remote = link.Host;
        }

        foreach (var protocol in protocols)
        {
            var handler = remote.HandlerFor(protocol);
            if (handler is null)
            {
                continue;
            }

            var (dialerEnd, listenerEnd) = InMemoryLibp2pChannel.CreatePair(protocol, LocalPeer, peer, Untrack, remote.Untrack);
            Track(dialerEnd, peer);
            remote.Track(listenerEnd, LocalPeer);
            remote.Serve(handler, listenerEnd);
            return ValueTask.FromResult<ILibp2pChannel?>(dialerEnd);
        }

        return ValueTask.FromResult<ILibp2pChannel?>(null);
    }

    /// <summary>Disconnects from every peer, resets every stream and removes the host from its network.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return ValueTask.CompletedTask;
        }

        _shutdown.Cancel();
        List<InMemoryLibp2pHost> links;
        lock (_gate)
        {
            links = [.. _links.Values.Select(link => link.Host)];
        }

        foreach (var link in links)
        {
            InMemoryLibp2pNetwork.Disconnect(this, link);
        }

        _network.Remove(LocalPeer);
        return ValueTask.CompletedTask;
    }

    internal bool AddLink(InMemoryLibp2pHost other, bool outbound)
    {
        lock (_gate)
        {
            return _links.TryAdd(other.LocalPeer, (other, outbound));
        }
    }

    internal bool RemoveLink(PeerId other)
    {
        List<InMemoryLibp2pChannel> toReset = [];
        bool removed;
        lock (_gate)
        {
            removed = _links.Remove(other);
            foreach (var (channel, peer) in _openPeer)
            {
                if (peer.Equals(other))
                {
                    toReset.Add(channel);
                }
            }
        }

        foreach (var channel in toReset)
        {
            channel.Abort();
        }

        return removed;
    }

    internal void RaiseConnected(PeerId peer) => PeerConnected?.Invoke(peer);

    internal void RaiseDisconnected(PeerId peer) => PeerDisconnected?.Invoke(peer);

    private ILibp2pProtocolHandler? HandlerFor(string protocol)
    {
        lock (_gate)
        {
            return _handlers.GetValueOrDefault(protocol);
        }
    }

    private void Track(InMemoryLibp2pChannel channel, PeerId peer)
    {
        lock (_gate)
        {
            _openPeer[channel] = peer;
        }
    }

    private void Untrack(InMemoryLibp2pChannel channel)
    {
        lock (_gate)
        {
            _openPeer.Remove(channel);
        }
    }

    private void Serve(ILibp2pProtocolHandler handler, InMemoryLibp2pChannel channel)
    {
        var token = _shutdown.Token;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await handler.HandleAsync(channel, token).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failing handler must not take the host down: its stream is reset and the reason logged.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogHandlerFailed(_logger, channel.Protocol, channel.RemotePeer, ex);
                    channel.Reset();
                }
                finally
                {
                    await channel.DisposeAsync().ConfigureAwait(false);
                }
            },
            CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler of {Protocol} failed on a stream from {Peer}; the stream was reset")]
    private static partial void LogHandlerFailed(ILogger logger, string protocol, PeerId peer, Exception exception);
}
