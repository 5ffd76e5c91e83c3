namespace Harmony.Consensus;

/// <summary>
/// Timers and retry policy of the FBFT engine. The defaults are the values Harmony's Go node runs with
/// (spec/harmony.md §1.10); every one can be changed for tests or private networks.
/// </summary>
public sealed class ConsensusOptions
{
    /// <summary>How long a phase may take before a view change starts (Harmony: 27 s).</summary>
    public TimeSpan PhaseTimeout { get; set; } = TimeSpan.FromSeconds(27);

    /// <summary>How long a view change may take before the next one starts (Harmony: 27 s).</summary>
    public TimeSpan ViewChangeTimeout { get; set; } = TimeSpan.FromSeconds(27);

    /// <summary>Grace period after start-up before the first view change (Harmony: 120 s).</summary>
    public TimeSpan BootstrapTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Wall-clock length of one view slot used to derive the view id during a view change (Harmony: 45 s).</summary>
    public TimeSpan ViewChangeSlot { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Interval between re-sends of ANNOUNCE, PREPARED, COMMITTED, VIEWCHANGE and NEWVIEW (Harmony: 7 s).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(7);

    /// <summary>Maximum number of re-sends of one message (Harmony: 27 s / 7 s = 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How often the host polls the engine's timers (Harmony: 250 ms).</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
