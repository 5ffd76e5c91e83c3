using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Tests.Simulation;

/// <summary>What a faulty node does.</summary>
internal enum FaultKind
{
    /// <summary>Stops at <see cref="NodeFault.At"/> and restarts (new engine, same store) at <see cref="NodeFault.Until"/>, or never.</summary>
    Crash,

    /// <summary>Drops every leader message it would send (a leader that goes silent).</summary>
    SilentLeader,

    /// <summary>As leader, announces two different blocks to two halves of the committee.</summary>
    EquivocatingLeader,

    /// <summary>Sends a second COMMIT for a fabricated block at every height and view it commits in.</summary>
    DoubleSigner,

    /// <summary>Sends PREPARE/COMMIT votes whose signatures do not verify.</summary>
    InvalidSigner,
}

/// <summary>One node's fault.</summary>
internal sealed record NodeFault(int Node, FaultKind Kind, TimeSpan At, TimeSpan? Until);

/// <summary>A partition between two groups of nodes during a window.</summary>
internal sealed record Partition(IReadOnlySet<int> GroupA, TimeSpan From, TimeSpan To);

/// <summary>A fully described, replayable scenario.</summary>
internal sealed record ScenarioSpec
{
    public required int Seed { get; init; }

    public required IBlsSignatureScheme Scheme { get; init; }

    /// <summary>For each node, the committee indices of its keys.</summary>
    public required IReadOnlyList<int[]> NodeKeys { get; init; }

    public bool Staked { get; init; }

    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public double Loss { get; init; }

    public double Duplication { get; init; }

    public IReadOnlyList<NodeFault> Faults { get; init; } = [];

    public IReadOnlyList<Partition> Partitions { get; init; } = [];

    /// <summary>Blocks every honest node must commit after the last disturbance ends.</summary>
    public int BlocksAfterHeal { get; init; } = 3;

    public TimeSpan MaxVirtualTime { get; init; } = TimeSpan.FromHours(2);

    public int CommitteeSize => NodeKeys.Sum(k => k.Length);

    public override string ToString() =>
        $"seed={Seed} n={CommitteeSize} nodes={NodeKeys.Count} staked={Staked} loss={Loss:0.00} dup={Duplication:0.00} delay={MinDelay.TotalMilliseconds}-{MaxDelay.TotalMilliseconds}ms "
        + $"faults=[{string.Join(", ", Faults.Select(f => $"{f.Kind}@{f.Node}:{f.At.TotalSeconds}s-{f.Until?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "∞"}"))}] "
        + $"partitions=[{string.Join(", ", Partitions.Select(p => $"{{{string.Join(",", p.GroupA)}}}:{p.From.TotalSeconds}-{p.To.TotalSeconds}s"))}] scheme={Scheme.GetType().Name}";
}
