namespace Harmony.Consensus.Tests.Infrastructure;

/// <summary>A clock that only moves when the test (or the simulation scheduler) moves it.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void SetTo(DateTimeOffset time)
    {
        if (time > _now)
        {
            _now = time;
        }
    }
}
