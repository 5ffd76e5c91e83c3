using Harmony.P2P.Libp2p;
using Harmony.P2P.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.P2P.Kademlia.Wire;

/// <summary>
/// An <see cref="IKadTransport"/> over an <see cref="ILibp2pHost"/>: each request opens a fresh
/// <c>/ipfs/kad/1.0.0</c> stream, writes one length-prefixed message and, when a response is expected, reads one back
/// within <see cref="KadWireOptions.RequestTimeout"/>. Failures (no connection, refusal, reset, timeout, an oversized
/// or undecodable answer) return <see langword="null"/>/<see langword="false"/> and are logged at debug level.
/// </summary>
public sealed partial class Libp2pKadTransport : IKadTransport
{
    private readonly ILibp2pHost _host;
    private readonly KadWireOptions _options;
    private readonly KadOptions _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string[] _protocols;

    /// <summary>Creates the transport.</summary>
    /// <param name="host">The libp2p host.</param>
    /// <param name="options">Wire settings; defaults when omitted.</param>
    /// <param name="limits">Field size limits applied to answers (the node's <see cref="KadOptions"/>); defaults when omitted.</param>
    /// <param name="timeProvider">The clock for timeouts; the system clock when omitted.</param>
    /// <param name="logger">Where failures are logged.</param>
    public Libp2pKadTransport(ILibp2pHost host, KadWireOptions? options = null, KadOptions? limits = null, TimeProvider? timeProvider = null, ILogger<Libp2pKadTransport>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
        _options = options ?? new KadWireOptions();
        _limits = limits ?? new KadOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _protocols = [_options.ProtocolId];
    }

    /// <summary>The <see cref="KadPeer"/> describing a libp2p peer (no addresses).</summary>
    /// <param name="peer">The peer id.</param>
    /// <returns>The Kademlia peer.</returns>
    public static KadPeer ToKadPeer(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return new KadPeer(peer.Bytes);
    }

    /// <inheritdoc />
    public async ValueTask<KadMessage?> RequestAsync(KadPeer peer, KadMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(request);
        return await ExchangeAsync(peer, request, expectResponse: true, cancellationToken).ConfigureAwait(false) switch
        {
            (true, var response) => response,
            _ => null,
        };
    }

    /// <inheritdoc />
    public async ValueTask<bool> SendAsync(KadPeer peer, KadMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(message);
        var (sent, _) = await ExchangeAsync(peer, message, expectResponse: false, cancellationToken).ConfigureAwait(false);
        return sent;
    }

    private async ValueTask<(bool Ok, KadMessage? Response)> ExchangeAsync(KadPeer peer, KadMessage request, bool expectResponse, CancellationToken cancellationToken)
    {
        if (!PeerId.TryFromBytes(peer.Id.Span, out var peerId))
        {
            LogNotAPeerId(_logger, peer);
            return (false, null);
        }

        var payload = KadWireCodec.Encode(request);
        if (payload.Length > _options.MaxMessageSize)
        {
            LogFailed(_logger, peerId, "the request exceeds MaxMessageSize");
            return (false, null);
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ILibp2pChannel? channel = null;
        try
        {
            channel = await _host.OpenStreamAsync(peerId, _protocols, linked.Token).ConfigureAwait(false);
            if (channel is null)
            {
                LogFailed(_logger, peerId, "not connected or the protocol was refused");
                return (false, null);
            }

            if (!await LengthPrefixedFrames.WriteAsync(channel.Output, payload, linked.Token).ConfigureAwait(false))
            {
                LogFailed(_logger, peerId, "the peer closed the stream");
                return (false, null);
            }

            if (!expectResponse)
            {
                await channel.CloseWriteAsync().ConfigureAwait(false);
                return (true, null);
            }

            var frame = await LengthPrefixedFrames.ReadAsync(channel.Input, _options.MaxMessageSize, linked.Token).ConfigureAwait(false);
            if (frame.Status != FrameReadStatus.Frame)
            {
                LogNoFrame(_logger, peerId, frame.Status);
                channel.Reset();
                return (false, null);
            }

            if (!KadWireCodec.TryDecode(frame.Payload, _limits, out var response, out var error))
            {
                LogUndecodable(_logger, peerId, error);
                channel.Reset();
                return (false, null);
            }

            // Responses are matched to requests by stream, and js-libp2p leaves the key out of its answers: an answer
            // without a key answers the key that was asked.
            if (response.Key.IsEmpty && !request.Key.IsEmpty)
            {
                response = new KadMessage(response.Type, request.Key, response.Record, response.CloserPeers, response.ProviderPeers);
            }

            return (true, response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(_logger, peerId, "timed out");
            channel?.Reset();
            return (false, null);
        }
        catch (IOException ex)
        {
            LogError(_logger, peerId, ex);
            return (false, null);
        }
        catch (InvalidOperationException ex)
        {
            LogError(_logger, peerId, ex);
            return (false, null);
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "kad request to {Peer} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, PeerId peer, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "kad request to {Peer} failed: no response frame ({Status})")]
    private static partial void LogNoFrame(ILogger logger, PeerId peer, FrameReadStatus status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "kad request to {Peer} failed: undecodable response ({Reason})")]
    private static partial void LogUndecodable(ILogger logger, PeerId peer, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "kad request to {Peer} failed")]
    private static partial void LogError(ILogger logger, PeerId peer, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "kad request to {Peer} skipped: its id is not a libp2p peer id")]
    private static partial void LogNotAPeerId(ILogger logger, KadPeer peer);
}
