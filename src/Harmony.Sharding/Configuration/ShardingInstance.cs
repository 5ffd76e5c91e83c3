using Harmony.Consensus.Quorum;

namespace Harmony.Sharding.Configuration;

/// <summary>
/// The sharding parameters in force from an epoch on (Harmony's <c>shardingconfig.Instance</c>).
/// </summary>
/// <param name="Name">The Go node's name for the instance, such as <c>V3_3</c>.</param>
/// <param name="FromEpoch">The first epoch the instance applies to.</param>
/// <param name="ShardCount">The number of shards.</param>
/// <param name="NodesPerShard">Slots per shard.</param>
/// <param name="HarmonyNodesPerShard">Harmony-operated slots per shard.</param>
/// <param name="SlotsLimitPercent">HIP-16's per-validator, per-shard key limit as a fraction of the external slots of a shard (0 = none).</param>
/// <param name="HarmonyVotePercent">The voting share of the Harmony slots.</param>
public sealed record ShardingInstance(string Name, ulong FromEpoch, int ShardCount, int NodesPerShard, int HarmonyNodesPerShard, float SlotsLimitPercent, Decimal18 HarmonyVotePercent)
{
    /// <summary>Slots sold in the EPoS auction: <c>(nodes − harmonyNodes) · shards</c>.</summary>
    public int ExternalSlots => (NodesPerShard - HarmonyNodesPerShard) * ShardCount;

    /// <summary>
    /// The per-validator, per-shard key limit, computed as the Go node does in single precision:
    /// <c>int(float32(nodes − harmonyNodes) · percent)</c> (11 for V5).
    /// </summary>
    public int SlotsLimit => (int)((float)(NodesPerShard - HarmonyNodesPerShard) * SlotsLimitPercent);
}
