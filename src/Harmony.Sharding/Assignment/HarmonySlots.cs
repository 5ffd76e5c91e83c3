using Harmony.Sharding.State;

namespace Harmony.Sharding.Assignment;

/// <summary>The Harmony-operated slots of each shard: account <c>i + j·shards</c> for j below the per-shard count.</summary>
internal static class HarmonySlots
{
    internal static List<ShardSlot>[] Place(CommitteeAssignmentInput input)
    {
        int shards = input.Instance.ShardCount;
        int perShard = input.Instance.HarmonyNodesPerShard;
        if (input.HarmonyAccounts.Count < shards * perShard)
        {
            throw new ArgumentException($"{shards} shards of {perShard} Harmony slots need {shards * perShard} Harmony accounts, not {input.HarmonyAccounts.Count}.", nameof(input));
        }

        var committees = new List<ShardSlot>[shards];
        for (int i = 0; i < shards; i++)
        {
            committees[i] = new List<ShardSlot>(input.Instance.NodesPerShard);
            for (int j = 0; j < perShard; j++)
            {
                var account = input.HarmonyAccounts[i + (j * shards)];
                committees[i].Add(new ShardSlot(account.Address.Span, account.BlsKey.Span, null));
            }
        }

        return committees;
    }

    internal static IEnumerable<ReadOnlyMemory<byte>> AllKeys(CommitteeAssignmentInput input)
    {
        if (input.AuctionExcludedKeys is { } excluded)
        {
            foreach (var key in excluded)
            {
                yield return key;
            }

            yield break;
        }

        foreach (var account in input.HarmonyAccounts)
        {
            yield return account.BlsKey;
        }
    }
}
