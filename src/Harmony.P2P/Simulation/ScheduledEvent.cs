namespace Harmony.P2P.Simulation;

/// <summary>Something a <see cref="SimulationClock"/> runs at a simulated instant; subclasses avoid a closure per message.</summary>
internal abstract class ScheduledEvent
{
    internal abstract void Fire();
}
