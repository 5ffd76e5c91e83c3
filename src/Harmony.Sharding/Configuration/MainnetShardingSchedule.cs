using Harmony.Consensus.Quorum;

namespace Harmony.Sharding.Configuration;

/// <summary>
/// Harmony mainnet's sharding instances and the protocol epochs this package needs (Go node
/// <c>internal/configs/sharding/mainnet.go</c> and <c>internal/params/config.go</c>; spec/harmony.md §5.4).
/// </summary>
public static class MainnetShardingSchedule
{
    /// <summary>Cross-shard transactions are accepted from this epoch on.</summary>
    public const ulong CrossTxEpoch = 28;

    /// <summary>The pre-staking epoch (v3 headers, staking transactions accepted).</summary>
    public const ulong PreStakingEpoch = 185;

    /// <summary>The first epoch whose committee is elected by EPoS and whose quorum is by stake.</summary>
    public const ulong StakingEpoch = 186;

    /// <summary>Headers carry the BLS-VRF from this epoch on.</summary>
    public const ulong VrfEpoch = 631;

    /// <summary>The EPoS clamp widens from 0.15 to 0.35 at this epoch.</summary>
    public const ulong EposBound35Epoch = 631;

    private static readonly Decimal18 One = Decimal18.One;
    private static readonly Decimal18 SixtyEight = Decimal18.Parse("0.68");
    private static readonly Decimal18 Sixty = Decimal18.Parse("0.60");
    private static readonly Decimal18 FortyNine = Decimal18.Parse("0.49");
    private static readonly Decimal18 OnePercent = Decimal18.Parse("0.01");

    private static readonly ShardingInstance[] Table =
    [
        new("V0", 0, 4, 150, 112, 0f, One),
        new("V0_1", 1, 4, 152, 112, 0f, One),
        new("V0_2", 5, 4, 200, 148, 0f, One),
        new("V0_3", 8, 4, 210, 148, 0f, One),
        new("V0_4", 10, 4, 216, 148, 0f, One),
        new("V1", 12, 4, 250, 170, 0f, One),
        new("V1_1", 19, 4, 250, 170, 0f, One),
        new("V1_2", 25, 4, 250, 170, 0f, One),
        new("V1_3", 36, 4, 250, 170, 0f, One),
        new("V1_4", 46, 4, 250, 170, 0f, One),
        new("V1_5", 54, 4, 250, 170, 0f, One),
        new("V2_0", 185, 4, 250, 170, 0f, SixtyEight),
        new("V2_1", 208, 4, 250, 130, 0f, SixtyEight),
        new("V2_2", 231, 4, 250, 90, 0f, SixtyEight),
        new("V3", 366, 4, 250, 90, 0f, SixtyEight),
        new("V3_1", 530, 4, 250, 50, 0f, Sixty),
        new("V3_2", 725, 4, 250, 25, 0f, FortyNine),
        new("V3_3", 999, 4, 250, 25, 0.06f, FortyNine),
        new("V3_4", 1535, 4, 250, 25, 0.06f, FortyNine),
        new("V4", 1673, 2, 200, 20, 0.06f, FortyNine),
        new("V5", 2152, 2, 200, 2, 0.06f, OnePercent),
    ];

    /// <summary>Every instance, by first epoch.</summary>
    public static IReadOnlyList<ShardingInstance> Instances => Table;

    /// <summary>The instance in force at <paramref name="epoch"/>.</summary>
    /// <param name="epoch">An epoch.</param>
    /// <returns>The last instance whose first epoch is at or before it.</returns>
    public static ShardingInstance InstanceForEpoch(ulong epoch)
    {
        for (int i = Table.Length - 1; i > 0; i--)
        {
            if (epoch >= Table[i].FromEpoch)
            {
                return Table[i];
            }
        }

        return Table[0];
    }

    /// <summary>The EPoS clamp c for an election of <paramref name="epoch"/>'s committee.</summary>
    /// <param name="epoch">The epoch being elected.</param>
    /// <returns>0.35 from <see cref="EposBound35Epoch"/>, else 0.15.</returns>
    public static Decimal18 EposBound(ulong epoch) => epoch >= EposBound35Epoch ? Staking.EposAuction.Bound35 : Staking.EposAuction.Bound15;
}
