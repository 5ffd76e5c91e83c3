namespace Harmony.Consensus.Quorum;

/// <summary>The voting power the roster gives one slot.</summary>
/// <param name="SlotIndex">The slot's position in the committee (its bit in a signer bitmap).</param>
/// <param name="IsHarmonySlot">Whether Harmony operates the slot.</param>
/// <param name="EffectiveStake">The slot's effective stake (zero for a Harmony slot).</param>
/// <param name="GroupPercent">Its share within its group (Harmony slots, or external slots).</param>
/// <param name="OverallPercent">Its share of the whole committee's vote; these sum to 1 when external slots exist.</param>
public readonly record struct SlotVotePower(int SlotIndex, bool IsHarmonySlot, Decimal18 EffectiveStake, Decimal18 GroupPercent, Decimal18 OverallPercent);
