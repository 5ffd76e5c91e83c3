using Harmony.Consensus;
using Harmony.Crypto.Bls;
using Harmony.Sharding.Configuration;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// Checks a <see cref="CXReceiptsProof"/> end to end at its destination (Go <c>ValidateCXReceiptsProof</c> plus the
/// seal check, spec/harmony.md §6): receipts for this shard only, <c>DeriveSha</c> of the receipts against the listed
/// root, the (shard, root) list against <c>CXReceiptHash</c>, the header's hash and <c>OutgoingReceiptHash</c>, and the
/// source committee's quorum by mask with the aggregate signature over the header's commit payload. Also rejects proofs
/// whose source block was already applied, and <see cref="TryApply"/> marks it applied.
/// </summary>
/// <remarks>
/// A few checks are stricter than the Go node's and never reject a proof it builds: each receipt's source shard and the
/// header's number and shard must match the merkle proof, and the shard list must be strictly ascending.
/// </remarks>
public sealed class CrossShardProofVerifier
{
    private readonly ISourceCommitteeProvider _committees;
    private readonly ISpentReceiptsStore _spent;
    private readonly ulong _crossTxEpoch;

    /// <summary>Creates a verifier.</summary>
    /// <param name="committees">Where the source committees come from.</param>
    /// <param name="spent">Which source blocks were applied.</param>
    /// <param name="crossTxEpoch">The first epoch with cross-shard transactions (mainnet 28).</param>
    public CrossShardProofVerifier(ISourceCommitteeProvider committees, ISpentReceiptsStore spent, ulong crossTxEpoch = MainnetShardingSchedule.CrossTxEpoch)
    {
        ArgumentNullException.ThrowIfNull(committees);
        ArgumentNullException.ThrowIfNull(spent);
        _committees = committees;
        _spent = spent;
        _crossTxEpoch = crossTxEpoch;
    }

    /// <summary>Verifies a proof for <paramref name="destinationShard"/> without marking it spent.</summary>
    /// <param name="proof">The proof.</param>
    /// <param name="destinationShard">The verifying shard.</param>
    /// <returns><see cref="CrossShardProofError.None"/>, or the first failed check.</returns>
    public CrossShardProofError Verify(CXReceiptsProof proof, uint destinationShard)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var error = CheckReceiptsAndRoots(proof, destinationShard, out var header);
        if (error != CrossShardProofError.None || header is null)
        {
            return error;
        }

        if (_spent.IsSpent(proof.MerkleProof.ShardId, proof.MerkleProof.BlockNumber))
        {
            return CrossShardProofError.AlreadySpent;
        }

        return CheckSeal(proof, header);
    }

    /// <summary>Verifies a proof and, when it is valid, marks its source block spent (exactly once across callers).</summary>
    /// <param name="proof">The proof.</param>
    /// <param name="destinationShard">The verifying shard.</param>
    /// <returns><see cref="CrossShardProofError.None"/> when the proof is valid and was unspent; otherwise the reason.</returns>
    public CrossShardProofError TryApply(CXReceiptsProof proof, uint destinationShard)
    {
        var error = Verify(proof, destinationShard);
        if (error != CrossShardProofError.None)
        {
            return error;
        }

        return _spent.TryMarkSpent(proof.MerkleProof.ShardId, proof.MerkleProof.BlockNumber) ? CrossShardProofError.None : CrossShardProofError.AlreadySpent;
    }

    private CrossShardProofError CheckReceiptsAndRoots(CXReceiptsProof proof, uint destinationShard, out SourceHeader? header)
    {
        header = null;
        var merkle = proof.MerkleProof;
        if (proof.Receipts.Count == 0)
        {
            return CrossShardProofError.NoReceipts;
        }

        uint toShard = proof.Receipts[0].ToShardId;
        foreach (var receipt in proof.Receipts)
        {
            if (receipt.ToShardId != toShard)
            {
                return CrossShardProofError.MixedDestinations;
            }

            if (receipt.ShardId != merkle.ShardId)
            {
                return CrossShardProofError.WrongSourceShard;
            }
        }

        if (toShard != destinationShard)
        {
            return CrossShardProofError.WrongDestination;
        }

        if (!SourceHeader.TryParse(proof.Header.Span, out header, out _))
        {
            return CrossShardProofError.MalformedHeader;
        }

        if (header.Epoch < _crossTxEpoch)
        {
            return CrossShardProofError.CrossShardNotActive;
        }

        if (merkle.ShardIds.Count != merkle.ShardHashes.Count)
        {
            return CrossShardProofError.MalformedShardList;
        }

        int found = -1;
        for (int i = 0; i < merkle.ShardIds.Count; i++)
        {
            if (i > 0 && merkle.ShardIds[i] <= merkle.ShardIds[i - 1])
            {
                return CrossShardProofError.MalformedShardList;
            }

            if (merkle.ShardIds[i] == destinationShard)
            {
                found = i;
            }
        }

        if (found < 0)
        {
            return CrossShardProofError.DestinationNotListed;
        }

        if (!OutgoingReceiptHash.ShardRoot(proof.Receipts).AsSpan().SequenceEqual(merkle.ShardHashes[found].Span))
        {
            return CrossShardProofError.ReceiptRootMismatch;
        }

        if (!OutgoingReceiptHash.Combine(merkle.ShardIds, merkle.ShardHashes).AsSpan().SequenceEqual(merkle.CXReceiptHash.Span))
        {
            return CrossShardProofError.ReceiptHashMismatch;
        }

        if (!header.Hash.Span.SequenceEqual(merkle.BlockHash.Span))
        {
            return CrossShardProofError.BlockHashMismatch;
        }

        if (!header.OutgoingReceiptHash.Span.SequenceEqual(merkle.CXReceiptHash.Span) ||
            header.Number != merkle.BlockNumber || header.ShardId != merkle.ShardId)
        {
            return CrossShardProofError.HeaderMismatch;
        }

        return CrossShardProofError.None;
    }

    private CrossShardProofError CheckSeal(CXReceiptsProof proof, SourceHeader header)
    {
        if (!_committees.TryGetCommittee(header.ShardId, header.Epoch, out ConsensusCommittee? committee, out bool includeViewId))
        {
            return CrossShardProofError.UnknownCommittee;
        }

        if (proof.CommitSignature.Length != committee.Scheme.SignatureSize ||
            !committee.Scheme.TryDecodeSignature(proof.CommitSignature.Span, out BlsSignature signature, out _) ||
            !SignerBitmap.TryParse(proof.CommitBitmap.Span, committee.Count, out var signers, out _))
        {
            return CrossShardProofError.MalformedSignature;
        }

        if (!committee.Decider.IsQuorum(signers))
        {
            return CrossShardProofError.NoQuorum;
        }

        byte[] payload = CommitPayload.Build(header.Number, header.Hash.Span, header.ViewId, includeViewId);
        return committee.Keys.VerifyAggregate(signers, payload, signature) ? CrossShardProofError.None : CrossShardProofError.InvalidSignature;
    }
}
