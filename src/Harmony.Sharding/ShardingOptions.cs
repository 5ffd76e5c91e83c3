using Harmony.Sharding.Assignment;
using Harmony.Sharding.Configuration;
using Harmony.Sharding.Randomness;

namespace Harmony.Sharding;

/// <summary>Which <see cref="ICommitteeAssignmentPolicy"/> <c>AddHarmonySharding</c> registers.</summary>
public enum CommitteeAssignmentPolicyKind
{
    /// <summary><see cref="HarmonyMainnetAssignment"/>: byte-compatible with mainnet (no randomness).</summary>
    HarmonyMainnet,

    /// <summary><see cref="RandomizedAssignment"/>: placement by the epoch randomness with bounded churn.</summary>
    Randomized,
}

/// <summary>Options of <see cref="ShardingServiceCollectionExtensions.AddHarmonySharding"/>.</summary>
public sealed class ShardingOptions
{
    /// <summary>The committee assignment policy. Default: mainnet's.</summary>
    public CommitteeAssignmentPolicyKind AssignmentPolicy { get; set; } = CommitteeAssignmentPolicyKind.HarmonyMainnet;

    /// <summary>Options of the randomized policy (used when <see cref="AssignmentPolicy"/> is Randomized).</summary>
    public RandomizedAssignmentOptions Randomized { get; } = new();

    /// <summary>Parameters of the epoch randomness protocol.</summary>
    public EpochRandomnessOptions EpochRandomness { get; } = new();

    /// <summary>The first epoch with cross-shard transactions. Default: mainnet's 28.</summary>
    public ulong CrossTxEpoch { get; set; } = MainnetShardingSchedule.CrossTxEpoch;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(AssignmentPolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(AssignmentPolicy), AssignmentPolicy, "Unknown assignment policy.");
        }

        Randomized.Validate();
        EpochRandomness.Validate();
    }
}
