using System.Buffers;
using System.IO.Pipelines;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.P2P.Yamux;

/// <summary>
/// A yamux session (<c>/yamux/1.0.0</c>) over a secured connection: streams with SYN/ACK/FIN/RST, flow-control
/// windows that start at 256 KiB and grow for fast readers (see <see cref="YamuxOptions.MaxReceiveWindowSize"/>),
/// ping with round-trip measurement, keep-alive and go-away. A protocol violation (unknown version or type, data beyond
/// the receive window, a stream id of the wrong parity or reused, too many refused streams) sends go-away with the
/// protocol-error code and ends the session, with the reason logged and kept in <see cref="CloseReason"/>.
/// </summary>
public sealed partial class YamuxSession : IAsyncDisposable
{
    /// <summary>The protocol id negotiated by multistream-select.</summary>
    public const string ProtocolId = "/yamux/1.0.0";

    private const uint GoAwayNormal = 0;
    private const uint GoAwayProtocolError = 1;
    private const uint GoAwayInternalError = 2;

    private readonly IDuplexPipe _connection;
    private readonly YamuxOptions _options;
    private readonly Func<YamuxChannel, Task> _onInbound;
    private readonly ILogger _logger;
    private readonly Dictionary<uint, YamuxChannel> _streams = [];
    private readonly Dictionary<uint, PendingPing> _pings = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly Task _readLoop;
    private readonly TimeProvider _time;
    private uint _nextStreamId;
    private int _refused;
    private bool _remoteGoingAway;
    private bool _localGoingAway;

    /// <summary>Starts a session.</summary>
    /// <param name="connection">The secured connection; the session owns its pipes.</param>
    /// <param name="isClient">Whether this side dialed (it then opens odd-numbered streams).</param>
    /// <param name="remotePeer">The authenticated remote peer.</param>
    /// <param name="options">The limits.</param>
    /// <param name="onInbound">Called for every stream the remote opens; it owns the stream.</param>
    /// <param name="logger">Where protocol errors and keep-alive failures are logged.</param>
    /// <param name="timeProvider">The clock of keep-alive pings, round-trip times and window growth; the system clock when omitted.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> fail <see cref="YamuxOptionsValidator"/>.</exception>
    public YamuxSession(IDuplexPipe connection, bool isClient, PeerId remotePeer, YamuxOptions options, Func<YamuxChannel, Task> onInbound, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(remotePeer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onInbound);
        var validation = new YamuxOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException($"Invalid yamux options: {validation.FailureMessage}", nameof(options));
        }

