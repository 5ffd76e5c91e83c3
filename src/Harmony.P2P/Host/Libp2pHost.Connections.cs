using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Multistream;
using Harmony.P2P.Noise;
using Harmony.P2P.Transport;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Host;

/// <summary>Dialing, accepting and upgrading connections, and the connection manager's bookkeeping.</summary>
public sealed partial class Libp2pHost
{
    /// <summary>
    /// Connects to a peer: TCP, then Noise (checking the peer id when the address ends in <c>/p2p/…</c>), then yamux.
    /// An existing connection to that peer is reused.
    /// </summary>
    /// <param name="address">A TCP multiaddr, optionally with <c>/p2p/&lt;peer id&gt;</c>.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The authenticated peer id.</returns>
    /// <exception cref="Libp2pProtocolException">The handshake failed, e.g. the remote is not the expected peer.</exception>
    public async Task<PeerId> DialAsync(Multiaddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        var expected = address.PeerId;
        if (expected is not null && ConnectionsOf(expected).Count > 0)
        {
            return expected;
        }

        if (!address.TryGetTcpTarget(out string? host, out int port))
        {
            throw new ArgumentException($"'{address}' is not a TCP multiaddr.", nameof(address));
        }

        if (ConnectionCount >= _options.MaxConnections)
        {
            throw new Libp2pProtocolException($"connection manager: {_options.MaxConnections} connections are already open.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        var tcp = await TcpConnection.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
        var connection = await UpgradeAsync(tcp, outbound: true, expected, linked.Token).ConfigureAwait(false);
        return connection.RemotePeer;
    }

    private async Task OnAcceptedAsync(TcpConnection tcp)
    {
        var remote = Multiaddress.FromTcpEndPoint(tcp.RemoteEndPoint);
        int pending = Interlocked.Increment(ref _pendingHandshakes);
        try
        {
            string? refusal = pending > _options.MaxPendingHandshakes
                ? $"{_options.MaxPendingHandshakes} handshakes are already pending"
                : ConnectionCount >= _options.MaxConnections ? $"{_options.MaxConnections} connections are already open" : null;
            if (refusal is not null)
            {
                Libp2pMetrics.ConnectionsRejected.Add(1);
                Libp2pLog.ConnectionRejected(_logger, remote, refusal);
                tcp.Abort();
                return;
            }

            await UpgradeAsync(tcp, outbound: false, expected: null, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Libp2pProtocolException or IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            string reason = e is OperationCanceledException && !_shutdown.IsCancellationRequested
                ? $"the handshake did not finish within {_options.HandshakeTimeout.TotalSeconds:0.###} s"
                : e.Message;
            Libp2pMetrics.ConnectionsRejected.Add(1);
            Libp2pLog.ConnectionRejected(_logger, remote, reason);
        }
        finally
        {
            Interlocked.Decrement(ref _pendingHandshakes);
        }
    }

    /// <summary>Negotiates Noise and yamux on a fresh TCP connection and registers it; disposes the socket on failure.</summary>
    private async Task<Libp2pConnection> UpgradeAsync(TcpConnection tcp, bool outbound, PeerId? expected, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.HandshakeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        NoiseSession? noise = null;
        try
        {
            string? security = outbound
                ? await MultistreamSelect.SelectAsync(tcp, [NoiseHandshake.ProtocolId], token).ConfigureAwait(false)
                : await MultistreamSelect.AcceptAsync(tcp, p => p == NoiseHandshake.ProtocolId, token).ConfigureAwait(false);
            if (security is null)
            {
                throw new Libp2pProtocolException("the remote does not speak /noise.");
            }

            noise = outbound
                ? await NoiseHandshake.InitiateAsync(tcp, _identity, expected, _random, token).ConfigureAwait(false)
                : await NoiseHandshake.RespondAsync(tcp, _identity, _random, token).ConfigureAwait(false);
            string? muxer = outbound
                ? await MultistreamSelect.SelectAsync(noise, [YamuxSession.ProtocolId], token).ConfigureAwait(false)
                : await MultistreamSelect.AcceptAsync(noise, p => p == YamuxSession.ProtocolId, token).ConfigureAwait(false);
            if (muxer is null)
            {
                throw new Libp2pProtocolException("the remote does not speak /yamux/1.0.0.");
            }
        }
        catch
        {
            if (noise is not null)
            {
                await noise.DisposeAsync().ConfigureAwait(false);
            }

            await tcp.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var connection = new Libp2pConnection(tcp, noise, Multiaddress.FromTcpEndPoint(tcp.RemoteEndPoint), outbound, _time.GetTimestamp());
        connection.Session = new YamuxSession(noise, outbound, noise.RemotePeer, _yamuxOptions, channel => OnInboundStreamAsync(connection, channel), _logger, _time);
        Register(connection);
        return connection;
    }

    private void Register(Libp2pConnection connection)
    {
        bool first;
        lock (_connections)
        {
            if (!_connections.TryGetValue(connection.RemotePeer, out var list))
            {
                list = [];
                _connections[connection.RemotePeer] = list;
            }

            first = list.Count == 0;
            list.Add(connection);
            _connectionCount++;
        }

        string direction = connection.Outbound ? "outbound" : "inbound";
        Libp2pMetrics.ConnectionsOpened.Add(1, new KeyValuePair<string, object?>("direction", direction));
        Libp2pLog.ConnectionEstablished(_logger, connection.RemotePeer, direction, connection.RemoteAddress);
        Track(WatchAsync(connection));
        if (first)
        {
            PeerConnected?.Invoke(connection.RemotePeer);
        }

        if (_options.IdentifyOnConnect)
        {
            Track(IdentifyInBackgroundAsync(connection));
        }

        if (ConnectionCount > _options.HighWatermark)
        {
            Track(TrimConnectionsAsync());
        }
    }

    private async Task WatchAsync(Libp2pConnection connection)
    {
        await connection.Session.Completion.ConfigureAwait(false);
        await connection.CloseAsync().ConfigureAwait(false);
        bool last;
        lock (_connections)
        {
            last = false;
            if (_connections.TryGetValue(connection.RemotePeer, out var list) && list.Remove(connection))
            {
                _connectionCount--;
                if (list.Count == 0)
                {
                    _connections.Remove(connection.RemotePeer);
                    last = true;
                }
            }
        }

        Libp2pMetrics.ConnectionsClosed.Add(1);
        Libp2pLog.ConnectionClosed(_logger, connection.RemotePeer, connection.Session.CloseReason ?? "closed");
        if (last)
        {
            PeerDisconnected?.Invoke(connection.RemotePeer);
        }
    }
}
