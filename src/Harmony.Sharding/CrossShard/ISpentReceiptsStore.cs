namespace Harmony.Sharding.CrossShard;

/// <summary>
/// Remembers which source blocks' receipts a destination shard has applied, keyed by (source shard, block number) as
/// in Harmony, so that a proof is applied once.
/// </summary>
public interface ISpentReceiptsStore
{
    /// <summary>Whether receipts from that source block were applied.</summary>
    /// <param name="sourceShard">The source shard.</param>
    /// <param name="blockNumber">The source block.</param>
    /// <returns>True when spent.</returns>
    bool IsSpent(uint sourceShard, ulong blockNumber);

    /// <summary>Marks the source block spent, atomically.</summary>
    /// <param name="sourceShard">The source shard.</param>
    /// <param name="blockNumber">The source block.</param>
    /// <returns>False when it was already spent.</returns>
    bool TryMarkSpent(uint sourceShard, ulong blockNumber);
}
