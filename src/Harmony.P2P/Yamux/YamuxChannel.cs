using System.Buffers;
using System.IO.Pipelines;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Yamux;

/// <summary>
/// One yamux stream as a libp2p channel. Inbound data is buffered up to the receive window and credited back to the
/// sender as the application consumes it; the window starts at 256 KiB and doubles (up to
/// <see cref="YamuxOptions.MaxReceiveWindowSize"/>, within the session's growth budget) whenever the application
/// consumed half a window within two round trips, as go-yamux and rust-yamux tune theirs. Outbound data waits for
/// send window before it is framed.
/// </summary>
public sealed class YamuxChannel : ILibp2pChannel
{
    private readonly YamuxSession _session;
    private readonly Pipe _inbound = new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
    private readonly Pipe _outbound = new(new PipeOptions(pauseWriterThreshold: 256 * 1024, resumeWriterThreshold: 128 * 1024, minimumSegmentSize: 16384, useSynchronizationContext: false));
    private readonly YamuxChannelReader _reader;
    private readonly object _gate = new();
    private readonly Task _sendLoop;
    private long _sendWindow = YamuxOptions.InitialWindowSize;
    private long _receiveWindow = YamuxOptions.InitialWindowSize;
    private long _unacknowledged;
    private int _windowSize = YamuxOptions.InitialWindowSize;
    private long _windowGrowth;
    private long _epochStart;
    private TaskCompletionSource? _windowOpened;
    private bool _needsSyn;
    private bool _needsAck;
    private bool _remoteClosed;
    private bool _localClosed;
    private bool _reset;
    private bool _readerDone;
    private bool _inboundCompleted;

    internal YamuxChannel(YamuxSession session, uint id, bool outbound)
    {
        _session = session;
        Id = id;
        _needsSyn = outbound;
        _needsAck = !outbound;
        _reader = new YamuxChannelReader(_inbound.Reader, this);
        _epochStart = session.Time.GetTimestamp();
        _sendLoop = Task.Run(SendLoopAsync);
    }

    /// <summary>The yamux stream id (odd for streams the client opened, even for the server's).</summary>
    public uint Id { get; }

    /// <inheritdoc />
    public string Protocol { get; internal set; } = string.Empty;

    /// <inheritdoc />
    public PeerId RemotePeer => _session.RemotePeer;

    /// <inheritdoc />
    public PipeReader Input => _reader;

    /// <inheritdoc />
    public PipeWriter Output => _outbound.Writer;

