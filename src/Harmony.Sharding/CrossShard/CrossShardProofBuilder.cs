using System.Diagnostics.CodeAnalysis;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// Builds, on the source shard after a block is committed, one <see cref="CXReceiptsProof"/> per destination shard
/// with receipts (what Harmony's leader broadcasts to each destination's topic).
/// </summary>
public static class CrossShardProofBuilder
{
    /// <summary>Builds the proofs of a committed block.</summary>
    /// <param name="blockReceipts">All of the block's outgoing receipts, in block order.</param>
    /// <param name="header">The block header's tagged RLP; its <c>OutgoingReceiptHash</c> must match the receipts.</param>
    /// <param name="commitSignature">The block's aggregate commit signature.</param>
    /// <param name="commitBitmap">Its signers over the block's committee.</param>
    /// <param name="proofs">One proof per destination shard, ascending; or <see langword="null"/>.</param>
    /// <param name="error">Why no proofs could be built, or <see langword="null"/>.</param>
    /// <returns>Whether the header could be read and commits to these receipts.</returns>
    public static bool TryBuild(IReadOnlyList<CXReceipt> blockReceipts, ReadOnlyMemory<byte> header, ReadOnlyMemory<byte> commitSignature, ReadOnlyMemory<byte> commitBitmap, [NotNullWhen(true)] out IReadOnlyList<CXReceiptsProof>? proofs, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(blockReceipts);
        proofs = null;
        if (!SourceHeader.TryParse(header.Span, out var parsed, out error))
        {
            return false;
        }

        var groups = OutgoingReceiptHash.GroupByDestination(blockReceipts);
        var ids = new List<uint>(groups.Count);
        var roots = new List<ReadOnlyMemory<byte>>(groups.Count);
        foreach (var (shard, receipts) in groups)
        {
            ids.Add(shard);
            roots.Add(OutgoingReceiptHash.ShardRoot(receipts));
        }

        byte[] receiptHash = OutgoingReceiptHash.Combine(ids, roots);
        if (!receiptHash.AsSpan().SequenceEqual(parsed.OutgoingReceiptHash.Span))
        {
            error = "The header's OutgoingReceiptHash does not commit to these receipts.";
            return false;
        }

        var merkle = new CXMerkleProof(parsed.Number, parsed.Hash, parsed.ShardId, receiptHash, ids, roots);
        var built = new List<CXReceiptsProof>(groups.Count);
        foreach (var (_, receipts) in groups)
        {
            built.Add(new CXReceiptsProof(receipts, merkle, header, commitSignature, commitBitmap));
        }

        proofs = built;
        return true;
    }
}
