using Harmony.Consensus.Messages;

namespace Harmony.Consensus.Engine;

/// <summary>NEWVIEW (type 7): validators check the new leader's proof and enter the view (spec §2.5).</summary>
public sealed partial class FbftEngine
{
    private void OnNewView(HarmonyMessage message, ViewChangeRequest request)
    {
        _committee.TryGetIndex(request.SenderPublicKey.Span, out int sender);
        if (request.BlockNumber != Height || request.ViewId < ViewId)
        {
            Drop(MessageType.NewView, $"for height {request.BlockNumber} view {request.ViewId}, at {Height}/{ViewId}");
            return;
        }

        // Stricter than Harmony: only the scheduled leader of that view may start it (anyone can aggregate the gossiped M3s).
        if (LeaderForView(request.ViewId) != sender)
        {
            Drop(MessageType.NewView, "sender does not lead that view");
            return;
        }

        if (!AggregateCertificate.TryParse(_scheme, [.. request.M3AggregateSignature.Span, .. request.M3Bitmap.Span], _committee.Count, out var m3, out var error))
        {
            Drop(MessageType.NewView, $"M3: {error}");
            return;
        }

        if (!VerifyMessageSignature(sender, message) || !VerifyCertificate(m3, CommitPayload.ViewId(request.ViewId)))
        {
            Drop(MessageType.NewView, "bad message signature or M3 quorum");
            return;
        }

        int m2Count = 0;
        if (!request.M2Bitmap.IsEmpty)
        {
            if (!AggregateCertificate.TryParse(_scheme, [.. request.M2AggregateSignature.Span, .. request.M2Bitmap.Span], _committee.Count, out var m2, out error)
                || m2.Signers.Count == 0)
            {
                Drop(MessageType.NewView, $"M2: {error}");
                return;
            }

            CountPairings(1);
            if (!_committee.Keys.VerifyAggregate(m2.Signers, CommitPayload.Nil, m2.Signature))
            {
                Drop(MessageType.NewView, "M2 aggregate does not verify");
                return;
            }

            m2Count = m2.Signers.Count;
        }

        CandidateBlock? carried = null;
        if (!request.Payload.IsEmpty)
        {
            if (!TryTakePreparedBlock(request.Payload, request.PreparedBlock, out var block, out error))
            {
                Drop(MessageType.NewView, $"M1: {error}");
                return;
            }

            carried = block;
        }
        else if (m2Count < m3.Signers.Count)
        {
            Drop(MessageType.NewView, "M1 is required when not every M3 signer sent nil");
            return;
        }

        // Lock: never abandon a prepared block for a NEWVIEW that carries nothing or an older prepared block.
        if (_lock is not null && (carried is null || (carried.Summary.ViewId < _lock.BlockViewId && !carried.Hash.AsSpan().SequenceEqual(_lock.Block.Hash))))
        {
            Drop(MessageType.NewView, "it would abandon the block this node saw prepared");
            return;
        }

        EnterView(request.ViewId, sender, _time.GetUtcNow());
        FbftLog.NewView(_logger, Height, request.ViewId, sender, carried is not null);
        _output.Add(new ViewChangedEvent(Height, request.ViewId, sender, carried is not null));
        if (carried is not null)
        {
            _block = carried;
            _lock = new PreparedLock(carried, request.Payload[CommitPayload.HashSize..].ToArray());
            SendCommitVote(carried);
        }
    }
}
