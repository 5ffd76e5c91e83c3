namespace Harmony.Sharding;

/// <summary>
/// Harmony mainnet's epoch boundaries (spec/harmony.md §5.4): epoch 0 is blocks 0–344,063; epochs 1–365 have
/// 16,384 blocks each; from epoch 366 (the two-second block era, first block 6,324,224) epochs have 32,768 blocks.
/// </summary>
public sealed class MainnetEpochSchedule : IEpochSchedule
{
    /// <summary>Number of blocks in epoch 0.</summary>
    public const ulong GenesisEpochBlocks = 344_064;

    /// <summary>Blocks per epoch from epoch 1 until the two-second era.</summary>
    public const ulong EarlyEpochBlocks = 16_384;

    /// <summary>First epoch of the two-second block era.</summary>
    public const ulong TwoSecondsEpoch = 366;

    /// <summary>Blocks per epoch in the two-second era.</summary>
    public const ulong TwoSecondsEpochBlocks = 32_768;

    /// <summary>First block of the two-second era: <c>(366 − 1) · 16384 + 344064</c>.</summary>
    public const ulong TwoSecondsFirstBlock = ((TwoSecondsEpoch - 1) * EarlyEpochBlocks) + GenesisEpochBlocks;

    /// <inheritdoc />
    public ulong EpochOf(ulong blockNumber)
    {
        if (blockNumber < GenesisEpochBlocks)
        {
            return 0;
        }

        if (blockNumber < TwoSecondsFirstBlock)
        {
            return 1 + ((blockNumber - GenesisEpochBlocks) / EarlyEpochBlocks);
        }

        return TwoSecondsEpoch + ((blockNumber - TwoSecondsFirstBlock) / TwoSecondsEpochBlocks);
    }

    /// <inheritdoc />
    public ulong FirstBlockOf(ulong epoch)
    {
        if (epoch == 0)
        {
            return 0;
        }

        if (epoch < TwoSecondsEpoch)
        {
            return GenesisEpochBlocks + ((epoch - 1) * EarlyEpochBlocks);
        }

        ulong offset = epoch - TwoSecondsEpoch;
        if (offset > (ulong.MaxValue - TwoSecondsFirstBlock) / TwoSecondsEpochBlocks)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "The epoch's first block does not fit in 64 bits.");
        }

        return TwoSecondsFirstBlock + (offset * TwoSecondsEpochBlocks);
    }

    /// <inheritdoc />
    public bool IsLastBlockOfEpoch(ulong blockNumber) =>
        blockNumber != ulong.MaxValue && EpochOf(blockNumber + 1) != EpochOf(blockNumber);
}
