using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Harmony.Consensus;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Sharding.State;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// An <see cref="ISourceCommitteeProvider"/> over shard states: the committee of (shard, epoch) is that epoch's shard
/// state's committee, with the staked quorum (vote-power roster with the epoch's <c>HarmonyVotePercent</c>, 48-byte
/// commit payloads) from the staking epoch on, and one node one vote (40-byte payloads) before it. Built committees
/// are cached (up to 64 entries; the cache is cleared when full).
/// </summary>
public sealed class ShardStateCommitteeProvider : ISourceCommitteeProvider
{
    private const int CacheCapacity = 64;

    private readonly IBlsSignatureScheme _scheme;
    private readonly Func<ulong, ShardState?> _stateForEpoch;
    private readonly Func<ulong, Decimal18> _harmonyVotePercent;
    private readonly ulong _stakingEpoch;
    private readonly ConcurrentDictionary<(uint, ulong), ConsensusCommittee> _cache = new();

    /// <summary>Creates the provider.</summary>
    /// <param name="scheme">The BLS suite of the committee keys.</param>
    /// <param name="stateForEpoch">The shard state in force at an epoch, or <see langword="null"/> when unknown.</param>
    /// <param name="harmonyVotePercent">The Harmony slots' voting share at an epoch (staking epochs only).</param>
    /// <param name="stakingEpoch">The first staking epoch (mainnet 186).</param>
    public ShardStateCommitteeProvider(IBlsSignatureScheme scheme, Func<ulong, ShardState?> stateForEpoch, Func<ulong, Decimal18> harmonyVotePercent, ulong stakingEpoch)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(stateForEpoch);
        ArgumentNullException.ThrowIfNull(harmonyVotePercent);
        _scheme = scheme;
        _stateForEpoch = stateForEpoch;
        _harmonyVotePercent = harmonyVotePercent;
        _stakingEpoch = stakingEpoch;
    }

    /// <inheritdoc />
    public bool TryGetCommittee(uint shardId, ulong epoch, [NotNullWhen(true)] out ConsensusCommittee? committee, out bool commitPayloadIncludesViewId)
    {
        commitPayloadIncludesViewId = epoch >= _stakingEpoch;
        if (_cache.TryGetValue((shardId, epoch), out committee))
        {
            return true;
        }

        if (_stateForEpoch(epoch) is not { } state || !state.TryGetCommittee(shardId, out var shard) || shard.Slots.Count == 0)
        {
            return false;
        }

        IQuorumDecider decider;
        if (commitPayloadIncludesViewId)
        {
            var slots = shard.RosterSlots();
            if (!VotePowerRoster.TryCompute(slots, _harmonyVotePercent(epoch), out var roster, out _))
            {
                return false;
            }

            decider = new StakedVoteDecider(roster).WithEarningAccounts(slots);
        }
        else
        {
            decider = new OneNodeOneVoteDecider(shard.Slots.Count);
        }

        var addresses = new ReadOnlyMemory<byte>[shard.Slots.Count];
        for (int i = 0; i < addresses.Length; i++)
        {
            addresses[i] = shard.Slots[i].Address;
        }

        if (!ConsensusCommittee.TryCreate(_scheme, shard.BlsKeys(), decider, addresses, out committee, out _))
        {
            return false;
        }

        if (_cache.Count >= CacheCapacity)
        {
            _cache.Clear();
        }

        _cache.TryAdd((shardId, epoch), committee);
        return true;
    }
}
