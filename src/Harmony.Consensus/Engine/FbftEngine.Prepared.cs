using Harmony.Consensus.Messages;

namespace Harmony.Consensus.Engine;

/// <summary>PREPARED (type 3): validators check the prepare quorum once and answer with COMMIT.</summary>
public sealed partial class FbftEngine
{
    private void OnPrepared(HarmonyMessage message, ConsensusRequest request)
    {
        int sender = SingleIndex(TryGetSendersOrNull(request)!);
        if (Mode == ConsensusMode.Listening)
        {
            LearnPreparedBlock(message, request, sender);
            return;
        }

        if (Mode != ConsensusMode.Normal || sender != LeaderIndex)
        {
            Drop(MessageType.Prepared, "not from the current leader");
            return;
        }

        if (request.ViewId != ViewId || request.BlockNumber != Height)
        {
            Drop(MessageType.Prepared, $"for height {request.BlockNumber} view {request.ViewId}, at {Height}/{ViewId}");
            return;
        }

        if (_commitSent)
        {
            Drop(MessageType.Prepared, "already committed to a block in this view");
            return;
        }

        if (!AggregateCertificate.TryParse(_scheme, request.Payload.Span, _committee.Count, out var certificate, out var error))
        {
            Drop(MessageType.Prepared, error);
            return;
        }

        if (!VerifyMessageSignature(sender, message) || !VerifyCertificate(certificate, request.BlockHash.Span))
        {
            Drop(MessageType.Prepared, "bad message signature or prepare certificate");
            return;
        }

        // A quorum prepared this hash. Use our copy of the block when we have it (the announce may have been for it),
        // otherwise the one PREPARED carries.
        CandidateBlock? block = _candidates.GetValueOrDefault(Convert.ToHexStringLower(request.BlockHash.Span));
        if (block is null)
        {
            if (!TryAcceptBlock(request.Block, ViewId, out block, out var reason) || !block.Hash.AsSpan().SequenceEqual(request.BlockHash.Span))
            {
                Drop(MessageType.Prepared, reason ?? "block hash differs");
                return;
            }
        }

        _block = block;
        _lock = new PreparedLock(block, request.Payload.ToArray());
        SendCommitVote(block);
        TryCommitFromLog();
    }

    /// <summary>
    /// A listener (no committee key) takes the block of any PREPARED whose prepare certificate verifies, whoever leads,
    /// so that the COMMITTED that follows finds it.
    /// </summary>
    private void LearnPreparedBlock(HarmonyMessage message, ConsensusRequest request, int sender)
    {
        if (request.BlockNumber != Height || _candidates.ContainsKey(Convert.ToHexStringLower(request.BlockHash.Span)))
        {
            return;
        }

        if (!AggregateCertificate.TryParse(_scheme, request.Payload.Span, _committee.Count, out var certificate, out var error)
            || !VerifyMessageSignature(sender, message) || !VerifyCertificate(certificate, request.BlockHash.Span))
        {
            Drop(MessageType.Prepared, error ?? "bad message signature or prepare certificate");
            return;
        }

        if (!TryAcceptBlock(request.Block, null, out var block, out var reason) || !block.Hash.AsSpan().SequenceEqual(request.BlockHash.Span))
        {
            Drop(MessageType.Prepared, reason ?? "block hash differs");
            return;
        }

        TryCommitFromLog();
    }

    private void SendCommitVote(CandidateBlock block)
    {
        _commitSent = true;
        Phase = ConsensusPhase.Commit;
        SendVote(MessageType.Commit, block.Hash, CommitPayloadFor(Height, block.Hash, block.Summary.ViewId));
    }
}
