using Harmony.P2P.Libp2p;
using Harmony.P2P.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.P2P.Kademlia.Wire;

/// <summary>
/// Serves inbound <c>/ipfs/kad/1.0.0</c> streams with a <see cref="KadNode"/>: reads length-prefixed requests (several
/// per stream are allowed), answers each through <see cref="KadNode.HandleRequest"/>, and resets the stream with a
/// logged reason on an oversized, truncated or undecodable frame or a request the node refuses.
/// </summary>
public sealed partial class KadProtocolHandler : ILibp2pProtocolHandler
{
    private readonly KadNode _node;
    private readonly KadWireOptions _options;
    private readonly Func<PeerId, KadMode> _senderMode;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="node">The node that answers.</param>
    /// <param name="options">Wire settings; defaults when omitted.</param>
    /// <param name="senderMode">
    /// Whether a remote peer is a DHT server (normally learned from identify: it lists the kad protocol). Only servers
    /// enter the routing table. When omitted every sender counts as a client, so the table fills only from peers that
    /// answered this node's own requests.
    /// </param>
    /// <param name="timeProvider">The clock for the idle timeout; the system clock when omitted.</param>
    /// <param name="logger">Where refusals are logged.</param>
    public KadProtocolHandler(KadNode node, KadWireOptions? options = null, Func<PeerId, KadMode>? senderMode = null, TimeProvider? timeProvider = null, ILogger<KadProtocolHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        _node = node;
        _options = options ?? new KadWireOptions();
        _senderMode = senderMode ?? (static _ => KadMode.Client);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Protocols = [_options.ProtocolId];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Protocols { get; }

    /// <inheritdoc />
    public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var owned = stream.ConfigureAwait(false);
        var sender = Libp2pKadTransport.ToKadPeer(stream.RemotePeer);
        var mode = _senderMode(stream.RemotePeer);
        while (true)
        {
            FrameReadResult frame;
            using (var idle = new CancellationTokenSource(_options.InboundIdleTimeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token))
            {
                try
                {
                    frame = await LengthPrefixedFrames.ReadAsync(stream.Input, _options.MaxMessageSize, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    stream.Reset();
                    return;
                }
                catch (IOException)
                {
                    return;
                }
            }

            if (frame.Status == FrameReadStatus.EndOfStream)
            {
                return;
            }

            if (frame.Status != FrameReadStatus.Frame)
            {
                LogBadFrame(_logger, stream.RemotePeer, frame.Status, frame.AnnouncedLength);
                stream.Reset();
                return;
            }

            if (!KadWireCodec.TryDecode(frame.Payload, _node.Options, out var request, out var error))
            {
                LogRefused(_logger, stream.RemotePeer, error);
                stream.Reset();
                return;
            }

            var response = _node.HandleRequest(sender, mode, request);
            if (response is null)
            {
                if (request.Type == KadMessageType.AddProvider)
                {
                    continue;
                }

                LogNodeRefused(_logger, stream.RemotePeer, request.Type);
                stream.Reset();
                return;
            }

            if (!await LengthPrefixedFrames.WriteAsync(stream.Output, KadWireCodec.Encode(response), cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "kad stream from {Peer} reset: {Reason}")]
    private static partial void LogRefused(ILogger logger, PeerId peer, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "kad stream from {Peer} reset: frame {Status} (announced {Length} bytes)")]
    private static partial void LogBadFrame(ILogger logger, PeerId peer, FrameReadStatus status, ulong length);

    [LoggerMessage(Level = LogLevel.Information, Message = "kad stream from {Peer} reset: the node refused the {Type} request")]
    private static partial void LogNodeRefused(ILogger logger, PeerId peer, KadMessageType type);
}
