using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Protocols;
using Harmony.P2P.Transport;
using Harmony.P2P.Yamux;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.P2P.Host;

/// <summary>
/// A libp2p host over TCP: connections are secured with Noise and multiplexed with yamux, both negotiated by
/// multistream-select; identify (<c>/ipfs/id/1.0.0</c>) and ping (<c>/ipfs/ping/1.0.0</c>) are served built in, and
/// other protocols through <see cref="SetHandler"/>; multistream-select answers <c>ls</c> with the served protocols. A
/// connection manager enforces <see cref="Libp2pHostOptions"/> (connections, pending handshakes, streams per
/// connection, frame sizes, timeouts, keep-alive), closes offending connections with a logged reason, and trims the
/// least valuable connections when their number passes the high watermark (see <see cref="Protect"/>);
/// <see cref="DisposeAsync"/> shuts down gracefully (go-away on every session).
/// </summary>
public sealed partial class Libp2pHost : ILibp2pHost
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly Libp2pPrivateKey _identity;
    private readonly Libp2pHostOptions _options;
    private readonly YamuxOptions _yamuxOptions;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator _random;
    private readonly ConcurrentDictionary<string, ILibp2pProtocolHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<PeerId, List<Libp2pConnection>> _connections = [];
    private readonly List<TcpListenerLoop> _listeners = [];
    private readonly List<Multiaddress> _listenAddresses = [];
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _shutdown = new();
    private int _pendingHandshakes;
    private int _connectionCount;

    /// <summary>Creates a host; call <see cref="StartAsync"/> or <see cref="Listen"/> to accept connections.</summary>
    /// <param name="identity">The host's identity key (the host does not dispose it).</param>
    /// <param name="options">Limits and identify settings.</param>
    /// <param name="loggerFactory">Logging; connection failures and protocol violations are logged with their reason.</param>
    /// <param name="timeProvider">The clock for timeouts and ping round trips.</param>
    /// <param name="random">The source of Noise keys and ping payloads.</param>
    /// <exception cref="ArgumentException">The yamux settings of <paramref name="options"/> are invalid (keep-alive, windows, streams, frame size).</exception>
    public Libp2pHost(
        Libp2pPrivateKey identity,
        Libp2pHostOptions options,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        _identity = identity;
        _options = options;
        _yamuxOptions = options.ToYamuxOptions();
        var yamux = new YamuxOptionsValidator().Validate(null, _yamuxOptions);
        if (yamux.Failed)
        {
            // Checked here rather than failing every connection later; the other settings are checked by
            // Libp2pHostOptionsValidator (at start-up with DI), and the host copes with any of their values.
            throw new ArgumentException($"Invalid yamux settings in Libp2pHostOptions: {yamux.FailureMessage}", nameof(options));
        }
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<Libp2pHost>();
        _time = timeProvider ?? TimeProvider.System;
        _random = random ?? RandomNumberGenerator.Create();
        SetHandler(new PingProtocol());
        SetHandler(new IdentifyResponder(this));
    }

    /// <inheritdoc />
    public PeerId LocalPeer => _identity.PeerId;

    /// <summary>The addresses the host listens on (with the real ports), without <c>/p2p</c>.</summary>
    public IReadOnlyList<Multiaddress> ListenAddresses
    {
        get
        {
            lock (_listenAddresses)
            {
                return [.. _listenAddresses];
            }
        }
    }

    /// <inheritdoc />
    public bool TryGetConnectionInfo(PeerId peer, out Libp2pConnectionInfo info)
    {
        lock (_connections)
        {
            if (!_connections.TryGetValue(peer, out var list) || list.Count == 0)
            {
                info = default;
                return false;
            }

            // Dual-mode sockets report IPv4 peers as ::ffff:a.b.c.d; the plain IPv4 form keeps one peer one address.
            var address = list[0].Tcp.RemoteEndPoint.Address;
            info = new Libp2pConnectionInfo(list.Exists(c => c.Outbound), address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
            return true;
        }
    }

    /// <summary>The protocol ids served, as identify announces them.</summary>
    public IReadOnlyList<string> Protocols => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    /// <inheritdoc />
    public IReadOnlyCollection<PeerId> ConnectedPeers
    {
        get
        {
            lock (_connections)
            {
                return [.. _connections.Keys];
            }
        }
    }

    /// <summary>The number of established connections.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <inheritdoc />
    public event Action<PeerId>? PeerConnected;

    /// <inheritdoc />
    public event Action<PeerId>? PeerDisconnected;

    /// <summary>Raised when identify with a peer has completed.</summary>
    public event Action<PeerId, IdentifyMessage>? PeerIdentified;

    /// <inheritdoc />
    public void SetHandler(ILibp2pProtocolHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        foreach (string protocol in handler.Protocols)
        {
            _handlers[protocol] = handler;
        }
    }

    /// <summary>Listens on every address of <see cref="Libp2pHostOptions.ListenAddresses"/>.</summary>
    /// <param name="cancellationToken">Unused; listening starts synchronously.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (string address in _options.ListenAddresses)
        {
            Listen(Multiaddress.Parse(address));
        }

        return Task.CompletedTask;
    }

    /// <summary>Listens on a TCP multiaddr (<c>/ip4/…/tcp/…</c> or <c>/ip6/…/tcp/…</c>; port 0 picks a free port).</summary>
    /// <param name="address">The address.</param>
    /// <returns>The bound address with the real port.</returns>
    public Multiaddress Listen(Multiaddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        if (!address.TryGetTcpTarget(out string? host, out int port) || !IPAddress.TryParse(host, out var ip))
        {
            throw new ArgumentException($"'{address}' is not an /ip4 or /ip6 TCP multiaddr.", nameof(address));
        }

        var listener = TcpListenerLoop.Start(new IPEndPoint(ip, port), OnAcceptedAsync);
        var bound = Multiaddress.FromTcpEndPoint(listener.LocalEndPoint);
        lock (_listenAddresses)
        {
            _listeners.Add(listener);
            _listenAddresses.Add(bound);
        }

        Libp2pLog.Listening(_logger, LocalPeer, bound);
        return bound;
    }

    /// <summary>What identify reported about a connected peer, once it has run.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>The identify message, or <see langword="null"/>.</returns>
    public IdentifyMessage? GetIdentify(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_connections)
        {
            return _connections.TryGetValue(peer, out var list) ? list.Select(c => c.Identify).FirstOrDefault(i => i is not null) : null;
        }
    }

    /// <summary>The round-trip time yamux keep-alive last measured on the connection to a peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>The time, or <see langword="null"/> when the peer is not connected or no ping was answered yet.</returns>
    public TimeSpan? GetRoundTripTime(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var roundTrip = ConnectionsOf(peer).Select(c => c.Session.RoundTripTime).FirstOrDefault(t => t > TimeSpan.Zero);
        return roundTrip > TimeSpan.Zero ? roundTrip : null;
    }

    /// <summary>Closes every connection to a peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async Task DisconnectAsync(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        foreach (var connection in ConnectionsOf(peer))
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening, sends go-away on every connection, closes them and waits (briefly) for handlers.</summary>
    /// <returns>A task that completes when the host has shut down.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        StopTrimTimer();
        List<TcpListenerLoop> listeners;
        lock (_listenAddresses)
        {
            listeners = [.. _listeners];
            _listeners.Clear();
        }

        foreach (var listener in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        List<Libp2pConnection> all;
        lock (_connections)
        {
            all = [.. _connections.Values.SelectMany(list => list)];
        }

        await Task.WhenAll(all.Select(c => c.CloseAsync())).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(ShutdownGrace, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Handlers that ignore cancellation are left behind; their streams are already closed.
        }
        catch (Exception e) when (e is OperationCanceledException or Libp2pProtocolException or IOException)
        {
            // Handler failures were logged where they happened.
        }

        _shutdown.Dispose();
    }

    private List<Libp2pConnection> ConnectionsOf(PeerId peer)
    {
        lock (_connections)
        {
            return _connections.TryGetValue(peer, out var list) ? [.. list] : [];
        }
    }

    private void Track(Task task)
    {
        _running[task] = true;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
