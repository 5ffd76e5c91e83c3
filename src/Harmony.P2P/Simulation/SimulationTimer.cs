namespace Harmony.P2P.Simulation;

/// <summary>An <see cref="ITimer"/> on simulated time: each (re)arming schedules an event; stale events are ignored.</summary>
internal sealed class SimulationTimer(SimulationClock clock, TimerCallback callback, object? state) : ITimer
{
    private long _generation;
    private TimeSpan _period;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        _generation++;
        _period = period;
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            clock.Schedule(dueTime, new Tick(this, _generation));
        }

        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        _generation++;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Fire(long generation)
    {
        if (_disposed || generation != _generation)
        {
            return;
        }

        if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
        {
            clock.Schedule(_period, new Tick(this, generation));
        }

        callback(state);
    }

    private sealed class Tick(SimulationTimer timer, long generation) : ScheduledEvent
    {
        internal override void Fire() => timer.Fire(generation);
    }
}
