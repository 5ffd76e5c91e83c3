using Harmony.Consensus.Quorum;

namespace Harmony.Sharding.Staking;

/// <summary>One slot won in the EPoS auction: whose it is, which key fills it, its raw and its effective stake.</summary>
/// <param name="Address">The validator account.</param>
/// <param name="BlsKey">The 48-byte BLS key of the slot.</param>
/// <param name="RawStake">The validator's stake divided evenly among its kept keys (truncated).</param>
/// <param name="EffectiveStake">The raw stake clamped to <c>[(1−c)·median, (1+c)·median]</c>.</param>
public sealed record SlotPurchase(ReadOnlyMemory<byte> Address, ReadOnlyMemory<byte> BlsKey, Decimal18 RawStake, Decimal18 EffectiveStake);
