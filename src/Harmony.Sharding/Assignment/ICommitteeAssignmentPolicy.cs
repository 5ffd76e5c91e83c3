using Harmony.Sharding.State;

namespace Harmony.Sharding.Assignment;

/// <summary>
/// Elects the committees of an epoch. Implementations are deterministic functions of their input, so every node
/// computes the same shard state.
/// </summary>
public interface ICommitteeAssignmentPolicy
{
    /// <summary>Computes the shard state for <see cref="CommitteeAssignmentInput.Epoch"/>.</summary>
    /// <param name="input">The election's inputs.</param>
    /// <returns>One committee per shard, slots in committee (mask) order.</returns>
    ShardState Assign(CommitteeAssignmentInput input);
}
