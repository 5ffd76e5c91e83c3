using System.Diagnostics.CodeAnalysis;

namespace Harmony.Consensus.Blocks;

/// <summary>
/// Where an engine keeps its committed blocks. The engine appends every block it commits before announcing it, and
/// reads the latest one when it starts, so a restarted node resumes after its last committed block. Plug in a durable
/// store for real nodes.
/// </summary>
public interface ICommittedBlockStore
{
    /// <summary>The highest committed block, or <see langword="null"/> before the first.</summary>
    CommittedBlock? Latest { get; }

    /// <summary>Finds the committed block at a height.</summary>
    /// <param name="height">The block number.</param>
    /// <param name="block">The block, or <see langword="null"/>.</param>
    /// <returns>Whether it is stored.</returns>
    bool TryGet(ulong height, [NotNullWhen(true)] out CommittedBlock? block);

    /// <summary>Appends the next block (its height is <see cref="Latest"/>'s + 1, or any height for the first).</summary>
    /// <param name="block">The committed block.</param>
    void Append(CommittedBlock block);
}
