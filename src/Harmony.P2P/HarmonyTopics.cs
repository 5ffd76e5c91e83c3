using System.Globalization;
using Harmony.Crypto;

namespace Harmony.P2P;

/// <summary>
/// Gossip topic names as Harmony's node builds them (spec/harmony.md §7.4): <c>&lt;prefix&gt;/0.0.1/node/beacon</c>
/// for shard 0, <c>&lt;prefix&gt;/0.0.1/node/shard/&lt;n&gt;</c> for the others, and the matching <c>client</c> groups.
/// </summary>
public static class HarmonyTopics
{
    private const string Version = "0.0.1";

    /// <summary>The topic prefix of <paramref name="network"/>: <c>harmony</c>, <c>hmy/testnet</c> or <c>hmy/local</c>.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The prefix.</returns>
    public static string Prefix(HarmonyNetwork network) => network switch
    {
        HarmonyNetwork.Mainnet => "harmony",
        HarmonyNetwork.Testnet => "hmy/testnet",
        HarmonyNetwork.Localnet => "hmy/local",
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown Harmony network."),
    };

    /// <summary>The consensus-bound topic of <paramref name="shardId"/> (the beacon topic for shard 0).</summary>
    /// <param name="network">The network.</param>
    /// <param name="shardId">The shard.</param>
    /// <returns>The topic name, e.g. <c>harmony/0.0.1/node/shard/1</c>.</returns>
    public static string Node(HarmonyNetwork network, uint shardId) => Build(network, "node", shardId);

    /// <summary>The client topic of <paramref name="shardId"/>; every node joins the beacon client topic.</summary>
    /// <param name="network">The network.</param>
    /// <param name="shardId">The shard.</param>
    /// <returns>The topic name, e.g. <c>harmony/0.0.1/client/beacon</c>.</returns>
    public static string Client(HarmonyNetwork network, uint shardId) => Build(network, "client", shardId);

    private static string Build(HarmonyNetwork network, string group, uint shardId) =>
        shardId == 0
            ? $"{Prefix(network)}/{Version}/{group}/beacon"
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix(network)}/{Version}/{group}/shard/{shardId}");
}
