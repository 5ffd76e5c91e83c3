using FsCheck;
using FsCheck.Fluent;
using Harmony.Sharding.Assignment;
using Harmony.Sharding.Configuration;
using Harmony.Sharding.State;
using static Harmony.Sharding.Tests.TestData;

namespace Harmony.Sharding.Tests.Assignment;

public class RandomizedAssignmentTests
{
    private static ShardingInstance Instance(int shards, int externalPerShard) => new("test", 0, shards, externalPerShard + 1, 1, 0f, Dec("0.01"));

    private static Staking.EposCandidate[] Validators(int count, int salt = 0) =>
        Enumerable.Range(0, count).Select(i => Candidate(i + salt, 1000 + (i * 7 % 13), Key($"v{i + salt}"))).ToArray();

    private static byte[] Randomness(int seed) => System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(seed));

    [Fact]
    public void The_result_is_a_deterministic_function_of_the_inputs()
    {
        var input = Input(Instance(4, 25), Validators(100), Randomness(1));
        var policy = new RandomizedAssignment(new RandomizedAssignmentOptions());
        ShardStateCodec.Encode(policy.Assign(input), true).ShouldBe(ShardStateCodec.Encode(policy.Assign(input), true));
    }

    [Fact]
    public void Balance_determinism_and_movement_hold_for_random_committees()
    {
        var gen = Gen.Choose(2, 6).Two().Two();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var ((shards, perShardRaw), (seed1, seed2)) = t;
            int perShard = perShardRaw * 3;
            var instance = Instance(shards, perShard);
            var validators = Validators(shards * perShard);
            var policy = new RandomizedAssignment(new RandomizedAssignmentOptions { MaxChurnFraction = 0.25 });

            var first = policy.Assign(Input(instance, validators, Randomness(seed1)));
            ExternalCounts(first).Max().ShouldBeLessThanOrEqualTo(ExternalCounts(first).Min() + 1);

            var next = policy.Assign(Input(instance, validators, Randomness(seed2 + 100)) with { PreviousState = first });
            ExternalCounts(next).Max().ShouldBeLessThanOrEqualTo(ExternalCounts(next).Min() + 1);
            Moved(first, next).ShouldBeLessThanOrEqualTo((int)Math.Floor(0.25 * validators.Length));
        }));
    }

    [Fact]
    public void A_different_randomness_moves_validators()
    {
        var instance = Instance(4, 25);
        var policy = new RandomizedAssignment(new RandomizedAssignmentOptions());
        var a = policy.Assign(Input(instance, Validators(100), Randomness(1)));
        var b = policy.Assign(Input(instance, Validators(100), Randomness(2)));
        Moved(a, b).ShouldBeGreaterThan(30);

        // With a previous state, the movers and their destinations also depend on the randomness.
        var fromA1 = policy.Assign(Input(instance, Validators(100), Randomness(3)) with { PreviousState = a });
        var fromA2 = policy.Assign(Input(instance, Validators(100), Randomness(4)) with { PreviousState = a });
        Moved(a, fromA1).ShouldBeGreaterThan(0);
        Moved(fromA1, fromA2).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Churn_is_bounded_and_entrants_fill_the_seats_of_leavers()
    {
        var instance = Instance(4, 25);
        var policy = new RandomizedAssignment(new RandomizedAssignmentOptions { MaxChurnFraction = 0.1 });
        var first = policy.Assign(Input(instance, Validators(100), Randomness(7)));

        // 20 validators leave, 20 new ones arrive.
        var changed = Validators(80).Concat(Validators(20, salt: 500)).ToArray();
        var next = policy.Assign(Input(instance, changed, Randomness(8)) with { PreviousState = first });
        Moved(first, next).ShouldBeLessThanOrEqualTo(8);
        ExternalCounts(next).Sum().ShouldBe(100);
        ExternalCounts(next).Max().ShouldBeLessThanOrEqualTo(ExternalCounts(next).Min() + 8);
    }

    [Fact]
    public void Missing_randomness_and_bad_options_are_refused()
    {
        var policy = new RandomizedAssignment(new RandomizedAssignmentOptions());
        Should.Throw<ArgumentException>(() => policy.Assign(Input(Instance(2, 2), Validators(4))));
        Should.Throw<ArgumentOutOfRangeException>(() => new RandomizedAssignment(new RandomizedAssignmentOptions { MaxChurnFraction = 1.5 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new RandomizedAssignment(new RandomizedAssignmentOptions { MaxChurnFraction = double.NaN }));
    }

    private static int[] ExternalCounts(ShardState state) => state.Shards.Select(s => s.Slots.Count(x => !x.IsHarmonySlot)).ToArray();

    private static int Moved(ShardState before, ShardState after)
    {
        var shardOf = new Dictionary<string, uint>();
        foreach (var committee in before.Shards)
        {
            foreach (var slot in committee.Slots.Where(s => !s.IsHarmonySlot))
            {
                shardOf[Convert.ToHexString(slot.BlsPublicKey.Span)] = committee.ShardId;
            }
        }

        int moved = 0;
        foreach (var committee in after.Shards)
        {
            foreach (var slot in committee.Slots.Where(s => !s.IsHarmonySlot))
            {
                if (shardOf.TryGetValue(Convert.ToHexString(slot.BlsPublicKey.Span), out uint previous) && previous != committee.ShardId)
                {
                    moved++;
                }
            }
        }

        return moved;
    }
}
