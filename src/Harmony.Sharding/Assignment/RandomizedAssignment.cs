using System.Buffers.Binary;
using System.Security.Cryptography;
using Harmony.Sharding.Staking;
using Harmony.Sharding.State;

namespace Harmony.Sharding.Assignment;

/// <summary>
/// The whitepaper's randomness-driven election: the same EPoS auction decides <em>who</em> sits and with what stake,
/// but the epoch randomness decides <em>where</em>, so no validator can pick its shard by picking its key.
/// </summary>
/// <remarks>
/// <para>Harmony slots are placed as on mainnet. External winners are placed as follows, with every draw a SHA-256 of
/// the randomness, a label and the key, so the outcome is a deterministic function of the inputs:</para>
/// <list type="number">
/// <item>Incumbents (winners that sat in <see cref="CommitteeAssignmentInput.PreviousState"/>) keep their shard, except
/// the first <c>⌊MaxChurnFraction · incumbents⌋</c> in the order of <c>H(R, "move", key)</c>, which are re-placed:
/// churn is bounded per epoch, and over epochs every validator is moved.</item>
/// <item>Each shard's target size is ⌊n/k⌋ or ⌈n/k⌉ external slots (the extra slots go to the shards with the most
/// stayers, then by <c>H(R, "shard", i)</c>); the free seats are the targets minus the stayers.</item>
/// <item>Entrants and movers, in the order of <c>H(R, "place", key)</c>, take the free seats in the order of
/// <c>H(R, "seat", shard, n)</c>: each lands on a uniformly random free seat.</item>
/// </list>
/// <para>Within a shard the committee order is Harmony slots, then external slots in auction order. Without a previous
/// state (or with the churn fraction at 1) the external slots of each shard differ in number by at most one.</para>
/// </remarks>
public sealed class RandomizedAssignment : ICommitteeAssignmentPolicy
{
    private readonly RandomizedAssignmentOptions _options;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">The churn bound; validated here.</param>
    public RandomizedAssignment(RandomizedAssignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No randomness, or too few Harmony accounts for the instance.</exception>
    public ShardState Assign(CommitteeAssignmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Randomness.IsEmpty)
        {
            throw new ArgumentException("The randomized policy needs the epoch randomness.", nameof(input));
        }

        int shardCount = input.Instance.ShardCount;
        var committees = HarmonySlots.Place(input);
        var auction = EposAuction.Run(
            HarmonySlots.AllKeys(input), input.Candidates, shardCount, input.Instance.SlotsLimit, input.Instance.ExternalSlots, input.EposBound);
        if (auction.Winners.Count == 0 && input.PreviousState is { } previous)
        {
            return previous;
        }

        int[] shardOf = Place(input, auction.Winners, shardCount);
        for (int w = 0; w < auction.Winners.Count; w++)
        {
            var winner = auction.Winners[w];
            committees[shardOf[w]].Add(new ShardSlot(winner.Address.Span, winner.BlsKey.Span, winner.EffectiveStake));
        }

        return HarmonyMainnetAssignment.Build(input.Epoch, committees);
    }

    private int[] Place(CommitteeAssignmentInput input, IReadOnlyList<SlotPurchase> winners, int shardCount)
    {
        byte[] randomness = input.Randomness.ToArray();
        var previousShard = PreviousShards(input.PreviousState, shardCount);
        int n = winners.Count;
        int[] shardOf = new int[n];
        var incumbents = new List<int>();
        var pool = new List<int>();
        for (int w = 0; w < n; w++)
        {
            if (previousShard.TryGetValue(Convert.ToHexString(winners[w].BlsKey.Span), out int shard))
            {
                shardOf[w] = shard;
                incumbents.Add(w);
            }
            else
            {
                pool.Add(w);
            }
        }

        int moves = (int)Math.Floor(_options.MaxChurnFraction * incumbents.Count);
        SortByDraw(incumbents, w => Draw(randomness, "move"u8, winners[w].BlsKey.Span, -1));
        int[] stayers = new int[shardCount];
        for (int i = 0; i < incumbents.Count; i++)
        {
            if (i < moves)
            {
                pool.Add(incumbents[i]);
            }
            else
            {
                stayers[shardOf[incumbents[i]]]++;
            }
        }

        var seats = FreeSeats(randomness, stayers, n, shardCount);
        SortByDraw(pool, w => Draw(randomness, "place"u8, winners[w].BlsKey.Span, -1));
        for (int i = 0; i < pool.Count; i++)
        {
            shardOf[pool[i]] = seats[i];
        }

        return shardOf;
    }

    private static List<int> FreeSeats(byte[] randomness, int[] stayers, int n, int shardCount)
    {
        var shardOrder = new List<int>(shardCount);
        for (int s = 0; s < shardCount; s++)
        {
            shardOrder.Add(s);
        }

        byte[][] shardDraws = new byte[shardCount][];
        for (int s = 0; s < shardCount; s++)
        {
            shardDraws[s] = Draw(randomness, "shard"u8, [], s);
        }

        shardOrder.Sort((x, y) =>
        {
            int byStayers = stayers[y].CompareTo(stayers[x]);
            return byStayers != 0 ? byStayers : shardDraws[x].AsSpan().SequenceCompareTo(shardDraws[y]);
        });

        var seats = new List<(int Shard, byte[] Draw)>();
        for (int rank = 0; rank < shardCount; rank++)
        {
            int shard = shardOrder[rank];
            int target = (n / shardCount) + (rank < n % shardCount ? 1 : 0);
            for (int seat = 0; seat < target - stayers[shard]; seat++)
            {
                byte[] seatIndex = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(seatIndex, seat);
                seats.Add((shard, Draw(randomness, "seat"u8, seatIndex, shard)));
            }
        }

        seats.Sort(static (x, y) => x.Draw.AsSpan().SequenceCompareTo(y.Draw));
        var result = new List<int>(seats.Count);
        foreach (var (shard, _) in seats)
        {
            result.Add(shard);
        }

        return result;
    }

    private static Dictionary<string, int> PreviousShards(ShardState? previous, int shardCount)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if (previous is null)
        {
            return map;
        }

        foreach (var committee in previous.Shards)
        {
            if (committee.ShardId >= shardCount)
            {
                continue;
            }

            foreach (var slot in committee.Slots)
            {
                if (!slot.IsHarmonySlot)
                {
                    map.TryAdd(Convert.ToHexString(slot.BlsPublicKey.Span), (int)committee.ShardId);
                }
            }
        }

        return map;
    }

    private static void SortByDraw(List<int> items, Func<int, byte[]> draw)
    {
        var keyed = new List<(int Item, byte[] Draw)>(items.Count);
        foreach (int item in items)
        {
            keyed.Add((item, draw(item)));
        }

        keyed.Sort(static (x, y) => x.Draw.AsSpan().SequenceCompareTo(y.Draw));
        for (int i = 0; i < items.Count; i++)
        {
            items[i] = keyed[i].Item;
        }
    }

    private static byte[] Draw(ReadOnlySpan<byte> randomness, ReadOnlySpan<byte> label, ReadOnlySpan<byte> key, int index)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> prefix = stackalloc byte[4];
        hash.AppendData("harmony-sdk/sharding/randomized/v1"u8);
        BinaryPrimitives.WriteInt32BigEndian(prefix, randomness.Length);
        hash.AppendData(prefix);
        hash.AppendData(randomness);
        hash.AppendData(label);
        BinaryPrimitives.WriteInt32BigEndian(prefix, index);
        hash.AppendData(prefix);
        hash.AppendData(key);
        return hash.GetHashAndReset();
    }
}
