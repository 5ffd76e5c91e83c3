using Harmony.Crypto;

namespace Harmony.Node;

/// <summary>Which network and shard a node serves.</summary>
public sealed class NodeOptions
{
    /// <summary>The network whose chain ids and topic names the node uses.</summary>
    public HarmonyNetwork Network { get; set; } = HarmonyNetwork.Localnet;

    /// <summary>The shard whose consensus the node takes part in (0 is the beacon shard).</summary>
    public uint ShardId { get; set; }

    /// <summary>Number of shards in the network; <see cref="ShardId"/> must be below it.</summary>
    public uint NumShards { get; set; } = 1;
}
