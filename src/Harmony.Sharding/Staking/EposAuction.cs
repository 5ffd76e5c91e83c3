using System.Numerics;
using Harmony.Consensus.Quorum;

namespace Harmony.Sharding.Staking;

/// <summary>
/// Harmony's Effective Proof-of-Stake auction (spec/harmony.md §5.3, <c>staking/effective</c> and
/// <c>shard/committee</c> of the Go node), reproduced rule for rule:
/// <list type="number">
/// <item>Keys: a candidate that uses a Harmony key, or a key already seen, is dropped (keys seen before the duplicate
/// stay seen); with a slot limit, keys beyond the limit for their shard (<c>BigEndian(key) mod shards</c>) are not
/// bid, but still count towards the limit.</item>
/// <item>Candidates sorted by address; each expands into one slot per kept key with <c>stake / keys</c> (truncated);
/// slots stable-sorted by raw stake descending; the top <c>externalSlots</c> win.</item>
/// <item>Effective stake: raw stake clamped to <c>[(1−c)·median, (1+c)·median]</c>, c = 0.15, or 0.35 from
/// <c>EPoSBound35Epoch</c>.</item>
/// </list>
/// </summary>
public static class EposAuction
{
    /// <summary>The original bound, c = 0.15.</summary>
    public static Decimal18 Bound15 { get; } = Decimal18.Parse("0.15");

    /// <summary>The bound from <c>EPoSBound35Epoch</c> (mainnet 631), c = 0.35.</summary>
    public static Decimal18 Bound35 { get; } = Decimal18.Parse("0.35");

    /// <summary>Runs the auction.</summary>
    /// <param name="harmonyKeys">Every Harmony-operated key of the instance (a candidate using one is dropped).</param>
    /// <param name="candidates">The eligible candidates, in the order the chain lists them.</param>
    /// <param name="shardCount">The number of shards, at least 1.</param>
    /// <param name="slotsLimit">Most keys a validator may bid per shard; 0 for no limit (HIP-16).</param>
    /// <param name="externalSlots">How many slots are for sale: <c>(nodes − harmonyNodes) · shards</c>.</param>
    /// <param name="bound">c, the clamp around the median (<see cref="Bound15"/> or <see cref="Bound35"/>).</param>
    /// <returns>The median and the winners in placement order.</returns>
    public static EposAuctionResult Run(IEnumerable<ReadOnlyMemory<byte>> harmonyKeys, IReadOnlyList<EposCandidate> candidates, int shardCount, int slotsLimit, int externalSlots, Decimal18 bound)
    {
        ArgumentNullException.ThrowIfNull(harmonyKeys);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(slotsLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(externalSlots);

        var orders = PrepareOrders(harmonyKeys, candidates, shardCount, slotsLimit);
        var slots = Expand(orders);
        int pull = Math.Min(externalSlots, slots.Count);
        if (pull == 0)
        {
            return new EposAuctionResult(Decimal18.Zero, []);
        }

        Decimal18 median = Median(slots, pull);
        Decimal18 max = (Decimal18.One + bound) * median;
        Decimal18 min = (Decimal18.One - bound) * median;
        var winners = new SlotPurchase[pull];
        for (int i = 0; i < pull; i++)
        {
            var (address, key, raw) = slots[i];
            Decimal18 capped = raw < max ? raw : max;
            winners[i] = new SlotPurchase(address, key, raw, capped > min ? capped : min);
        }

        return new EposAuctionResult(median, winners);
    }

    /// <summary>The shard a key is placed in: the key's 48 bytes as a big-endian integer, modulo the shard count.</summary>
    /// <param name="blsKey">The serialized key.</param>
    /// <param name="shardCount">The number of shards.</param>
    /// <returns>The shard index.</returns>
    public static int ShardOf(ReadOnlySpan<byte> blsKey, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        return (int)(new BigInteger(blsKey, isUnsigned: true, isBigEndian: true) % shardCount);
    }

    private static List<(ReadOnlyMemory<byte> Address, BigInteger Stake, List<ReadOnlyMemory<byte>> Keys)> PrepareOrders(
        IEnumerable<ReadOnlyMemory<byte>> harmonyKeys, IReadOnlyList<EposCandidate> candidates, int shardCount, int slotsLimit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in harmonyKeys)
        {
            seen.Add(Convert.ToHexString(key.Span));
        }

        var addresses = new HashSet<string>(StringComparer.Ordinal);
        var orders = new List<(ReadOnlyMemory<byte>, BigInteger, List<ReadOnlyMemory<byte>>)>();
        foreach (var candidate in candidates)
        {
            if (candidate.Stake.Sign < 0)
            {
                throw new ArgumentException("A candidate's stake cannot be negative.", nameof(candidates));
            }

            if (!addresses.Add(Convert.ToHexString(candidate.Address.Span)))
            {
                throw new ArgumentException("Each candidate address may appear once.", nameof(candidates));
            }

            var kept = new List<ReadOnlyMemory<byte>>();
            var perShard = new int[shardCount];
            bool usesTakenKey = false;
            foreach (var key in candidate.SlotKeys)
            {
                if (!seen.Add(Convert.ToHexString(key.Span)))
                {
                    usesTakenKey = true;
                    continue;
                }

                int shard = ShardOf(key.Span, shardCount);
                if (slotsLimit == 0 || perShard[shard] < slotsLimit)
                {
                    kept.Add(key);
                }

                perShard[shard]++;
            }

            if (!usesTakenKey)
            {
                orders.Add((candidate.Address, candidate.Stake, kept));
            }
        }

        // Go's sort.SliceStable by address ascending; addresses are distinct, so any sort gives the same order.
        orders.Sort(static (x, y) => x.Item1.Span.SequenceCompareTo(y.Item1.Span));
        return orders;
    }

    private static List<(ReadOnlyMemory<byte> Address, ReadOnlyMemory<byte> Key, Decimal18 Raw)> Expand(
        List<(ReadOnlyMemory<byte> Address, BigInteger Stake, List<ReadOnlyMemory<byte>> Keys)> orders)
    {
        var slots = new List<(ReadOnlyMemory<byte>, ReadOnlyMemory<byte>, Decimal18, int)>();
        foreach (var (address, stake, keys) in orders)
        {
            if (keys.Count == 0)
            {
                continue;
            }

            Decimal18 spread = Decimal18.FromInteger(stake).DivideByInteger(keys.Count);
            foreach (var key in keys)
            {
                slots.Add((address, key, spread, slots.Count));
            }
        }

        // Stable sort by raw stake descending: the expansion index breaks ties.
        slots.Sort(static (x, y) =>
        {
            int byStake = y.Item3.CompareTo(x.Item3);
            return byStake != 0 ? byStake : x.Item4.CompareTo(y.Item4);
        });

        var result = new List<(ReadOnlyMemory<byte>, ReadOnlyMemory<byte>, Decimal18)>(slots.Count);
        foreach (var (address, key, raw, _) in slots)
        {
            result.Add((address, key, raw));
        }

        return result;
    }

    private static Decimal18 Median(List<(ReadOnlyMemory<byte> Address, ReadOnlyMemory<byte> Key, Decimal18 Raw)> sortedSlots, int count)
    {
        if (count % 2 == 1)
        {
            return sortedSlots[count / 2].Raw;
        }

        return (sortedSlots[(count / 2) - 1].Raw + sortedSlots[count / 2].Raw) / Decimal18.FromInteger(2);
    }
}
