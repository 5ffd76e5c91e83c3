using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Quorum;

/// <summary>
/// Harmony's staking-era <c>SuperMajorityStake</c>: a quorum is a summed <see cref="SlotVotePower.OverallPercent"/>
/// strictly greater than <see cref="Decimal18.TwoThirds"/>; a multi-key vote must come from one earning account
/// unless its keys are Harmony slots.
/// </summary>
public sealed class StakedVoteDecider : IQuorumDecider
{
    /// <summary>Creates the decider over a computed roster.</summary>
    /// <param name="roster">The committee's vote-power roster.</param>
    public StakedVoteDecider(VotePowerRoster roster)
    {
        Roster = roster ?? throw new ArgumentNullException(nameof(roster));
    }

    /// <summary>The roster whose powers are summed.</summary>
    public VotePowerRoster Roster { get; }

    /// <summary>
    /// The earning account of every slot, when known (set by <see cref="WithEarningAccounts"/>); empty entries are
    /// unknown and never conflict.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> EarningAccounts { get; private init; } = [];

    /// <inheritdoc />
    public int CommitteeSize => Roster.Count;

    /// <summary>A decider that also enforces the one-earning-account rule with the given accounts (slot order).</summary>
    /// <param name="slots">The roster's slots, whose <see cref="RosterSlot.EarningAccount"/> are used.</param>
    /// <returns>The decider.</returns>
    public StakedVoteDecider WithEarningAccounts(IReadOnlyList<RosterSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (slots.Count != Roster.Count)
        {
            throw new ArgumentException($"The roster has {Roster.Count} slots, not {slots.Count}.", nameof(slots));
        }

        return new StakedVoteDecider(Roster) { EarningAccounts = slots.Select(s => s.EarningAccount).ToArray() };
    }

    /// <inheritdoc />
    public bool IsQuorum(SignerBitmap signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        return signers.CommitteeSize == CommitteeSize && Roster.HasQuorum(signers);
    }

    /// <inheritdoc />
    public bool CanVoteTogether(SignerBitmap senders)
    {
        ArgumentNullException.ThrowIfNull(senders);
        if (EarningAccounts.Count == 0)
        {
            return true;
        }

        ReadOnlyMemory<byte> account = default;
        foreach (int index in senders.GetSetIndices())
        {
            if (Roster.Slots[index].IsHarmonySlot || EarningAccounts[index].IsEmpty)
            {
                continue;
            }

            if (account.IsEmpty)
            {
                account = EarningAccounts[index];
            }
            else if (!account.Span.SequenceEqual(EarningAccounts[index].Span))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public Decimal18 Share(SignerBitmap signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        return Roster.PowerOf(signers);
    }
}
