using FsCheck;
using FsCheck.Fluent;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Tests.Quorum;

public class VotePowerRosterTests
{
    private static byte[] Key(int i)
    {
        var key = new byte[48];
        key[0] = (byte)i;
        key[47] = 0xAA;
        return key;
    }

    private static VotePowerRoster WorkedExample() => VotePowerRoster.Compute(
        [
            RosterSlot.Harmony(Key(0)),
            RosterSlot.Harmony(Key(1)),
            RosterSlot.External(Key(2), Decimal18.FromInteger(100)),
            RosterSlot.External(Key(3), Decimal18.FromInteger(200)),
            RosterSlot.External(Key(4), Decimal18.FromInteger(300)),
        ],
        Decimal18.Parse("0.01"));

    private static SignerBitmap Signers(int n, params int[] indices)
    {
        var bitmap = new SignerBitmap(n);
        foreach (int i in indices)
        {
            bitmap.Set(i);
        }

        return bitmap;
    }

    [Fact]
    public void The_spec_worked_example_gives_the_published_shares()
    {
        var roster = WorkedExample();
        roster.Slots.Select(s => s.OverallPercent.ToString()).ShouldBe(
        [
            "0.005000000000000000", "0.005000000000000000", "0.165000000000000000", "0.330000000000000000", "0.495000000000000000",
        ]);
        (roster.HarmonyTotal + roster.ExternalTotal).ShouldBe(Decimal18.One);
        roster.HarmonySlotCount.ShouldBe(2);
        roster.TotalEffectiveStake.ShouldBe(Decimal18.FromInteger(600));
        roster.Slots[0].GroupPercent.ToString().ShouldBe("0.500000000000000000");
        roster.Slots[2].GroupPercent.ToString().ShouldBe("0.166666666666666667");
    }

    [Fact]
    public void The_spec_worked_example_quorum_verdicts_hold()
    {
        var roster = WorkedExample();
        roster.PowerOf(Signers(5, 3, 4)).ToString().ShouldBe("0.825000000000000000");
        roster.HasQuorum(Signers(5, 3, 4)).ShouldBeTrue();
        roster.PowerOf(Signers(5, 0, 1, 2, 4)).ToString().ShouldBe("0.670000000000000000");
        roster.HasQuorum(Signers(5, 0, 1, 2, 4)).ShouldBeTrue();
        roster.PowerOf(Signers(5, 0, 1, 2, 3)).ToString().ShouldBe("0.505000000000000000");
        roster.HasQuorum(Signers(5, 0, 1, 2, 3)).ShouldBeFalse();
    }

    [Fact]
    public void Exactly_two_thirds_rounded_is_not_a_quorum()
    {
        VotePowerRoster.IsQuorum(Decimal18.TwoThirds).ShouldBeFalse();
        VotePowerRoster.IsQuorum(Decimal18.TwoThirds + Decimal18.FromRaw(1)).ShouldBeTrue();
    }

    [Fact]
    public void The_rounding_leftover_goes_to_the_last_external_slot()
    {
        // Three equal stakes with hp = 0: each share is 1/3 rounded to ...333, so 1e-18 is missing.
        var roster = VotePowerRoster.Compute(
            [RosterSlot.External(Key(0), Decimal18.One), RosterSlot.External(Key(1), Decimal18.One), RosterSlot.External(Key(2), Decimal18.One)],
            Decimal18.Zero);
        roster.Slots[0].OverallPercent.ToString().ShouldBe("0.333333333333333333");
        roster.Slots[2].OverallPercent.ToString().ShouldBe("0.333333333333333334");
        roster.ExternalTotal.ShouldBe(Decimal18.One);
    }

    [Fact]
    public void A_duplicated_key_votes_once_with_its_first_slots_power_at_its_last_position()
    {
        var roster = VotePowerRoster.Compute(
            [RosterSlot.External(Key(7), Decimal18.FromInteger(1)), RosterSlot.External(Key(8), Decimal18.FromInteger(2)), RosterSlot.External(Key(7), Decimal18.FromInteger(3))],
            Decimal18.Zero);
        roster.TryGetVoter(Key(7), out var voter).ShouldBeTrue();
        voter.SlotIndex.ShouldBe(0);
        roster.PowerOf(Signers(3, 0)).ShouldBe(Decimal18.Zero);
        roster.PowerOf(Signers(3, 2)).ShouldBe(roster.Slots[0].OverallPercent);
        roster.TryGetVoter(Key(9), out _).ShouldBeFalse();
    }

    [Fact]
    public void Impossible_rosters_are_refused_with_a_reason()
    {
        VotePowerRoster.TryCompute([], Decimal18.One, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull();
        VotePowerRoster.TryCompute([RosterSlot.Harmony(Key(0))], Decimal18.Zero, out _, out error).ShouldBeFalse();
        error.ShouldContain("zero");
        VotePowerRoster.TryCompute([RosterSlot.External(Key(0), Decimal18.Zero)], Decimal18.Parse("0.5"), out _, out error).ShouldBeFalse();
        VotePowerRoster.TryCompute([RosterSlot.Harmony(Key(0))], Decimal18.Parse("1.5"), out _, out error).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => RosterSlot.External(Key(0), Decimal18.FromInteger(-1)));
    }

    [Fact]
    public void Shares_sum_to_exactly_one_whenever_external_slots_exist() =>
        Prop.ForAll(
            Gen.Choose(0, 5).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(1, int.MaxValue)).Where(l => l.Length is > 0 and < 40).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            (int harmony, int[] stakes, int percent) =>
            {
                var slots = new List<RosterSlot>();
                for (int i = 0; i < harmony; i++)
                {
                    slots.Add(RosterSlot.Harmony(Key(i)));
                }

                for (int i = 0; i < stakes.Length; i++)
                {
                    slots.Add(RosterSlot.External(Key(100 + i), Decimal18.FromInteger(stakes[i])));
                }

                var hp = harmony == 0 ? Decimal18.Zero : Decimal18.FromInteger(Math.Max(percent, 1)).DivideByInteger(100);
                var roster = VotePowerRoster.Compute(slots, hp);
                var all = new SignerBitmap(slots.Count);
                for (int i = 0; i < slots.Count; i++)
                {
                    all.Set(i);
                }

                return roster.PowerOf(all) == Decimal18.One && roster.HarmonyTotal + roster.ExternalTotal == Decimal18.One;
            }).QuickCheckThrowOnFailure();
}
