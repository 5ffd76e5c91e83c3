using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Engine;

/// <summary>What a prospective leader has collected for one view: the M1, M2 and M3 signatures and masks (spec §2.4).</summary>
internal sealed class ViewChangeBook
{
    internal ViewChangeBook(ConsensusCommittee committee)
    {
        M2 = committee.NewBitmap();
        M3 = committee.NewBitmap();
    }

    /// <summary>Senders whose "nil" (M2) signature is collected.</summary>
    internal SignerBitmap M2 { get; }

    /// <summary>Senders whose view-id (M3) signature is collected.</summary>
    internal SignerBitmap M3 { get; }

    internal List<BlsSignature> M2Signatures { get; } = [];

    internal List<BlsSignature> M3Signatures { get; } = [];

    /// <summary>Valid prepared blocks reported (M1), with their payloads.</summary>
    internal List<(CandidateBlock Block, byte[] Payload)> M1 { get; } = [];

    /// <summary>Whether NEWVIEW was sent for this view.</summary>
    internal bool Completed { get; set; }
}
