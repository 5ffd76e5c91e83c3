namespace Harmony.Sharding;

/// <summary>Maps block numbers to epochs and back for one network.</summary>
public interface IEpochSchedule
{
    /// <summary>The epoch that contains block <paramref name="blockNumber"/>.</summary>
    /// <param name="blockNumber">A block number.</param>
    /// <returns>The epoch number.</returns>
    ulong EpochOf(ulong blockNumber);

    /// <summary>The number of the first block of <paramref name="epoch"/>.</summary>
    /// <param name="epoch">An epoch number.</param>
    /// <returns>The first block number of that epoch.</returns>
    ulong FirstBlockOf(ulong epoch);

    /// <summary>Whether <paramref name="blockNumber"/> is the last block of its epoch (the block that carries the next shard state).</summary>
    /// <param name="blockNumber">A block number.</param>
    /// <returns><see langword="true"/> for the last block of an epoch.</returns>
    bool IsLastBlockOfEpoch(ulong blockNumber);
}
