using Harmony.Crypto.Encoding.Protobuf;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.P2P.PubSub;

/// <summary>
/// Gossipsub on a libp2p host: the thin binding that runs a <see cref="GossipSubRouter"/> over
/// <c>/meshsub/1.1.0</c> (also <c>/meshsub/1.0.0</c> and <c>/floodsub/1.0.0</c>) streams. Each peer gets one outbound
/// stream written from a bounded queue of at most <see cref="GossipSubOptions.OutboundQueueSize"/> RPCs, in which an RPC
/// is merged into the newest queued one when the receiver's view stays the same (so a burst of publishes goes out as a
/// few frames of up to 64 KiB), and any number of inbound streams read as length-prefixed RPCs; the heartbeat
/// runs on a <see cref="TimeProvider"/> timer; topic validators may be asynchronous. All router calls are serialized
/// by one lock; subscribers are called outside it.
/// </summary>
public sealed partial class GossipSub : ILibp2pProtocolHandler, IGossipSubSink, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly ILibp2pHost _host;
    private readonly GossipSubOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<PeerId, Outbound> _outbound = [];
    private readonly Dictionary<PeerId, int> _inboundStreams = [];
    private readonly Dictionary<string, TopicValidator> _validators = new(StringComparer.Ordinal);
    private readonly List<ReceivedPubSubMessage> _toDeliver = [];
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _heartbeat;
    private int _started;
    private volatile bool _deliveriesQueued;
    private long _droppedRpcs;

    /// <summary>Creates the service; call <see cref="Start"/> to register it with the host.</summary>
    /// <param name="host">The libp2p host.</param>
    /// <param name="options">Router settings; Harmony's defaults when omitted.</param>
    /// <param name="signer">Signs published messages (required under StrictSign).</param>
    /// <param name="verifier">Checks received signatures (required under StrictSign).</param>
    /// <param name="timeProvider">The clock; the system clock when omitted.</param>
    /// <param name="random">Randomness for the router; a fresh one when omitted.</param>
    /// <param name="loggerFactory">Logs; none when omitted.</param>
    public GossipSub(
        ILibp2pHost host,
        GossipSubOptions? options = null,
        IPubSubSigner? signer = null,
        IPubSubSignatureVerifier? verifier = null,
        TimeProvider? timeProvider = null,
        Random? random = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
        _options = options ?? new GossipSubOptions();
        _time = timeProvider ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<GossipSub>();
        Router = new GossipSubRouter(host.LocalPeer, this, _options, _time, random, signer, verifier, loggerFactory.CreateLogger<GossipSubRouter>());
    }

    /// <summary>Raised (outside the router lock) for every accepted message of a joined topic.</summary>
    public event Action<ReceivedPubSubMessage>? MessageReceived;

    /// <summary>Raised with the peers a well-scored peer offered in a PRUNE; connect to some of them to widen the mesh.</summary>
    public event Action<PeerId, string, IReadOnlyList<PeerExchangeRecord>>? PeerExchangeReceived;

    /// <summary>The router. Read its state under no concurrent traffic, or through this service's methods.</summary>
    public GossipSubRouter Router { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Protocols => PubSubProtocols.All;

    /// <summary>Most encoded bytes of an RPC made by merging queued ones (far below every implementation's frame limit).</summary>
    internal const int CoalescedRpcBytes = 64 * 1024;

    /// <summary>Most messages of one received RPC handled per trip through the router lock.</summary>
    internal const int MessagesPerLock = 16;

    /// <summary>RPCs dropped because a peer's outbound queue was full.</summary>
    public long DroppedRpcs => Interlocked.Read(ref _droppedRpcs);

    /// <summary>Registers the protocol handler, follows connections and starts the heartbeat.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        _host.SetHandler(this);
        _host.PeerConnected += OnPeerConnected;
        _host.PeerDisconnected += OnPeerDisconnected;
        foreach (var peer in _host.ConnectedPeers)
        {
            OnPeerConnected(peer);
        }

        _heartbeat = _time.CreateTimer(_ => Locked(static r => r.Heartbeat()), null, _options.HeartbeatInitialDelay, _options.HeartbeatInterval);
    }

    /// <summary>The mesh peers of a topic (a snapshot taken under the router lock).</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The peers.</returns>
    public IReadOnlyCollection<PeerId> MeshPeers(string topic)
    {
        lock (_gate)
        {
            return Router.MeshPeers(topic);
        }
    }

    /// <summary>The peers known to be subscribed to a topic (a snapshot taken under the router lock).</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The peers.</returns>
    public IReadOnlyCollection<PeerId> TopicPeers(string topic)
    {
        lock (_gate)
        {
            return Router.TopicPeers(topic);
        }
    }

    /// <summary>Joins a topic.</summary>
    /// <param name="topic">The topic.</param>
    public void Join(string topic) => Locked(r => r.Join(topic));

    /// <summary>Leaves a topic.</summary>
    /// <param name="topic">The topic.</param>
    public void Leave(string topic) => Locked(r => r.Leave(topic));

    /// <summary>Publishes a message authored by this node.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="data">The payload.</param>
    /// <param name="id">The message id.</param>
    /// <returns>Whether it was sent (false when oversized).</returns>
    public bool TryPublish(string topic, ReadOnlyMemory<byte> data, out MessageId id)
    {
        bool ok;
        lock (_gate)
        {
            ok = Router.TryPublish(topic, data, out id);
        }

        DispatchDeliveries();
        return ok;
    }

    /// <summary>Sets the validator of a topic (replacing any earlier one); messages of topics without one are accepted.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="validator">The validator.</param>
    public void SetValidator(string topic, TopicValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        lock (_gate)
        {
            _validators[topic] = validator;
        }
    }

    /// <inheritdoc />
    public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var owned = stream.ConfigureAwait(false);
        var peer = stream.RemotePeer;
        if (PubSubProtocols.KindOf(stream.Protocol) is not { } kind)
        {
            stream.Reset();
            return;
        }

        lock (_gate)
        {
            _inboundStreams[peer] = _inboundStreams.GetValueOrDefault(peer) + 1;
        }

        EnsureOutbound(peer);
        AddRouterPeer(peer, kind);
        try
        {
            await ReadRpcsAsync(stream, peer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EndInboundStream(peer);
        }
    }

    /// <summary>Reads length-prefixed RPCs from an inbound stream until it ends, fails or breaks a bound.</summary>
    private async Task ReadRpcsAsync(ILibp2pChannel stream, PeerId peer, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        while (true)
        {
            FrameReadResult frame;
            try
            {
                frame = await LengthPrefixedFrames.ReadAsync(stream.Input, _options.Limits.MaxRpcSize, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (IOException)
            {
                return;
            }

            if (frame.Status == FrameReadStatus.EndOfStream)
            {
                return;
            }

            if (frame.Status != FrameReadStatus.Frame)
            {
                LogBadFrame(_logger, peer, frame.Status, frame.AnnouncedLength);
                stream.Reset();
                return;
            }

            // The frame's bytes are this call's own array: the decoded messages may point into it instead of copying.
            if (!PubSubRpcCodec.TryDecodeWithoutCopy(frame.Payload, _options.Limits, out var rpc, out var error))
            {
                LogBadRpc(_logger, peer, error);
                stream.Reset();
                return;
            }

            HandleRpc(peer, rpc);
        }
    }

    /// <summary>Stops the heartbeat and closes every outbound stream.</summary>
    /// <returns>A task that completes when the writers have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _host.PeerConnected -= OnPeerConnected;
        _host.PeerDisconnected -= OnPeerDisconnected;
        if (_heartbeat is not null)
        {
            await _heartbeat.DisposeAsync().ConfigureAwait(false);
        }

        List<Outbound> all;
        lock (_gate)
        {
            all = [.. _outbound.Values];
            _outbound.Clear();
        }

        foreach (var outbound in all)
        {
            outbound.Queue.Complete();
            await outbound.Writer.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    void IGossipSubSink.Send(PeerId peer, PubSubRpc rpc)
    {
        if (_outbound.TryGetValue(peer, out var outbound) && !outbound.Queue.TryEnqueue(rpc))
        {
            Interlocked.Increment(ref _droppedRpcs);
            LogQueueFull(_logger, peer);
        }
    }

    ValidationResult? IGossipSubSink.Validate(PeerId from, MessageId id, PubSubMessage message)
    {
        if (!_validators.TryGetValue(message.Topic, out var validator))
        {
            return ValidationResult.Accept;
        }

        ValueTask<ValidationResult> pending;
        try
        {
            pending = validator(from, message, _stop.Token);
        }
#pragma warning disable CA1031 // A throwing validator must not break the router: the message is ignored.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogValidatorFailed(_logger, ex);
            return ValidationResult.Ignore;
        }

        if (pending.IsCompletedSuccessfully)
        {
            return pending.Result;
        }

        _ = CompleteLaterAsync(id, pending);
        return null;
    }

    void IGossipSubSink.Deliver(PeerId from, MessageId id, PubSubMessage message)
    {
        _toDeliver.Add(new ReceivedPubSubMessage(id, from, message));
        _deliveriesQueued = true;
    }

    void IGossipSubSink.PeerExchange(PeerId from, string topic, IReadOnlyList<PeerExchangeRecord> peers)
    {
        PeerExchangeReceived?.Invoke(from, topic, peers);
        LearnPeerExchange(peers);
    }

    void IGossipSubSink.ConnectDirectPeer(PeerId peer)
    {
        if (_host.TryGetConnectionInfo(peer, out _))
        {
            EnsureOutbound(peer);
        }
        else if (_options.DirectPeerDialer is { } dial)
        {
            _ = Task.Run(() => DialDirectPeerAsync(peer, dial));
        }
    }

    /// <summary>Tells the router the peer's connection direction (for D_out) and IP address (for P₆), as the host knows them.</summary>
    private void AddRouterPeer(PeerId peer, PubSubPeerKind kind)
    {
        var known = _host.TryGetConnectionInfo(peer, out var connection);
        Locked(r => r.AddPeer(peer, kind, known && connection.Outbound, known ? connection.RemoteAddress : null));
    }

    private async Task DialDirectPeerAsync(PeerId peer, Func<PeerId, CancellationToken, ValueTask> dial)
    {
        try
        {
            await dial(peer, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // A failed dial is retried at the next reconnect heartbeat; it must not escape the fire-and-forget task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDirectDialFailed(_logger, peer, ex);
        }
    }

    private async Task CompleteLaterAsync(MessageId id, ValueTask<ValidationResult> pending)
    {
        ValidationResult result;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A throwing validator must not lose the message's slot: it counts as an ignore.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogValidatorFailed(_logger, ex);
            result = ValidationResult.Ignore;
        }

        Locked(r => r.CompleteValidation(id, result));
    }

    /// <summary>
    /// Hands a received RPC to the router. A large one without control entries (a coalesced burst) goes in slices of
    /// at most <see cref="MessagesPerLock"/> messages, in order, subscriptions with the first slice, so that the router
    /// lock, under which signatures are checked, is never held for a whole burst.
    /// </summary>
    private void HandleRpc(PeerId peer, PubSubRpc rpc)
    {
        var messages = rpc.HasControl ? 0 : rpc.Messages.Count;
        for (var start = 0; start == 0 || start < messages; start += MessagesPerLock)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            var slice = messages <= MessagesPerLock ? rpc : Slice(rpc, start, Math.Min(MessagesPerLock, messages - start));
            lock (_gate)
            {
                Router.HandleRpc(peer, slice);
            }

            DispatchDeliveries();
        }
    }

    /// <summary>Messages [start, start + count) of an RPC without control entries, with its subscriptions when first.</summary>
    internal static PubSubRpc Slice(PubSubRpc rpc, int start, int count)
    {
        var slice = new PubSubRpc();
        if (start == 0)
        {
            foreach (var sub in rpc.Subscriptions)
            {
                slice.Subscriptions.Add(sub);
            }
        }

        for (var i = start; i < start + count; i++)
        {
            slice.Messages.Add(rpc.Messages[i]);
        }

        return slice;
    }

    private void Locked(Action<GossipSubRouter> action)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        lock (_gate)
        {
            action(Router);
        }

        DispatchDeliveries();
    }

    private void DispatchDeliveries()
    {
        // Most calls (every publish) deliver nothing: skip the second trip through the lock then.
        if (!_deliveriesQueued)
        {
            return;
        }

        List<ReceivedPubSubMessage> batch;
        lock (_gate)
        {
            _deliveriesQueued = false;
            if (_toDeliver.Count == 0)
            {
                return;
            }

            batch = [.. _toDeliver];
            _toDeliver.Clear();
        }

        foreach (var message in batch)
        {
            MessageReceived?.Invoke(message);
        }
    }

    private void OnPeerConnected(PeerId peer) => EnsureOutbound(peer);

    /// <summary>Counts an inbound stream as ended; the last one of a peer without an outbound stream removes the peer.</summary>
    private void EndInboundStream(PeerId peer)
    {
        lock (_gate)
        {
            int left = _inboundStreams.GetValueOrDefault(peer) - 1;
            if (left > 0)
            {
                _inboundStreams[peer] = left;
                return;
            }

            _inboundStreams.Remove(peer);
            if (!_stop.IsCancellationRequested && !_outbound.ContainsKey(peer))
            {
                Router.RemovePeer(peer);
            }
        }
    }

    private void OnPeerDisconnected(PeerId peer)
    {
        Outbound? outbound;
        lock (_gate)
        {
            _outbound.Remove(peer, out outbound);
            Router.RemovePeer(peer);
        }

        outbound?.Queue.Complete();
    }

    private void EnsureOutbound(PeerId peer)
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested || _outbound.ContainsKey(peer))
            {
                return;
            }

            var coalesce = Math.Min(CoalescedRpcBytes, _options.Limits.MaxRpcSize);
            var outbound = new Outbound(new GossipSubOutboundQueue(_options.OutboundQueueSize, coalesce, _options.Limits.MaxMessagesPerRpc));
            _outbound[peer] = outbound;
            outbound.Writer = Task.Run(() => WriteLoopAsync(peer, outbound));
        }
    }

    private async Task WriteLoopAsync(PeerId peer, Outbound outbound)
    {
        ILibp2pChannel? stream = null;
        try
        {
            stream = await _host.OpenStreamAsync(peer, PubSubProtocols.All, _stop.Token).ConfigureAwait(false);
            if (stream is null || PubSubProtocols.KindOf(stream.Protocol) is not { } kind)
            {
                LogNoStream(_logger, peer);
                return;
            }

            AddRouterPeer(peer, kind);
            var queue = outbound.Queue;
            while (await queue.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                // Everything queued so far goes out in one flush (one yamux frame and one Noise record when it fits).
                while (queue.TryDequeue(out var rpc, out var size))
                {
                    if (size <= _options.Limits.MaxRpcSize)
                    {
                        WriteFrame(stream.Output, rpc, size);
                        continue;
                    }

                    foreach (var (part, partSize) in Split(rpc))
                    {
                        if (partSize > _options.Limits.MaxRpcSize)
                        {
                            LogOversizedRpc(_logger, peer, partSize);
                            continue;
                        }

                        WriteFrame(stream.Output, part, partSize);
                    }
                }

                var flush = await stream.Output.FlushAsync(_stop.Token).ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException ex)
        {
            LogWriteFailed(_logger, peer, ex);
        }
        catch (InvalidOperationException ex)
        {
            LogWriteFailed(_logger, peer, ex);
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            lock (_gate)
            {
                // A peer whose inbound stream is still being read stays a router peer: its RPCs keep counting.
                if (_outbound.TryGetValue(peer, out var current) && current == outbound)
                {
                    _outbound.Remove(peer);
                    if (!_stop.IsCancellationRequested && !_inboundStreams.ContainsKey(peer))
                    {
                        Router.RemovePeer(peer);
                    }
                }
            }
        }
    }

    /// <summary>Writes one length-prefixed RPC straight into the stream's buffer (no intermediate array).</summary>
    private static void WriteFrame(System.IO.Pipelines.PipeWriter output, PubSubRpc rpc, int size)
    {
        var header = Varint.Size((ulong)size);
        var span = output.GetSpan(header + size);
        Varint.Write(span, (ulong)size);
        if (PubSubRpcCodec.EncodeExactly(rpc, span.Slice(header, size)) != size)
        {
            throw new InvalidOperationException("A queued RPC changed after it was queued.");
        }

        output.Advance(header + size);
    }

    /// <summary>Splits an RPC whose encoding exceeds the frame limit into one RPC per message plus the rest.</summary>
    private static IEnumerable<(PubSubRpc Rpc, int Size)> Split(PubSubRpc rpc)
    {
        if (rpc.Messages.Count <= 1)
        {
            yield return (rpc, PubSubRpcCodec.GetSize(rpc));
            yield break;
        }

        foreach (var message in rpc.Messages)
        {
            var single = new PubSubRpc();
            single.Messages.Add(message);
            yield return (single, PubSubRpcCodec.GetSize(single));
        }

        rpc.Messages.Clear();
        if (!rpc.IsEmpty)
        {
            yield return (rpc, PubSubRpcCodec.GetSize(rpc));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pubsub stream from {Peer} reset: frame {Status} (announced {Length} bytes)")]
    private static partial void LogBadFrame(ILogger logger, PeerId peer, FrameReadStatus status, ulong length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pubsub stream from {Peer} reset: {Reason}")]
    private static partial void LogBadRpc(ILogger logger, PeerId peer, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound pubsub queue to {Peer} is full; an RPC was dropped")]
    private static partial void LogQueueFull(ILogger logger, PeerId peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Peer} offers no pubsub protocol")]
    private static partial void LogNoStream(ILogger logger, PeerId peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an RPC of {Size} bytes to {Peer}: larger than MaxRpcSize")]
    private static partial void LogOversizedRpc(ILogger logger, PeerId peer, int size);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Writing pubsub RPCs to {Peer} failed")]
    private static partial void LogWriteFailed(ILogger logger, PeerId peer, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dialing direct peer {Peer} failed; retried at the next reconnect heartbeat")]
    private static partial void LogDirectDialFailed(ILogger logger, PeerId peer, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A topic validator threw; the message is ignored")]
    private static partial void LogValidatorFailed(ILogger logger, Exception exception);

    private sealed class Outbound(GossipSubOutboundQueue queue)
    {
        public GossipSubOutboundQueue Queue { get; } = queue;

        public Task Writer { get; set; } = Task.CompletedTask;
    }
}
