using System.Diagnostics.CodeAnalysis;
using Harmony.Consensus;

namespace Harmony.Sharding.CrossShard;

/// <summary>Gives the committee that signed a source shard's blocks in an epoch (from the beacon chain's shard states).</summary>
public interface ISourceCommitteeProvider
{
    /// <summary>Looks up the committee of <paramref name="shardId"/> at <paramref name="epoch"/>.</summary>
    /// <param name="shardId">The source shard.</param>
    /// <param name="epoch">The source block's epoch.</param>
    /// <param name="committee">The committee (keys, quorum rule), or <see langword="null"/>.</param>
    /// <param name="commitPayloadIncludesViewId">Whether that epoch signs 48-byte commit payloads (staking epochs).</param>
    /// <returns>Whether the committee is known.</returns>
    bool TryGetCommittee(uint shardId, ulong epoch, [NotNullWhen(true)] out ConsensusCommittee? committee, out bool commitPayloadIncludesViewId);
}
