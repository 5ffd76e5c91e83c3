namespace Harmony.Consensus.Blocks;

/// <summary>A finalized block with the quorum certificate that commits it.</summary>
/// <param name="Height">The block number.</param>
/// <param name="Hash">The 32-byte block hash.</param>
/// <param name="Block">The encoded block.</param>
/// <param name="BlockViewId">The header's view id (what the commit signatures cover).</param>
/// <param name="CommitViewId">The view in which it was committed; the next round uses this + 1.</param>
/// <param name="LeaderIndex">The committee index of the leader that committed it.</param>
/// <param name="Commit">The commit <c>sig ‖ bitmap</c> (what block N+1 carries).</param>
/// <param name="Timestamp">The header time, or the local commit time when the block does not say.</param>
public sealed record CommittedBlock(ulong Height, ReadOnlyMemory<byte> Hash, ReadOnlyMemory<byte> Block, ulong BlockViewId, ulong CommitViewId, int LeaderIndex, ReadOnlyMemory<byte> Commit, DateTimeOffset Timestamp);
