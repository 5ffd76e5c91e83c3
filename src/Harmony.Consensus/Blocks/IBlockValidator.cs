namespace Harmony.Consensus.Blocks;

/// <summary>
/// Application hook: decodes and validates a proposed block (bytes the engine treats as opaque) and reports its
/// header facts. Called for every ANNOUNCE, PREPARED, M1 and NEWVIEW block and for blocks submitted for catch-up.
/// Must be deterministic and must not throw on malformed bytes.
/// </summary>
public interface IBlockValidator
{
    /// <summary>Validates a block.</summary>
    /// <param name="block">The encoded block.</param>
    /// <param name="summary">Its header facts when valid.</param>
    /// <param name="reason">Why it is invalid, or <see langword="null"/>.</param>
    /// <returns>Whether the block is valid on its own (the engine checks height, view, parent and hash).</returns>
    bool TryValidate(ReadOnlyMemory<byte> block, out BlockSummary summary, out string? reason);
}
