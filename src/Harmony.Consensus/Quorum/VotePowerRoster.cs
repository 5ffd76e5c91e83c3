using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Quorum;

/// <summary>
/// The staked vote-power roster of one committee (Harmony <c>votepower.Compute</c>, spec/harmony.md §1.7). Harmony
/// slots share <c>HarmonyVotePercent</c> equally (<c>hp / H</c>, rounded half to even); an external slot gets
/// <c>effStake / ΣeffStake</c> of the remaining <c>1 − hp</c>; the rounding leftover goes to the last external slot in
/// slot order, so the shares then sum to exactly 1. Quorum is a power <b>strictly greater</b> than
/// <see cref="Decimal18.TwoThirds"/>.
/// </summary>
/// <remarks>
/// Duplicate keys behave as in the Go node: the first occurrence owns the voter entry, and a signer bitmap counts a
/// duplicated key once, at its last position. Immutable and thread-safe.
/// </remarks>
public sealed class VotePowerRoster
{
    private readonly SlotVotePower[] _slots;
    private readonly Decimal18[] _countedPower;
    private readonly Dictionary<string, int> _voterIndex;

    private VotePowerRoster(SlotVotePower[] slots, Decimal18[] countedPower, Dictionary<string, int> voterIndex, Decimal18 harmonyTotal, Decimal18 externalTotal, Decimal18 totalEffectiveStake, int harmonySlotCount)
    {
        _slots = slots;
        _countedPower = countedPower;
        _voterIndex = voterIndex;
        HarmonyTotal = harmonyTotal;
        ExternalTotal = externalTotal;
        TotalEffectiveStake = totalEffectiveStake;
        HarmonySlotCount = harmonySlotCount;
    }

    /// <summary>The power of every slot, in slot order.</summary>
    public IReadOnlyList<SlotVotePower> Slots => _slots;

    /// <summary>N, the number of slots.</summary>
    public int Count => _slots.Length;

    /// <summary>The number of Harmony-operated slots.</summary>
    public int HarmonySlotCount { get; }

    /// <summary>The summed share of the Harmony slots.</summary>
    public Decimal18 HarmonyTotal { get; }

    /// <summary>The summed share of the external slots, leftover included.</summary>
    public Decimal18 ExternalTotal { get; }

    /// <summary>The sum of the external slots' effective stakes.</summary>
    public Decimal18 TotalEffectiveStake { get; }

    /// <summary>
    /// Computes the roster of a committee.
    /// </summary>
    /// <param name="slots">The slots in committee order.</param>
    /// <param name="harmonyVotePercent">The epoch's <c>HarmonyVotePercent</c>, in [0, 1] (mainnet today 0.01).</param>
    /// <param name="roster">The roster, or <see langword="null"/>.</param>
    /// <param name="error">Why it cannot be computed, or <see langword="null"/>.</param>
    /// <returns>False for an empty committee, a percentage outside [0, 1], Harmony slots with a zero percentage, or
    /// external slots whose stakes sum to zero (the Go node would panic on each of these divisions).</returns>
    public static bool TryCompute(IReadOnlyList<RosterSlot> slots, Decimal18 harmonyVotePercent, [NotNullWhen(true)] out VotePowerRoster? roster, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(slots);
        roster = null;
        if (slots.Count == 0)
        {
            error = "A roster needs at least one slot.";
            return false;
        }

        if (harmonyVotePercent.IsNegative || harmonyVotePercent > Decimal18.One)
        {
            error = $"HarmonyVotePercent must be in [0, 1], not {harmonyVotePercent}.";
            return false;
        }

        var totalStake = Decimal18.Zero;
        int harmonyCount = 0;
        for (int i = 0; i < slots.Count; i++)
        {
            var slot = slots[i] ?? throw new ArgumentException($"Slot {i} is null.", nameof(slots));
            if (slot.EffectiveStake is { } stake)
            {
                totalStake += stake;
            }
            else
            {
                harmonyCount++;
            }
        }

        bool hasExternal = harmonyCount < slots.Count;
        if (hasExternal && totalStake.IsZero)
        {
            error = "The external slots' effective stakes sum to zero.";
            return false;
        }

        if (harmonyCount > 0 && harmonyVotePercent.IsZero)
        {
            error = "HarmonyVotePercent is zero but the committee has Harmony slots.";
            return false;
        }

        var externalPercent = Decimal18.One - harmonyVotePercent;
        var harmonyShare = harmonyCount > 0 ? harmonyVotePercent.Divide(Decimal18.FromInteger(harmonyCount)) : Decimal18.Zero;
        var ours = Decimal18.Zero;
        var theirs = Decimal18.Zero;
        int lastExternal = -1;
        var powers = new SlotVotePower[slots.Count];
        for (int i = 0; i < slots.Count; i++)
        {
            if (slots[i].EffectiveStake is { } stake)
            {
                var group = stake.Divide(totalStake);
                var overall = group.Multiply(externalPercent);
                powers[i] = new SlotVotePower(i, false, stake, group, overall);
                theirs += overall;
                lastExternal = i;
            }
            else
            {
                powers[i] = new SlotVotePower(i, true, Decimal18.Zero, harmonyShare.Divide(harmonyVotePercent), harmonyShare);
                ours += harmonyShare;
            }
        }

        if (lastExternal >= 0)
        {
            var leftover = Decimal18.One - (ours + theirs);
            powers[lastExternal] = powers[lastExternal] with { OverallPercent = powers[lastExternal].OverallPercent + leftover };
            theirs += leftover;
        }

        var voterIndex = new Dictionary<string, int>(slots.Count, StringComparer.Ordinal);
        var lastPosition = new Dictionary<string, int>(slots.Count, StringComparer.Ordinal);
        for (int i = 0; i < slots.Count; i++)
        {
            string key = Convert.ToHexStringLower(slots[i].BlsPublicKey.Span);
            voterIndex.TryAdd(key, i);
            lastPosition[key] = i;
        }

        var counted = new Decimal18[slots.Count];
        foreach (var (key, position) in lastPosition)
        {
            counted[position] = powers[voterIndex[key]].OverallPercent;
        }

        roster = new VotePowerRoster(powers, counted, voterIndex, ours, theirs, totalStake, harmonyCount);
        error = null;
        return true;
    }

