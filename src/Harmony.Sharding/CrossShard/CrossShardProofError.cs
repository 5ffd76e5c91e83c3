namespace Harmony.Sharding.CrossShard;

/// <summary>Why a cross-shard receipts proof was rejected.</summary>
public enum CrossShardProofError
{
    /// <summary>The proof is valid (and, when applied, was not spent before).</summary>
    None,

    /// <summary>The proof carries no receipts.</summary>
    NoReceipts,

    /// <summary>The receipts go to more than one shard.</summary>
    MixedDestinations,

    /// <summary>The receipts are not for the verifying shard.</summary>
    WrongDestination,

    /// <summary>A receipt's source shard differs from the proof's source shard.</summary>
    WrongSourceShard,

    /// <summary>The header cannot be read (or is a v0 header, which has no outgoing receipt hash).</summary>
    MalformedHeader,

    /// <summary>The source block's epoch is before cross-shard transactions were enabled.</summary>
    CrossShardNotActive,

    /// <summary>The shard lists are malformed: lengths differ, or the shards are not strictly ascending.</summary>
    MalformedShardList,

    /// <summary>The destination shard is not among the proof's shards.</summary>
    DestinationNotListed,

    /// <summary><c>DeriveSha(receipts)</c> differs from the listed root of the destination.</summary>
    ReceiptRootMismatch,

    /// <summary>The (shard, root) list does not hash to the proof's <c>CXReceiptHash</c>.</summary>
    ReceiptHashMismatch,

    /// <summary>The header's hash differs from the proof's block hash.</summary>
    BlockHashMismatch,

    /// <summary>The header's <c>OutgoingReceiptHash</c>, number or shard differs from the proof's.</summary>
    HeaderMismatch,

    /// <summary>The source committee for the block's shard and epoch is unknown.</summary>
    UnknownCommittee,

    /// <summary>The commit signature does not decode or the bitmap has the wrong length for the committee.</summary>
    MalformedSignature,

    /// <summary>The signers are not a quorum of the source committee.</summary>
    NoQuorum,

    /// <summary>The aggregate signature does not verify over the block's commit payload.</summary>
    InvalidSignature,

    /// <summary>A proof from this source block was already applied.</summary>
    AlreadySpent,
}
