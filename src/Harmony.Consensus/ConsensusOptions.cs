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

    /// <summary>The leader proposes at most one block per period (Harmony: 2 s from the two-seconds epoch).</summary>
    public TimeSpan BlockPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The shard whose consensus the engine runs; messages for other shards are rejected.</summary>
    public uint ShardId { get; set; }

    /// <summary>The epoch, recorded in double-sign evidence.</summary>
    public ulong Epoch { get; set; }

    /// <summary>
    /// Whether commit payloads end with <c>LE64(viewID)</c> (48 bytes, staking epochs) or stop after the hash
    /// (40 bytes, before staking).
    /// </summary>
    public bool CommitPayloadIncludesViewId { get; set; } = true;

    /// <summary>
    /// Blocks a leader proposes in a row before normal-mode rotation hands over to the next slot; 0 disables rotation
    /// (Harmony before <c>LeaderRotationInternalValidatorsEpoch</c>).
    /// </summary>
    public int LeaderRotationRunLength { get; set; }

    /// <summary>Messages for heights more than this far ahead are dropped (Harmony <c>MaxBlockNumDiff</c>: 100).</summary>
    public ulong MaxBlockNumberAhead { get; set; } = 100;

    /// <summary>View-change messages for views more than this far ahead are dropped (Harmony: 249).</summary>
    public ulong MaxViewIdAhead { get; set; } = 249;

    /// <summary>Messages whose view is more than this far behind are rejected (Harmony: 5).</summary>
    public ulong ViewIdLagTolerance { get; set; } = 5;
}
