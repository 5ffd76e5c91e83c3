using System.Buffers.Binary;
using Harmony.Crypto.Hashing;
using Harmony.Sharding.Trie;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// A header's <c>OutgoingReceiptHash</c> (Go <c>CXReceipts.ComputeMerkleRoot</c>): for each destination shard s from 0
/// to the largest one with receipts, if s has receipts append <c>BE32(s) ‖ DeriveSha(receipts to s)</c>; the hash is
/// Keccak-256 of that, or the empty-trie root when the block has no outgoing receipts.
/// </summary>
public static class OutgoingReceiptHash
{
    /// <summary>The receipts of a block grouped by destination shard, ascending, each in block order.</summary>
    /// <param name="receipts">All of a block's outgoing receipts in order.</param>
    /// <returns>Destination shard → receipts.</returns>
    public static SortedDictionary<uint, List<CXReceipt>> GroupByDestination(IReadOnlyList<CXReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var groups = new SortedDictionary<uint, List<CXReceipt>>();
        foreach (var receipt in receipts)
        {
            if (!groups.TryGetValue(receipt.ToShardId, out var list))
            {
                list = [];
                groups[receipt.ToShardId] = list;
            }

            list.Add(receipt);
        }

        return groups;
    }

    /// <summary><c>DeriveSha</c> of one destination's receipts.</summary>
    /// <param name="receipts">The receipts to one shard, in block order.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ShardRoot(IReadOnlyList<CXReceipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var encoded = new byte[receipts.Count][];
        for (int i = 0; i < encoded.Length; i++)
        {
            encoded[i] = receipts[i].Encode();
        }

        return DeriveSha.Compute(encoded);
    }

    /// <summary>The hash over (shard, root) pairs, as in a header and in <see cref="CXMerkleProof.CXReceiptHash"/>.</summary>
    /// <param name="shardIds">Destination shards, ascending.</param>
    /// <param name="shardRoots">Their receipt roots.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] Combine(IReadOnlyList<uint> shardIds, IReadOnlyList<ReadOnlyMemory<byte>> shardRoots)
    {
        ArgumentNullException.ThrowIfNull(shardIds);
        ArgumentNullException.ThrowIfNull(shardRoots);
        if (shardIds.Count != shardRoots.Count)
        {
            throw new ArgumentException("Each shard needs exactly one root.", nameof(shardRoots));
        }

        if (shardIds.Count == 0)
        {
            return MerklePatriciaTrie.EmptyRoot.ToArray();
        }

        using var keccak = new Keccak256();
        Span<byte> id = stackalloc byte[4];
        for (int i = 0; i < shardIds.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(id, shardIds[i]);
            keccak.AppendData(id);
            keccak.AppendData(shardRoots[i].Span);
        }

        return keccak.GetHashAndReset();
    }

    /// <summary>The <c>OutgoingReceiptHash</c> of a block's receipts.</summary>
    /// <param name="receipts">All of the block's outgoing receipts.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] Compute(IReadOnlyList<CXReceipt> receipts)
    {
        var groups = GroupByDestination(receipts);
        var ids = new List<uint>(groups.Count);
        var roots = new List<ReadOnlyMemory<byte>>(groups.Count);
        foreach (var (shard, list) in groups)
        {
            ids.Add(shard);
            roots.Add(ShardRoot(list));
        }

        return Combine(ids, roots);
    }
}
