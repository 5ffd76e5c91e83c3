using Harmony.Consensus.Quorum;
using Harmony.Sharding.Staking;
using static Harmony.Sharding.Tests.TestData;

namespace Harmony.Sharding.Tests.Assignment;

/// <summary>Hand-worked EPoS auctions (stakes in ONE; the auction works in atto, 10^18 per ONE).</summary>
public class EposAuctionTests
{
    private static readonly Decimal18 Atto = Decimal18.FromInteger(System.Numerics.BigInteger.Pow(10, 18));

    // A: 1000 over 2 keys → 500, 500; B: 300; C: 100; D: 900 over 3 keys → 300 ×3.
    private static readonly EposCandidate[] Candidates =
    [
        Candidate(4, 900, Key("D1"), Key("D2"), Key("D3")),
        Candidate(1, 1000, Key("A1"), Key("A2")),
        Candidate(3, 100, Key("C1")),
        Candidate(2, 300, Key("B1")),
    ];

    [Fact]
    public void Slots_are_ranked_by_raw_stake_with_ties_in_address_order_and_clamped_around_an_even_median()
    {
        var result = EposAuction.Run([], Candidates, shardCount: 4, slotsLimit: 0, externalSlots: 6, EposAuction.Bound15);

        result.Winners.Select(w => Convert.ToHexString(w.BlsKey.Span)).ShouldBe(
            new[] { "A1", "A2", "B1", "D1", "D2", "D3" }.Select(k => Convert.ToHexString(Key(k))));
        result.Median.ShouldBe(One(300));
        result.Winners.Select(w => w.RawStake).ShouldBe([One(500), One(500), One(300), One(300), One(300), One(300)]);
        result.Winners.Select(w => w.EffectiveStake).ShouldBe([One(345), One(345), One(300), One(300), One(300), One(300)]);
    }

    [Fact]
    public void The_wider_bound_and_an_odd_count_use_the_middle_slot()
    {
        var result = EposAuction.Run([], Candidates, 4, 0, externalSlots: 7, EposAuction.Bound35);
        result.Median.ShouldBe(One(300));
        result.Winners[0].EffectiveStake.ShouldBe(One(405));
        result.Winners[6].RawStake.ShouldBe(One(100));
        result.Winners[6].EffectiveStake.ShouldBe(One(195));
    }

    [Fact]
    public void An_even_median_between_unequal_slots_is_their_mean()
    {
        var result = EposAuction.Run([], Candidates, 4, 0, externalSlots: 4, EposAuction.Bound15);
        result.Median.ShouldBe(One(400));
        result.Winners.Select(w => w.EffectiveStake).ShouldBe([One(460), One(460), One(340), One(340)]);
    }

    [Fact]
    public void Stake_is_split_evenly_with_truncation()
    {
        var result = EposAuction.Run([], [Candidate(1, 0, Key("X1"), Key("X2"), Key("X3")) with { Stake = 10 }], 4, 0, 3, EposAuction.Bound15);
        result.Winners.ShouldAllBe(w => w.RawStake == Decimal18.FromRaw(3_333_333_333_333_333_333));
    }

    [Fact]
    public void Candidates_reusing_harmony_or_taken_keys_are_dropped_and_their_other_keys_stay_taken()
    {
        EposCandidate[] candidates =
        [
            Candidate(1, 100, Key("A1")),
            Candidate(2, 200, Key("harmony"), Key("E1")),
            Candidate(3, 300, Key("F1"), Key("A1")),
            Candidate(4, 400, Key("F1")),
            Candidate(5, 50, Key("G1")),
        ];

        var result = EposAuction.Run([Key("harmony")], candidates, 4, 0, 10, EposAuction.Bound15);
        result.Winners.Select(w => Convert.ToHexString(w.BlsKey.Span)).ShouldBe([Convert.ToHexString(Key("A1")), Convert.ToHexString(Key("G1"))]);
    }

    [Fact]
    public void The_slot_limit_drops_keys_beyond_the_limit_per_shard_and_spreads_stake_over_the_kept_ones()
    {
        byte[] even1 = KeyInShard("even1", 0, 2), even2 = KeyInShard("even2", 0, 2), odd1 = KeyInShard("odd1", 1, 2);
        var result = EposAuction.Run([], [Candidate(1, 1000, even1, even2, odd1)], 2, slotsLimit: 1, externalSlots: 10, EposAuction.Bound15);
        result.Winners.Select(w => Convert.ToHexString(w.BlsKey.Span)).ShouldBe([Convert.ToHexString(even1), Convert.ToHexString(odd1)]);
        result.Winners.ShouldAllBe(w => w.RawStake == One(500));
    }

    [Fact]
    public void No_slots_for_sale_or_no_bidders_means_no_winners()
    {
        EposAuction.Run([], Candidates, 4, 0, 0, EposAuction.Bound15).Winners.ShouldBeEmpty();
        EposAuction.Run([], [], 4, 0, 10, EposAuction.Bound15).Median.ShouldBe(Decimal18.Zero);
    }

    [Fact]
    public void Placement_is_the_big_endian_key_modulo_the_shard_count()
    {
        byte[] key = new byte[48];
        key[46] = 0x01;
        key[47] = 0x03; // 259
        EposAuction.ShardOf(key, 4).ShouldBe(3);
        EposAuction.ShardOf(key, 7).ShouldBe(0);
        key[0] = 0x80; // 2^383 + 259; 2^383 ≡ 2 (mod 3), 259 ≡ 1 → 0
        EposAuction.ShardOf(key, 3).ShouldBe(0);
    }

    private static Decimal18 One(long ones) => Decimal18.FromInteger(ones) * Atto;
}
