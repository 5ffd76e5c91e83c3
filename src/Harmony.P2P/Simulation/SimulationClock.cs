namespace Harmony.P2P.Simulation;

/// <summary>
/// A fake clock that is also a discrete-event scheduler: time stands still until the next event runs, then jumps to
/// that event's due time. It is a <see cref="TimeProvider"/>, so code that takes one (timers included) runs on
/// simulated time. Events due at the same instant run in the order they were scheduled. Single-threaded.
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private readonly PriorityQueue<ScheduledEvent, EventOrder> _queue = new();
    private readonly DateTimeOffset _start;
    private long _sequence;

    /// <summary>Creates a clock.</summary>
    /// <param name="start">The simulated start time; 2026-01-01T00:00Z when omitted.</param>
    public SimulationClock(DateTimeOffset? start = null) =>
        _start = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Simulated time since the start.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Events waiting to run.</summary>
    public int PendingEvents => _queue.Count;

    /// <summary>Events run so far.</summary>
    public long EventsRun { get; private set; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start + Elapsed;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SimulationTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> of simulated time.</summary>
    /// <param name="delay">Non-negative delay.</param>
    /// <param name="action">The action.</param>
    public void Schedule(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Schedule(delay, new ActionEvent(action));
    }

    /// <summary>Runs the next event, advancing time to it.</summary>
    /// <returns><see langword="false"/> when no event is pending.</returns>
    public bool RunNext()
    {
        if (!_queue.TryDequeue(out var next, out var order))
        {
            return false;
        }

        if (order.Due > Elapsed.Ticks)
        {
            Elapsed = TimeSpan.FromTicks(order.Due);
        }

        EventsRun++;

        // Continuations of awaits completed by this event must run inline, right now, on simulated time. A
        // synchronization context (xunit installs one) would make the runtime post them elsewhere instead.
        var context = SynchronizationContext.Current;
        if (context is null)
        {
            next.Fire();
            return true;
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            next.Fire();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }

        return true;
    }

    /// <summary>Runs events until none is left.</summary>
    /// <param name="maxEvents">Safety bound on events run.</param>
    /// <returns>Events run.</returns>
    public long RunUntilIdle(long maxEvents = long.MaxValue)
    {
        long run = 0;
        while (run < maxEvents && RunNext())
        {
            run++;
        }

        return run;
    }

    /// <summary>Runs every event due within <paramref name="duration"/>, then sets the clock to the end of it.</summary>
    /// <param name="duration">Simulated time to pass.</param>
    public void Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var end = Elapsed.Ticks + duration.Ticks;
        while (_queue.TryPeek(out _, out var order) && order.Due <= end)
        {
            RunNext();
        }

        Elapsed = TimeSpan.FromTicks(end);
    }

    /// <summary>Runs events until <paramref name="task"/> completes.</summary>
    /// <param name="task">A task driven by simulated events.</param>
    /// <exception cref="InvalidOperationException">No event is left but the task is still pending.</exception>
    public void RunUntil(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        while (!task.IsCompleted)
        {
            if (!RunNext())
            {
                throw new InvalidOperationException("The simulation ran out of events before the task completed.");
            }
        }
    }

    internal void Schedule(TimeSpan delay, ScheduledEvent scheduled)
    {
        var due = Elapsed.Ticks + Math.Max(0, delay.Ticks);
        _queue.Enqueue(scheduled, new EventOrder(due, _sequence++));
    }

    private readonly record struct EventOrder(long Due, long Sequence) : IComparable<EventOrder>
    {
        public int CompareTo(EventOrder other) =>
            Due != other.Due ? Due.CompareTo(other.Due) : Sequence.CompareTo(other.Sequence);
    }

    private sealed class ActionEvent(Action action) : ScheduledEvent
    {
        internal override void Fire() => action();
    }
}
