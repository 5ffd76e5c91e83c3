using Harmony.Consensus.Quorum;
using Harmony.Sharding.Configuration;
using Harmony.Sharding.Staking;
using Harmony.Sharding.State;

namespace Harmony.Sharding.Assignment;

/// <summary>Everything a committee-assignment policy needs to elect the committees of one epoch.</summary>
public sealed record CommitteeAssignmentInput
{
    /// <summary>The epoch being elected.</summary>
    public required ulong Epoch { get; init; }

    /// <summary>The sharding parameters in force at <see cref="Epoch"/>.</summary>
    public required ShardingInstance Instance { get; init; }

    /// <summary>The instance's Harmony accounts in genesis order (shard i takes indices <c>i + j·shards</c>).</summary>
    public required IReadOnlyList<HarmonyAccount> HarmonyAccounts { get; init; }

    /// <summary>
    /// The keys that disqualify a candidate who uses one. The Go node takes them from the instance in force at the
    /// electing block (epoch e, while electing e + 1), which differs from <see cref="HarmonyAccounts"/> only when the
    /// instance changes between the two epochs. <see langword="null"/> means the keys of <see cref="HarmonyAccounts"/>.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? AuctionExcludedKeys { get; init; }

    /// <summary>The eligible EPoS candidates in chain order.</summary>
    public required IReadOnlyList<EposCandidate> Candidates { get; init; }

    /// <summary>The EPoS clamp c (see <see cref="MainnetShardingSchedule.EposBound"/>).</summary>
    public required Decimal18 EposBound { get; init; }

    /// <summary>The previous epoch's state: reused when nobody wins, and the churn baseline of the randomized policy.</summary>
    public ShardState? PreviousState { get; init; }

    /// <summary>The epoch randomness (for example from the epoch randomness protocol); ignored by the mainnet policy.</summary>
    public ReadOnlyMemory<byte> Randomness { get; init; }
}
