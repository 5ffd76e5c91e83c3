using Harmony.Consensus.Quorum;

namespace Harmony.Sharding.Staking;

/// <summary>The outcome of an EPoS auction.</summary>
/// <param name="Median">The median raw stake of the winning slots (mean of the two middle ones for an even count).</param>
/// <param name="Winners">The winning slots, by raw stake descending (ties in address order): the placement order.</param>
public sealed record EposAuctionResult(Decimal18 Median, IReadOnlyList<SlotPurchase> Winners);
