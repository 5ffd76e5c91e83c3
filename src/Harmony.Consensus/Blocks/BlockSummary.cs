namespace Harmony.Consensus.Blocks;

/// <summary>
/// The header facts the engine needs from an opaque block, reported by <see cref="IBlockValidator"/>.
/// </summary>
/// <param name="Hash">The 32-byte block hash (Harmony: Keccak-256 of the header RLP).</param>
/// <param name="Height">The block number.</param>
/// <param name="ViewId">The header's view id (signed in the commit payload).</param>
/// <param name="ParentHash">The parent's hash (empty for the first block).</param>
/// <param name="Timestamp">The header time, used to derive view ids during a view change; null when unknown.</param>
/// <param name="ParentCommit">The parent's commit <c>sig ‖ bitmap</c> the header carries, or empty.</param>
public readonly record struct BlockSummary(ReadOnlyMemory<byte> Hash, ulong Height, ulong ViewId, ReadOnlyMemory<byte> ParentHash, DateTimeOffset? Timestamp, ReadOnlyMemory<byte> ParentCommit);
