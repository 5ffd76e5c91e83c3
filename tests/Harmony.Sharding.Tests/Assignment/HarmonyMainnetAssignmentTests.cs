using Harmony.Sharding.Assignment;
using Harmony.Sharding.Configuration;
using Harmony.Sharding.Staking;
using static Harmony.Sharding.Tests.TestData;

namespace Harmony.Sharding.Tests.Assignment;

public class HarmonyMainnetAssignmentTests
{
    private static readonly ShardingInstance Small = new("test", 0, 2, 4, 2, 0f, Dec("0.01"));

    [Fact]
    public void Harmony_slots_come_first_then_winners_by_key_modulo_shards_in_auction_order()
    {
        byte[] s0a = KeyInShard("s0a", 0, 2), s0b = KeyInShard("s0b", 0, 2), s1a = KeyInShard("s1a", 1, 2);
        var candidates = new[] { Candidate(1, 100, s0a), Candidate(2, 300, s0b), Candidate(3, 200, s1a) };
        var input = Input(Small, candidates);

        var state = new HarmonyMainnetAssignment().Assign(input);

        state.Epoch.ShouldBe(700);
        state.Shards.Count.ShouldBe(2);
        var accounts = input.HarmonyAccounts;
        // Shard i takes Harmony accounts i and i + 2.
        state.Shards[0].Slots.Take(2).Select(s => s.BlsPublicKey.ToArray()).ShouldBe([accounts[0].BlsKey.ToArray(), accounts[2].BlsKey.ToArray()]);
        state.Shards[1].Slots.Take(2).Select(s => s.BlsPublicKey.ToArray()).ShouldBe([accounts[1].BlsKey.ToArray(), accounts[3].BlsKey.ToArray()]);
        state.Shards[0].Slots.Skip(2).Select(s => s.BlsPublicKey.ToArray()).ShouldBe([s0b, s0a]);
        state.Shards[1].Slots.Skip(2).Select(s => s.BlsPublicKey.ToArray()).ShouldBe([s1a]);
        state.Shards[0].Slots.Take(2).ShouldAllBe(s => s.IsHarmonySlot);
        state.Shards[0].Slots.Skip(2).ShouldAllBe(s => !s.IsHarmonySlot);
    }

    [Fact]
    public void With_no_winners_the_previous_state_is_reused()
    {
        var previous = new HarmonyMainnetAssignment().Assign(Input(Small, [Candidate(1, 100, Key("k"))]));
        var again = new HarmonyMainnetAssignment().Assign(Input(Small, []) with { PreviousState = previous });
        again.ShouldBeSameAs(previous);
    }

    [Fact]
    public void Candidates_using_an_excluded_key_are_dropped()
    {
        byte[] key = KeyInShard("k", 0, 2);
        var input = Input(Small, [Candidate(1, 100, key), Candidate(2, 100, KeyInShard("other", 1, 2))]);
        new HarmonyMainnetAssignment().Assign(input).Shards[0].Slots.Count.ShouldBe(3);

        var excluding = input with { AuctionExcludedKeys = [key] };
        var state = new HarmonyMainnetAssignment().Assign(excluding);
        state.Shards[0].Slots.Count.ShouldBe(2);
        state.Shards[1].Slots.Count.ShouldBe(3);
    }

    [Fact]
    public void Too_few_harmony_accounts_are_refused()
    {
        var input = Input(Small, []) with { HarmonyAccounts = HarmonyAccounts(3) };
        Should.Throw<ArgumentException>(() => new HarmonyMainnetAssignment().Assign(input));
    }

    [Theory]
    [InlineData(0UL, "V0", 4, 150, 112, 0)]
    [InlineData(184UL, "V1_5", 4, 250, 170, 0)]
    [InlineData(185UL, "V2_0", 4, 250, 170, 0)]
    [InlineData(231UL, "V2_2", 4, 250, 90, 0)]
    [InlineData(999UL, "V3_3", 4, 250, 25, 13)]
    [InlineData(1673UL, "V4", 2, 200, 20, 10)]
    [InlineData(5000UL, "V5", 2, 200, 2, 11)]
    public void The_mainnet_table_gives_the_instance_of_an_epoch(ulong epoch, string name, int shards, int nodes, int harmony, int slotsLimit)
    {
        var instance = MainnetShardingSchedule.InstanceForEpoch(epoch);
        instance.Name.ShouldBe(name);
        (instance.ShardCount, instance.NodesPerShard, instance.HarmonyNodesPerShard, instance.SlotsLimit).ShouldBe((shards, nodes, harmony, slotsLimit));
        instance.ExternalSlots.ShouldBe((nodes - harmony) * shards);
    }

    [Fact]
    public void Harmony_vote_percent_and_the_epos_bound_follow_the_mainnet_epochs()
    {
        MainnetShardingSchedule.InstanceForEpoch(184).HarmonyVotePercent.ShouldBe(Dec("1"));
        MainnetShardingSchedule.InstanceForEpoch(529).HarmonyVotePercent.ShouldBe(Dec("0.68"));
        MainnetShardingSchedule.InstanceForEpoch(530).HarmonyVotePercent.ShouldBe(Dec("0.60"));
        MainnetShardingSchedule.InstanceForEpoch(725).HarmonyVotePercent.ShouldBe(Dec("0.49"));
        MainnetShardingSchedule.InstanceForEpoch(2152).HarmonyVotePercent.ShouldBe(Dec("0.01"));
        MainnetShardingSchedule.EposBound(630).ShouldBe(EposAuction.Bound15);
        MainnetShardingSchedule.EposBound(631).ShouldBe(EposAuction.Bound35);
    }
}
