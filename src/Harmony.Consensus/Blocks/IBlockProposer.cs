namespace Harmony.Consensus.Blocks;

/// <summary>Application hook: builds the block a leader proposes.</summary>
public interface IBlockProposer
{
    /// <summary>Builds a block for <paramref name="context"/>; false when nothing can be proposed yet (asked again on the next tick).</summary>
    /// <param name="context">Height, view, parent and parent commit.</param>
    /// <param name="block">The encoded block.</param>
    /// <returns>Whether a block was built.</returns>
    bool TryPropose(BlockProposalContext context, out ReadOnlyMemory<byte> block);
}
