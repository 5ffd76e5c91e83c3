using Harmony.P2P.Transport;

namespace Harmony.P2P.Yamux;

/// <summary>Ping (SYN with an opaque value, answered by an ACK echoing it), round-trip measurement and keep-alive.</summary>
public sealed partial class YamuxSession
{
    private uint _nextPing;
    private long _roundTripTicks;

    /// <summary>
    /// The round-trip time the latest answered ping measured (the session pings once at start and then every
    /// <see cref="YamuxOptions.KeepAliveInterval"/>); <see cref="TimeSpan.Zero"/> until a ping was answered.
    /// </summary>
    public TimeSpan RoundTripTime => TimeSpan.FromTicks(Volatile.Read(ref _roundTripTicks));

    /// <summary>Sends a yamux ping and waits for the answer.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The round-trip time, which also becomes <see cref="RoundTripTime"/>.</returns>
    /// <exception cref="Libp2pProtocolException">The session ended before the answer came.</exception>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var (opaque, answer) = RegisterPing();
        try
        {
            await SendControlAsync(new YamuxHeader(YamuxFrameType.Ping, YamuxFlags.Syn, 0, opaque), cancellationToken).ConfigureAwait(false);
            return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ForgetPing(opaque);
        }
    }

    /// <summary>Starts the first round-trip measurement and, when configured, the keep-alive loop.</summary>
    private void StartKeepAlive()
    {
        if (_options.KeepAliveInterval > TimeSpan.Zero)
        {
            // The timer exists before the constructor returns, so a fake clock advanced right after sees it.
            var timer = new PeriodicTimer(_options.KeepAliveInterval, _time);
            _ = Task.Run(() => KeepAliveLoopAsync(timer));
        }
        else if (_options.MaxReceiveWindowSize > YamuxOptions.InitialWindowSize)
        {
            // Window auto-tuning needs a round-trip time even without keep-alive.
            _ = Task.Run(MeasureOnceAsync);
        }
    }

    private async Task MeasureOnceAsync()
    {
        try
        {
            await PingAsync(_closed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or Libp2pProtocolException)
        {
            // The session ended first; there is nothing to tune any more.
        }
    }

    private async Task KeepAliveLoopAsync(PeriodicTimer timer)
    {
        using (timer)
        {
            try
            {
                // The first ping goes out at once: it gives window auto-tuning its round-trip time.
                do
                {
                    if (!await KeepAlivePingAsync().ConfigureAwait(false))
                    {
                        return;
                    }
                }
                while (await timer.WaitForNextTickAsync(_closed.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                // The session closed.
            }
        }
    }

    /// <summary>One keep-alive ping; false when the session ended or was closed because the answer did not come.</summary>
    private async Task<bool> KeepAlivePingAsync()
    {
        var (opaque, answer) = RegisterPing();
        try
        {
            // The deadline is armed before the ping leaves, and it runs while the ping waits for the connection: a
            // remote that stopped reading can block the write, and must still be cut off on time.
            var deadline = answer.Task.WaitAsync(_options.KeepAliveTimeout, _time, _closed.Token);
            var send = SendControlAsync(new YamuxHeader(YamuxFrameType.Ping, YamuxFlags.Syn, 0, opaque), _closed.Token);
            await deadline.ConfigureAwait(false);
            await send.ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            await CloseUnresponsiveAsync($"the remote did not answer a keep-alive ping within {_options.KeepAliveTimeout.TotalSeconds:0.###} s").ConfigureAwait(false);
            return false;
        }
        catch (Exception e) when (e is OperationCanceledException or Libp2pProtocolException)
        {
            return false;
        }
        finally
        {
            ForgetPing(opaque);
        }
    }

    private (uint Opaque, TaskCompletionSource<TimeSpan> Answer) RegisterPing()
    {
        var answer = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pings)
        {
            uint opaque = ++_nextPing;
            _pings[opaque] = new PendingPing(answer, _time.GetTimestamp());
            if (_closed.IsCancellationRequested)
            {
                answer.TrySetException(new Libp2pProtocolException($"yamux: the session with {RemotePeer} is closed."));
            }

            return (opaque, answer);
        }
    }

    private void ForgetPing(uint opaque)
    {
        lock (_pings)
        {
            _pings.Remove(opaque);
        }
    }

    /// <summary>An ACK arrived: the matching ping (if any is pending) completes with its round-trip time.</summary>
    private void OnPingAnswered(uint opaque)
    {
        PendingPing ping;
        lock (_pings)
        {
            if (!_pings.Remove(opaque, out ping))
            {
                return;
            }
        }

        var roundTrip = _time.GetElapsedTime(ping.SentAt);
        Volatile.Write(ref _roundTripTicks, Math.Max(1, roundTrip.Ticks));
        ping.Answer.TrySetResult(roundTrip);
    }

    private void FailPendingPings(Exception reason)
    {
        lock (_pings)
        {
            foreach (var ping in _pings.Values)
            {
                ping.Answer.TrySetException(reason);
            }

            _pings.Clear();
        }
    }

    private readonly record struct PendingPing(TaskCompletionSource<TimeSpan> Answer, long SentAt);
}
