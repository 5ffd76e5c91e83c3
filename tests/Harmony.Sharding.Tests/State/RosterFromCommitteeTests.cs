using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Sharding.State;

namespace Harmony.Sharding.Tests.State;

/// <summary>spec/harmony.md §1.7's worked example, reached from a shard committee.</summary>
public class RosterFromCommitteeTests
{
    [Fact]
    public void The_spec_example_roster_and_quorums_are_reproduced()
    {
        var committee = new ShardCommittee(0, [
            new ShardSlot(TestData.Address(0), TestData.Key("H0"), null),
            new ShardSlot(TestData.Address(1), TestData.Key("H1"), null),
            new ShardSlot(TestData.Address(2), TestData.Key("E100"), Decimal18.FromInteger(100)),
            new ShardSlot(TestData.Address(3), TestData.Key("E200"), Decimal18.FromInteger(200)),
            new ShardSlot(TestData.Address(4), TestData.Key("E300"), Decimal18.FromInteger(300)),
        ]);

        var roster = VotePowerRoster.Compute(committee.RosterSlots(), Decimal18.Parse("0.01"));
        roster.Slots.Select(s => s.OverallPercent.ToString()).ShouldBe(
            ["0.005000000000000000", "0.005000000000000000", "0.165000000000000000", "0.330000000000000000", "0.495000000000000000"]);

        roster.HasQuorum(Mask(3, 4)).ShouldBeTrue();
        roster.PowerOf(Mask(3, 4)).ShouldBe(Decimal18.Parse("0.825"));
        roster.HasQuorum(Mask(0, 1, 2, 4)).ShouldBeTrue();
        roster.PowerOf(Mask(0, 1, 2, 4)).ShouldBe(Decimal18.Parse("0.67"));
        roster.HasQuorum(Mask(0, 1, 2, 3)).ShouldBeFalse();
        roster.PowerOf(Mask(0, 1, 2, 3)).ShouldBe(Decimal18.Parse("0.505"));
    }

    private static SignerBitmap Mask(params int[] indices)
    {
        var bitmap = new SignerBitmap(5);
        foreach (int i in indices)
        {
            bitmap.Set(i);
        }

        return bitmap;
    }
}
