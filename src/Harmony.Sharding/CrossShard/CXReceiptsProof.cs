using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Encoding;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// What a destination shard receives (spec/harmony.md §6):
/// <c>[Receipts, MerkleProof, Header, CommitSig(96), CommitBitmap]</c>, where the header is the source block's tagged
/// RLP and the signature and bitmap are that block's commit aggregate.
/// </summary>
/// <param name="Receipts">The source block's receipts to one destination shard, in block order.</param>
/// <param name="MerkleProof">Where the receipts come from.</param>
/// <param name="Header">The source header's RLP (kept verbatim: its Keccak-256 is the block hash).</param>
/// <param name="CommitSignature">The source block's aggregate commit signature.</param>
/// <param name="CommitBitmap">Who signed it, over the source committee.</param>
public sealed record CXReceiptsProof(IReadOnlyList<CXReceipt> Receipts, CXMerkleProof MerkleProof, ReadOnlyMemory<byte> Header, ReadOnlyMemory<byte> CommitSignature, ReadOnlyMemory<byte> CommitBitmap)
{
    /// <summary>Most receipts a decoded proof may carry.</summary>
    public const int MaxReceipts = 10_000;

    /// <summary>The proof's RLP.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode()
    {
        var receipts = new byte[Receipts.Count][];
        for (int i = 0; i < receipts.Length; i++)
        {
            receipts[i] = Receipts[i].Encode();
        }

        return RlpItems.List(
            RlpItems.List(receipts),
            MerkleProof.Encode(),
            Header.ToArray(),
            RlpItems.Bytes(CommitSignature.Span),
            RlpItems.Bytes(CommitBitmap.Span));
    }

    /// <summary>Decodes a proof (well-formedness only; the verifier checks it).</summary>
    /// <param name="encoded">The RLP bytes.</param>
    /// <param name="proof">The proof, or <see langword="null"/>.</param>
    /// <param name="error">Why it is malformed, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a well-formed proof.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out CXReceiptsProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        var top = new RlpReader(encoded);
        if (!top.TryReadList(out var fields) || !top.TryEnsureEnd() || !fields.TryReadList(out var receiptsReader))
        {
            error = $"not a proof list ({top.LastError}, {fields.LastError})";
            return false;
        }

        var receipts = new List<CXReceipt>();
        while (receiptsReader.HasMore)
        {
            if (receipts.Count == MaxReceipts)
            {
                error = $"more than {MaxReceipts} receipts";
                return false;
            }

            if (!CXReceipt.TryRead(ref receiptsReader, out var receipt, out string? receiptError))
            {
                error = $"receipt {receipts.Count}: {receiptError}";
                return false;
            }

            receipts.Add(receipt);
        }

        if (!CXMerkleProof.TryRead(ref fields, out var merkleProof, out error))
        {
            return false;
        }

        if (!fields.TryReadRaw(out var header) || !fields.TryReadBytes(out var signature) || !fields.TryReadBytes(out var bitmap) || !fields.TryEnsureEnd())
        {
            error = $"malformed header, signature or bitmap ({fields.LastError})";
            return false;
        }

        proof = new CXReceiptsProof(receipts, merkleProof, header.ToArray(), signature.ToArray(), bitmap.ToArray());
        error = null;
        return true;
    }
}