    /// <summary>Computes a roster, throwing <see cref="ArgumentException"/> where <see cref="TryCompute"/> fails.</summary>
    /// <param name="slots">The slots in committee order.</param>
    /// <param name="harmonyVotePercent">The epoch's <c>HarmonyVotePercent</c>.</param>
    /// <returns>The roster.</returns>
    public static VotePowerRoster Compute(IReadOnlyList<RosterSlot> slots, Decimal18 harmonyVotePercent) =>
        TryCompute(slots, harmonyVotePercent, out var roster, out var error) ? roster : throw new ArgumentException(error, nameof(slots));

    /// <summary>Finds the voter entry of a key (its first slot).</summary>
    /// <param name="blsPublicKey">The encoded key.</param>
    /// <param name="power">The voter's power, or default.</param>
    /// <returns>Whether the key sits in the committee.</returns>
    public bool TryGetVoter(ReadOnlySpan<byte> blsPublicKey, out SlotVotePower power)
    {
        if (_voterIndex.TryGetValue(Convert.ToHexStringLower(blsPublicKey), out int index))
        {
            power = _slots[index];
            return true;
        }

        power = default;
        return false;
    }

    /// <summary>The summed <see cref="SlotVotePower.OverallPercent"/> of the signers a bitmap names (Go <c>VotePowerByMask</c>).</summary>
    /// <param name="signers">A bitmap over this committee.</param>
    /// <returns>The power, between 0 and 1.</returns>
    public Decimal18 PowerOf(SignerBitmap signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.CommitteeSize != _slots.Length)
        {
            throw new ArgumentException($"The bitmap covers {signers.CommitteeSize} members; the roster has {_slots.Length}.", nameof(signers));
        }

        var total = Decimal18.Zero;
        foreach (int index in signers.GetSetIndices())
        {
            total += _countedPower[index];
        }

        return total;
    }

    /// <summary>Whether a power is a staked quorum: strictly greater than <see cref="Decimal18.TwoThirds"/>.</summary>
    /// <param name="power">A summed power.</param>
    /// <returns>The verdict.</returns>
    public static bool IsQuorum(Decimal18 power) => power > Decimal18.TwoThirds;

    /// <summary>Whether the signers a bitmap names hold a staked quorum.</summary>
    /// <param name="signers">A bitmap over this committee.</param>
    /// <returns>The verdict.</returns>
    public bool HasQuorum(SignerBitmap signers) => IsQuorum(PowerOf(signers));
}
