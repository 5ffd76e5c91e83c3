using Harmony.Sharding.Staking;
using Harmony.Sharding.State;

namespace Harmony.Sharding.Assignment;

/// <summary>
/// Harmony mainnet's committee election (spec/harmony.md §5.3), byte-compatible with the Go node: Harmony slots first
/// (account <c>i + j·shards</c> into shard i), then the EPoS winners in auction order, each appended to shard
/// <c>BigEndian(blsKey) mod shards</c> with its effective stake. No randomness is involved: a validator picks its shard
/// by picking its key. With no winners the previous state is reused.
/// </summary>
public sealed class HarmonyMainnetAssignment : ICommitteeAssignmentPolicy
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">Too few Harmony accounts for the instance.</exception>
    public ShardState Assign(CommitteeAssignmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var committees = HarmonySlots.Place(input);
        var auction = EposAuction.Run(
            HarmonySlots.AllKeys(input), input.Candidates, input.Instance.ShardCount, input.Instance.SlotsLimit, input.Instance.ExternalSlots, input.EposBound);
        if (auction.Winners.Count == 0 && input.PreviousState is { } previous)
        {
            return previous;
        }

        foreach (var winner in auction.Winners)
        {
            int shard = EposAuction.ShardOf(winner.BlsKey.Span, input.Instance.ShardCount);
            committees[shard].Add(new ShardSlot(winner.Address.Span, winner.BlsKey.Span, winner.EffectiveStake));
        }

        return Build(input.Epoch, committees);
    }

    internal static ShardState Build(ulong epoch, List<ShardSlot>[] committees)
    {
        var shards = new ShardCommittee[committees.Length];
        for (int i = 0; i < shards.Length; i++)
        {
            shards[i] = new ShardCommittee((uint)i, committees[i]);
        }

        return new ShardState(epoch, shards);
    }
}