    /// <inheritdoc />
    public async ValueTask CloseWriteAsync()
    {
        await _outbound.Writer.CompleteAsync().ConfigureAwait(false);
        await _sendLoop.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Reset()
    {
        lock (_gate)
        {
            if (_reset || (_localClosed && _remoteClosed))
            {
                return;
            }

            _reset = true;
            _windowOpened?.TrySetResult();
        }

        _session.SendReset(Id);
        Abort(new Libp2pProtocolException($"yamux: stream {Id} was reset locally."));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseWriteAsync().ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
    }

    internal bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return _reset || (_localClosed && _remoteClosed);
            }
        }
    }

    /// <summary>The receive window this stream currently grants (256 KiB, or more once tuned).</summary>
    public int ReceiveWindowSize
    {
        get
        {
            lock (_gate)
            {
                return _windowSize;
            }
        }
    }

    /// <summary>The bytes the remote may still send before it needs a window update.</summary>
    internal long ReceiveWindowRemaining
    {
        get
        {
            lock (_gate)
            {
                return _receiveWindow;
            }
        }
    }

    /// <summary>Hands back the window growth this stream holds, for the session's budget, once it is finished.</summary>
    internal long TakeWindowGrowth()
    {
        lock (_gate)
        {
            long growth = _windowGrowth;
            _windowGrowth = 0;
            return growth;
        }
    }

    /// <summary>Takes a data payload from the session; false when it exceeds the receive window.</summary>
    internal bool TryReceive(ReadOnlySequence<byte> payload)
    {
        lock (_gate)
        {
            if (payload.Length > _receiveWindow)
            {
                return false;
            }

            _receiveWindow -= payload.Length;
            if (_readerDone || _inboundCompleted)
            {
                // Nobody will read it: credit it back at once.
                _unacknowledged += payload.Length;
                MaybeSendWindowUpdate();
                return true;
            }

            // The inbound pipe never pauses (the receive window bounds it), so these calls do not block.
            foreach (var segment in payload)
            {
                _inbound.Writer.Write(segment.Span);
            }

            var flush = _inbound.Writer.FlushAsync();
            if (!flush.IsCompletedSuccessfully)
            {
                _ = flush.AsTask();
            }
        }

        return true;
    }

    internal void OnRemoteFin()
    {
        lock (_gate)
        {
            _remoteClosed = true;
            CompleteInbound(null);
        }

        _session.OnStreamStateChanged(this);
    }

    internal void OnRemoteReset()
    {
        lock (_gate)
        {
            _reset = true;
            _windowOpened?.TrySetResult();
        }

        Abort(new Libp2pProtocolException($"yamux: stream {Id} was reset by the remote."));
    }

    internal void OnWindowUpdate(uint delta)
    {
        lock (_gate)
        {
            _sendWindow += delta;
            _windowOpened?.TrySetResult();
        }
    }

    internal void Abort(Exception reason)
    {
        lock (_gate)
        {
            _reset = true;
            _windowOpened?.TrySetResult();
            CompleteInbound(reason);
        }

        _outbound.Reader.CancelPendingRead();
        _session.OnStreamStateChanged(this);
    }

    internal void OnConsumed(long bytes)
    {
        lock (_gate)
        {
            _unacknowledged += bytes;
            MaybeSendWindowUpdate();
        }
    }

    internal void OnReaderCompleted()
    {
        lock (_gate)
        {
            // From now on arriving data is credited back at once (see TryReceive).
            _readerDone = true;
            MaybeSendWindowUpdate();
        }
    }

    /// <summary>The flags the next frame must carry (SYN on the first frame of an outbound stream, ACK on the first reply).</summary>
    internal YamuxFlags TakeOpeningFlags()
    {
        var flags = YamuxFlags.None;
        if (_needsSyn)
        {
            flags |= YamuxFlags.Syn;
            _needsSyn = false;
        }

        if (_needsAck)
        {
            flags |= YamuxFlags.Ack;
            _needsAck = false;
        }

        return flags;
    }

    private void CompleteInbound(Exception? reason)
    {
        // Called under _gate.
        if (!_inboundCompleted)
        {
            _inboundCompleted = true;
            _inbound.Writer.Complete(reason);
        }
    }

    private void MaybeSendWindowUpdate()
    {
        // Called under _gate. Credit back in batches of at least half a window.
        if (_unacknowledged >= _windowSize / 2 && !_reset)
        {
            long delta = _unacknowledged + GrowWindowIfDrainedFast();
            _unacknowledged = 0;
            _receiveWindow += delta;
            _session.SendWindowUpdate(this, (uint)delta);
        }
    }

    /// <summary>
    /// Called under _gate at every window update: when the half window credited now was consumed within two round
    /// trips of the previous update, the window (and so this update) grows by doubling, if the session's budget
    /// allows. Returns the growth.
    /// </summary>
    private long GrowWindowIfDrainedFast()
    {
        var time = _session.Time;
        long now = time.GetTimestamp();
        var sinceLastUpdate = time.GetElapsedTime(_epochStart, now);
        _epochStart = now;
        var roundTrip = _session.RoundTripTime;
        int max = _session.MaxReceiveWindowSize;
        if (roundTrip <= TimeSpan.Zero || _windowSize >= max || _remoteClosed || _readerDone || sinceLastUpdate >= roundTrip * 2)
        {
            return 0;
        }

        long target = Math.Min((long)_windowSize * 2, max);
        long growth = target - _windowSize;
        if (!_session.TryReserveWindowGrowth(growth, (int)target))
        {
            return 0;
        }

        _windowSize = (int)target;
        _windowGrowth += growth;
        return growth;
    }

    private async Task SendLoopAsync()
    {
        var reader = _outbound.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (!buffer.IsEmpty)
                {
                    long window = await WaitForWindowAsync().ConfigureAwait(false);
                    if (window <= 0)
                    {
                        return;
                    }

                    int length = (int)Math.Min(Math.Min(buffer.Length, window), _session.MaxDataFrameLength);
                    lock (_gate)
                    {
                        _sendWindow -= length;
                    }

                    if (!await _session.SendDataAsync(this, buffer.Slice(0, length), YamuxFlags.None).ConfigureAwait(false))
                    {
                        return;
                    }

                    buffer = buffer.Slice(length);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCanceled || IsReset())
                {
                    return;
                }

                if (result.IsCompleted)
                {
                    await _session.SendDataAsync(this, ReadOnlySequence<byte>.Empty, YamuxFlags.Fin).ConfigureAwait(false);
                    return;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _localClosed = true;
            }

            await reader.CompleteAsync().ConfigureAwait(false);
            _session.OnStreamStateChanged(this);
        }
    }

    private bool IsReset()
    {
        lock (_gate)
        {
            return _reset;
        }
    }

    /// <summary>Waits for send window; 0 when the stream was reset.</summary>
    private async ValueTask<long> WaitForWindowAsync()
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_reset)
                {
                    return 0;
                }

                if (_sendWindow > 0)
                {
                    return _sendWindow;
                }

                _windowOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _windowOpened.Task;
            }

            await wait.ConfigureAwait(false);
        }
    }
}
