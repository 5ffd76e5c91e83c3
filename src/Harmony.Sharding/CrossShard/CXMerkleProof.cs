using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Harmony.Crypto.Encoding;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// Which source block a set of receipts comes from, and the per-destination roots that hash to its
/// <c>OutgoingReceiptHash</c>: <c>[BlockNum, BlockHash, ShardID, CXReceiptHash, [ShardIDs], [CXShardHashes]]</c>.
/// </summary>
/// <param name="BlockNumber">The source block's number.</param>
/// <param name="BlockHash">The source block's hash.</param>
/// <param name="ShardId">The source shard.</param>
/// <param name="CXReceiptHash">The source header's <c>OutgoingReceiptHash</c>.</param>
/// <param name="ShardIds">Every destination shard with receipts in that block, ascending.</param>
/// <param name="ShardHashes">Their receipt roots (<c>DeriveSha</c>), in the same order.</param>
public sealed record CXMerkleProof(ulong BlockNumber, ReadOnlyMemory<byte> BlockHash, uint ShardId, ReadOnlyMemory<byte> CXReceiptHash, IReadOnlyList<uint> ShardIds, IReadOnlyList<ReadOnlyMemory<byte>> ShardHashes)
{
    /// <summary>Most destination shards a decoded proof may list.</summary>
    public const int MaxShards = 1024;

    /// <summary>The proof's RLP.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode()
    {
        var ids = new byte[ShardIds.Count][];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = RlpItems.UInt(ShardIds[i]);
        }

        var hashes = new byte[ShardHashes.Count][];
        for (int i = 0; i < hashes.Length; i++)
        {
            hashes[i] = RlpItems.Bytes(ShardHashes[i].Span);
        }

        return RlpItems.List(
            RlpItems.UInt(BlockNumber),
            RlpItems.Bytes(BlockHash.Span),
            RlpItems.UInt(ShardId),
            RlpItems.Bytes(CXReceiptHash.Span),
            RlpItems.List(ids),
            RlpItems.List(hashes));
    }

    /// <summary>Reads a proof.</summary>
    /// <param name="reader">Positioned at the proof's list.</param>
    /// <param name="proof">The proof, or <see langword="null"/>.</param>
    /// <param name="error">Why it is malformed, or <see langword="null"/>.</param>
    /// <returns>Whether a well-formed proof was read.</returns>
    public static bool TryRead(ref RlpReader reader, [NotNullWhen(true)] out CXMerkleProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        if (!reader.TryReadList(out var fields) ||
            !fields.TryReadBigInteger(out BigInteger number) || number > ulong.MaxValue ||
            !fields.TryReadFixedBytes(CXReceipt.HashSize, out var blockHash) ||
            !fields.TryReadUInt64(out ulong shardId) || shardId > uint.MaxValue ||
            !fields.TryReadFixedBytes(CXReceipt.HashSize, out var receiptHash) ||
            !fields.TryReadList(out var idsReader) ||
            !fields.TryReadList(out var hashesReader) ||
            !fields.TryEnsureEnd())
        {
            error = $"malformed merkle proof ({fields.LastError}, {reader.LastError})";
            return false;
        }

        var ids = new List<uint>();
        while (idsReader.HasMore)
        {
            if (ids.Count == MaxShards || !idsReader.TryReadUInt64(out ulong id) || id > uint.MaxValue)
            {
                error = $"malformed destination shard list ({idsReader.LastError})";
                return false;
            }

            ids.Add((uint)id);
        }

        var hashes = new List<ReadOnlyMemory<byte>>();
        while (hashesReader.HasMore)
        {
            if (hashes.Count == MaxShards || !hashesReader.TryReadFixedBytes(CXReceipt.HashSize, out var hash))
            {
                error = $"malformed shard hash list ({hashesReader.LastError})";
                return false;
            }

            hashes.Add(hash.ToArray());
        }

        proof = new CXMerkleProof((ulong)number, blockHash.ToArray(), (uint)shardId, receiptHash.ToArray(), ids, hashes);
        error = null;
        return true;
    }
}
