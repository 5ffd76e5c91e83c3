namespace Harmony.Crypto;

/// <summary>
/// Chain ids that bind a signed transaction to one network (EIP-155 replay protection), as Harmony assigns them
/// (spec/harmony.md §5.4).
/// </summary>
public static class ChainIds
{
    /// <summary>Chain id of Harmony-format transactions on mainnet.</summary>
    public const ulong Mainnet = 1;

    /// <summary>Chain id of Harmony-format transactions on testnet (Harmony's localnet uses it too).</summary>
    public const ulong Testnet = 2;

    /// <summary>Base of the Ethereum-compatible chain ids on mainnet: the id of shard s is this plus s.</summary>
    public const ulong MainnetEthereumBase = 1_666_600_000;

    /// <summary>Base of the Ethereum-compatible chain ids on testnet: the id of shard s is this plus s.</summary>
    public const ulong TestnetEthereumBase = 1_666_700_000;

    /// <summary>The chain id of Harmony-format transactions (with shard fields) on <paramref name="network"/>.</summary>
    /// <param name="network">The network.</param>
    /// <returns>1 on mainnet, 2 on testnet and localnet.</returns>
    public static ulong ForHarmonyTransactions(HarmonyNetwork network) => network switch
    {
        HarmonyNetwork.Mainnet => Mainnet,
        HarmonyNetwork.Testnet or HarmonyNetwork.Localnet => Testnet,
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown Harmony network."),
    };

    /// <summary>The chain id of Ethereum-format transactions sent to shard <paramref name="shardId"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="shardId">The shard the transaction is for.</param>
    /// <returns>1666600000 + shard on mainnet, 1666700000 + shard on testnet and localnet.</returns>
    public static ulong ForEthereumTransactions(HarmonyNetwork network, uint shardId) => network switch
    {
        HarmonyNetwork.Mainnet => MainnetEthereumBase + shardId,
        HarmonyNetwork.Testnet or HarmonyNetwork.Localnet => TestnetEthereumBase + shardId,
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown Harmony network."),
    };
}