        _connection = connection;
        _options = options;
        _onInbound = onInbound;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        RemotePeer = remotePeer;
        IsClient = isClient;
        _nextStreamId = isClient ? 1u : 2u;
        _readLoop = Task.Run(ReadLoopAsync);
        StartKeepAlive();
    }

    /// <summary>The authenticated remote peer.</summary>
    public PeerId RemotePeer { get; }

    /// <summary>Whether this side is the client (dialer).</summary>
    public bool IsClient { get; }

    /// <summary>Why the session ended, once it has; <see langword="null"/> while it runs or after a clean close.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Completes when the session has ended.</summary>
    public Task Completion => _readLoop;

    /// <summary>The number of open streams.</summary>
    public int StreamCount
    {
        get
        {
            lock (_streams)
            {
                return _streams.Count;
            }
        }
    }

    internal int MaxDataFrameLength => _options.MaxDataFrameLength;

    internal int MaxReceiveWindowSize => _options.MaxReceiveWindowSize;

    internal TimeProvider Time => _time;

    /// <summary>Opens a stream (sends SYN).</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The stream, or <see langword="null"/> when the session is closing or at its stream limit.</returns>
    public async ValueTask<YamuxChannel?> OpenStreamAsync(CancellationToken cancellationToken = default)
    {
        YamuxChannel stream;
        lock (_streams)
        {
            if (_closed.IsCancellationRequested || _remoteGoingAway || _localGoingAway || _streams.Count >= _options.MaxStreams)
            {
                return null;
            }

            uint id = _nextStreamId;
            _nextStreamId += 2;
            stream = new YamuxChannel(this, id, outbound: true);
            _streams[id] = stream;
        }

        Libp2pMetrics.StreamsOpened.Add(1, new KeyValuePair<string, object?>("direction", "outbound"));

        await SendFrameAsync(stream, YamuxFrameType.WindowUpdate, YamuxFlags.None, 0, ReadOnlySequence<byte>.Empty, cancellationToken).ConfigureAwait(false);
        return stream;
    }

    /// <summary>Sends go-away (normal), closes every stream and the connection.</summary>
    /// <returns>A task that completes when the session has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync(GoAwayNormal, null).ConfigureAwait(false);
        await _readLoop.ConfigureAwait(false);
    }

    internal void SendReset(uint id) =>
        _ = SendControlAsync(new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, id, 0));

    internal void SendWindowUpdate(YamuxChannel stream, uint delta) =>
        _ = SendFrameAsync(stream, YamuxFrameType.WindowUpdate, YamuxFlags.None, delta, ReadOnlySequence<byte>.Empty, CancellationToken.None).AsTask();

    internal ValueTask<bool> SendDataAsync(YamuxChannel stream, ReadOnlySequence<byte> payload, YamuxFlags flags) =>
        SendFrameAsync(stream, YamuxFrameType.Data, flags, (uint)payload.Length, payload, CancellationToken.None);

    internal void OnStreamStateChanged(YamuxChannel stream)
    {
        if (stream.IsFinished)
        {
            bool removed;
            lock (_streams)
            {
                removed = _streams.TryGetValue(stream.Id, out var current) && ReferenceEquals(current, stream) && _streams.Remove(stream.Id);
            }

            if (removed)
            {
                ReleaseWindowGrowth(stream.TakeWindowGrowth());
            }
        }
    }

    private async ValueTask<bool> SendFrameAsync(YamuxChannel stream, YamuxFrameType type, YamuxFlags flags, uint length, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        try
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        try
        {
            if (_closed.IsCancellationRequested)
            {
                return false;
            }

            var output = _connection.Output;
            var header = new YamuxHeader(type, flags | stream.TakeOpeningFlags(), stream.Id, length);
            header.Write(output.GetSpan(YamuxHeader.Size));
            output.Advance(YamuxHeader.Size);
            foreach (var segment in payload)
            {
                output.Write(segment.Span);
            }

            var result = await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return !result.IsCompleted;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task SendControlAsync(YamuxHeader header, CancellationToken cancellationToken = default)
    {
        try
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException)
        {
            return;
        }

        try
        {
            if (_closed.IsCancellationRequested && header.Type != YamuxFrameType.GoAway)
            {
                return;
            }

            var output = _connection.Output;
            header.Write(output.GetSpan(YamuxHeader.Size));
            output.Advance(YamuxHeader.Size);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or IOException)
        {
            // The connection is already closed, or the remote stopped reading and the caller gave up on it.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task CloseAsync(uint code, string? reason)
    {
        lock (_streams)
        {
            if (_localGoingAway)
            {
                return;
            }

            _localGoingAway = true;
        }

        if (reason is not null)
        {
            CloseReason = reason;
            Libp2pMetrics.ProtocolErrors.Add(1);
            Libp2pLog.SessionProtocolError(_logger, RemotePeer, reason);
        }

        await SendControlAsync(new YamuxHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, code)).ConfigureAwait(false);
        await FinishCloseAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Closes a session whose remote stopped answering: a writer blocked on it is released first, and the go-away
    /// (internal-error code) is given at most one keep-alive timeout to leave.
    /// </summary>
    private async Task CloseUnresponsiveAsync(string reason)
    {
        lock (_streams)
        {
            if (_localGoingAway)
            {
                return;
            }

            _localGoingAway = true;
        }

        CloseReason = reason;
        Libp2pMetrics.KeepAliveTimeouts.Add(1);
        Libp2pLog.KeepAliveTimedOut(_logger, RemotePeer, reason);
        await _closed.CancelAsync().ConfigureAwait(false);
        _connection.Output.CancelPendingFlush();
        using (var bound = new CancellationTokenSource(_options.KeepAliveTimeout, _time))
        {
            await SendControlAsync(new YamuxHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, GoAwayInternalError), bound.Token).ConfigureAwait(false);
        }

        await FinishCloseAsync().ConfigureAwait(false);
    }

    private async Task FinishCloseAsync()
    {
        await _closed.CancelAsync().ConfigureAwait(false);
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _connection.Output.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }

        _connection.Input.CancelPendingRead();
    }

    private async Task ReadLoopAsync()
    {
        var input = _connection.Input;
        var raw = new byte[YamuxHeader.Size];
        string? violation = null;
        try
        {
            while (violation is null)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (violation is null && buffer.Length >= YamuxHeader.Size)
                {
                    buffer.Slice(0, YamuxHeader.Size).CopyTo(raw);
                    if (!YamuxHeader.TryRead(raw, out var header, out violation))
                    {
                        break;
                    }

                    long bodyLength = header.Type == YamuxFrameType.Data ? header.Length : 0;
                    violation = CheckFrameLength(header, bodyLength);
                    if (violation is not null)
                    {
                        break;
                    }

                    if (buffer.Length < YamuxHeader.Size + bodyLength)
                    {
                        break;
                    }

                    violation = await HandleFrameAsync(header, buffer.Slice(YamuxHeader.Size, bodyLength)).ConfigureAwait(false);
                    buffer = buffer.Slice(YamuxHeader.Size + bodyLength);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is Libp2pProtocolException or IOException or InvalidOperationException or OperationCanceledException)
        {
            CloseReason ??= e.Message;
        }

        if (violation is not null)
        {
            await CloseAsync(GoAwayProtocolError, violation).ConfigureAwait(false);
        }
        else
        {
            await CloseAsync(GoAwayNormal, null).ConfigureAwait(false);
        }

        await input.CompleteAsync().ConfigureAwait(false);
        List<YamuxChannel> open;
        lock (_streams)
        {
            open = [.. _streams.Values];
            _streams.Clear();
        }

        var ended = new Libp2pProtocolException($"yamux: the session with {RemotePeer} ended{(CloseReason is null ? string.Empty : ": " + CloseReason)}.");
        foreach (var stream in open)
        {
            stream.Abort(ended);
        }

        FailPendingPings(ended);
    }

    /// <summary>Handles one frame; returns a protocol violation, or <see langword="null"/>.</summary>
    private async ValueTask<string?> HandleFrameAsync(YamuxHeader header, ReadOnlySequence<byte> body)
    {
        switch (header.Type)
        {
            case YamuxFrameType.Ping:
                if ((header.Flags & YamuxFlags.Syn) != 0)
                {
                    await SendControlAsync(new YamuxHeader(YamuxFrameType.Ping, YamuxFlags.Ack, 0, header.Length)).ConfigureAwait(false);
                }
                else if ((header.Flags & YamuxFlags.Ack) != 0)
                {
                    OnPingAnswered(header.Length);
                }

                return null;
            case YamuxFrameType.GoAway:
                _remoteGoingAway = true;
                Libp2pLog.GoAwayReceived(_logger, RemotePeer, header.Length);
                return null;
        }

        if (header.StreamId == 0)
        {
            return $"a {header.Type} frame on stream 0";
        }

        YamuxChannel? stream;
        if ((header.Flags & YamuxFlags.Syn) != 0)
        {
            var (opened, violation) = AcceptInbound(header.StreamId);
            if (violation is not null)
            {
                return violation;
            }

            stream = opened;
        }
        else
        {
            lock (_streams)
            {
                _streams.TryGetValue(header.StreamId, out stream);
            }
        }

        if (stream is null)
        {
            // A frame for a stream that is already gone (or was refused): drop it.
            return null;
        }

        if (header.Type == YamuxFrameType.WindowUpdate)
        {
            stream.OnWindowUpdate(header.Length);
        }
        else if (!body.IsEmpty && !stream.TryReceive(body))
        {
            return $"stream {header.StreamId} sent {body.Length} bytes beyond its receive window";
        }

        if ((header.Flags & YamuxFlags.Rst) != 0)
        {
            stream.OnRemoteReset();
        }
        else if ((header.Flags & YamuxFlags.Fin) != 0)
        {
            stream.OnRemoteFin();
        }

        return null;
    }

    /// <summary>
    /// Refuses, before its body is buffered, a data frame larger than the window it may use: 256 KiB for a stream's
    /// opening frame, the remaining receive window of an open stream, the largest window this session granted for a
    /// stream already gone (or never opened).
    /// </summary>
    private string? CheckFrameLength(YamuxHeader header, long bodyLength)
    {
        if (bodyLength == 0)
        {
            return null;
        }

        if ((header.Flags & YamuxFlags.Syn) != 0)
        {
            return bodyLength > YamuxOptions.InitialWindowSize
                ? $"a data frame of {bodyLength} bytes on stream {header.StreamId} exceeds the {YamuxOptions.InitialWindowSize}-byte window"
                : null;
        }

        YamuxChannel? stream;
        lock (_streams)
        {
            _streams.TryGetValue(header.StreamId, out stream);
        }

        long window = stream?.ReceiveWindowRemaining ?? LargestWindow;
        return bodyLength > window
            ? $"stream {header.StreamId} sent {bodyLength} bytes beyond its receive window of {window} bytes"
            : null;
    }

    private (YamuxChannel? Stream, string? Violation) AcceptInbound(uint id)
    {
        bool remoteIsClient = !IsClient;
        if ((id % 2 == 1) != remoteIsClient)
        {
            return (null, $"the remote opened stream {id}, whose parity belongs to this side");
        }

        YamuxChannel stream;
        lock (_streams)
        {
            if (_streams.ContainsKey(id))
            {
                return (null, $"the remote reopened stream {id}");
            }

            if (_streams.Count >= _options.MaxStreams || _localGoingAway)
            {
                _refused++;
                if (_refused > _options.MaxRefusedStreams)
                {
                    return (null, $"the remote kept opening streams beyond the limit of {_options.MaxStreams} ({_refused} refused)");
                }

                Libp2pMetrics.StreamsRefused.Add(1);
                Libp2pLog.StreamRefused(_logger, id, RemotePeer, _options.MaxStreams);
                SendReset(id);
                return (null, null);
            }

            stream = new YamuxChannel(this, id, outbound: false);
            _streams[id] = stream;
        }

        Libp2pMetrics.StreamsOpened.Add(1, new KeyValuePair<string, object?>("direction", "inbound"));

        // Acknowledge at once, then hand the stream over without blocking the read loop.
        SendWindowUpdate(stream, 0);
        _ = Task.Run(() => _onInbound(stream));
        return (stream, null);
    }
}
