using Harmony.Consensus.Blocks;

namespace Harmony.Consensus.Engine;

/// <summary>A validated block of the current height, with its header facts.</summary>
/// <param name="Hash">The 32-byte hash.</param>
/// <param name="Bytes">The encoded block.</param>
/// <param name="Summary">What the validator reported.</param>
internal sealed record CandidateBlock(byte[] Hash, ReadOnlyMemory<byte> Bytes, BlockSummary Summary)
{
    internal string Key => Convert.ToHexStringLower(Hash);
}

/// <summary>
/// The highest-view PREPARED this node has seen for the current height: what it reports as M1 in a view change and
/// what it refuses to abandon for a NEWVIEW that carries an older (or no) prepared block.
/// </summary>
/// <param name="Block">The prepared block.</param>
/// <param name="Certificate">The prepare <c>sig ‖ bitmap</c>.</param>
internal sealed record PreparedLock(CandidateBlock Block, byte[] Certificate)
{
    internal ulong BlockViewId => Block.Summary.ViewId;
}
