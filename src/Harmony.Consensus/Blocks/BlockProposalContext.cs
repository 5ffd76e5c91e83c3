namespace Harmony.Consensus.Blocks;

/// <summary>What a leader's block must build on.</summary>
/// <param name="Height">The height to propose.</param>
/// <param name="ViewId">The view the block is proposed in (its header view id).</param>
/// <param name="ParentHash">The last committed block's hash (empty before the first block).</param>
/// <param name="ParentCommit">The last committed block's <c>sig ‖ bitmap</c>, which the new header must carry.</param>
/// <param name="Now">The engine's clock.</param>
/// <param name="LeaderIndex">The proposing committee index.</param>
public sealed record BlockProposalContext(ulong Height, ulong ViewId, ReadOnlyMemory<byte> ParentHash, ReadOnlyMemory<byte> ParentCommit, DateTimeOffset Now, int LeaderIndex);
