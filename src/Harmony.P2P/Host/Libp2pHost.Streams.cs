using Harmony.P2P.Libp2p;
using Harmony.P2P.Multistream;
using Harmony.P2P.Protocols;
using Harmony.P2P.Transport;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Host;

/// <summary>Outbound streams, inbound stream dispatch and ping.</summary>
public sealed partial class Libp2pHost
{
    /// <inheritdoc />
    public async ValueTask<ILibp2pChannel?> OpenStreamAsync(PeerId peer, IReadOnlyList<string> protocols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(protocols);
        var connection = ConnectionsOf(peer).FirstOrDefault();
        if (connection is null)
        {
            return null;
        }

        return await OpenStreamAsync(connection, protocols, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pings a connected peer over <c>/ipfs/ping/1.0.0</c>.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="cancellationToken">Cancels the ping.</param>
    /// <returns>The round-trip time.</returns>
    /// <exception cref="Libp2pProtocolException">The peer is not connected, does not serve ping, or echoed wrongly.</exception>
    public async Task<TimeSpan> PingAsync(PeerId peer, CancellationToken cancellationToken = default)
    {
        var channel = await OpenStreamAsync(peer, [PingProtocol.ProtocolId], cancellationToken).ConfigureAwait(false)
            ?? throw new Libp2pProtocolException($"ping: {peer} is not connected or does not serve {PingProtocol.ProtocolId}.");
        await using (channel.ConfigureAwait(false))
        {
            return await PingProtocol.PingAsync(channel, _random, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Asks a connected peer for the protocols it serves with multistream-select's <c>ls</c>, on a stream of its own
    /// that is closed afterwards; bounded by <see cref="Libp2pHostOptions.StreamNegotiationTimeout"/> and
    /// <see cref="MultistreamSelect.MaxListLength"/>.
    /// </summary>
    /// <param name="peer">The peer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The protocol ids, or <see langword="null"/> when the peer answers <c>ls</c> with <c>na</c>.</returns>
    /// <exception cref="Libp2pProtocolException">The peer is not connected, refused the stream or answered malformed.</exception>
    /// <exception cref="OperationCanceledException">The timeout or <paramref name="cancellationToken"/> ended the request.</exception>
    public async Task<IReadOnlyList<string>?> ListProtocolsAsync(PeerId peer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var connection = ConnectionsOf(peer).FirstOrDefault()
            ?? throw new Libp2pProtocolException($"ls: {peer} is not connected.");
        var channel = await connection.Session.OpenStreamAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new Libp2pProtocolException($"ls: no stream could be opened to {peer}.");
        await using (channel.ConfigureAwait(false))
        {
            using var timeout = new CancellationTokenSource(_options.StreamNegotiationTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _shutdown.Token);
            try
            {
                return await MultistreamSelect.ListAsync(channel, linked.Token).ConfigureAwait(false);
            }
            catch
            {
                channel.Reset();
                throw;
            }
        }
    }

    private async ValueTask<YamuxChannel?> OpenStreamAsync(Libp2pConnection connection, IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        var channel = await connection.Session.OpenStreamAsync(cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(_options.StreamNegotiationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _shutdown.Token);
        try
        {
            string? protocol = await MultistreamSelect.SelectAsync(channel, protocols, linked.Token).ConfigureAwait(false);
            if (protocol is null)
            {
                await channel.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            channel.Protocol = protocol;
            return channel;
        }
        catch
        {
            channel.Reset();
            throw;
        }
    }

    private async Task OnInboundStreamAsync(Libp2pConnection connection, YamuxChannel channel)
    {
        string? protocol;
        using (var timeout = new CancellationTokenSource(_options.StreamNegotiationTimeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _shutdown.Token))
        {
            try
            {
                protocol = await MultistreamSelect.AcceptAsync(channel, _handlers.ContainsKey, () => Protocols, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Libp2pProtocolException or OperationCanceledException or IOException or InvalidOperationException)
            {
                Libp2pLog.StreamNegotiationFailed(_logger, connection.RemotePeer, e is OperationCanceledException ? "timed out" : e.Message);
                channel.Reset();
                return;
            }
        }

        if (protocol is null || !_handlers.TryGetValue(protocol, out var handler))
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            return;
        }

        channel.Protocol = protocol;
        var task = RunHandlerAsync(handler, channel);
        Track(task);
        await task.ConfigureAwait(false);
    }

    private async Task RunHandlerAsync(ILibp2pProtocolHandler handler, YamuxChannel channel)
    {
        try
        {
            await handler.HandleAsync(channel, _shutdown.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A handler's failure must not take the host down; it is logged and its stream reset.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Libp2pLog.HandlerFailed(_logger, e, channel.Protocol, channel.RemotePeer);
            channel.Reset();
        }
    }
}
