using System.Diagnostics.CodeAnalysis;
using Harmony.Consensus.Blocks;
using Harmony.Consensus.Messages;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Engine;

/// <summary>ANNOUNCE (type 1): the leader proposes; validators check the block and answer with PREPARE.</summary>
public sealed partial class FbftEngine
{
    private void TryPropose(DateTimeOffset now)
    {
        if (_block is not null || Phase != ConsensusPhase.Announce || _proposalDue is not { } due || now < due)
        {
            return;
        }

        var context = new BlockProposalContext(Height, ViewId, _head?.Hash ?? ReadOnlyMemory<byte>.Empty, _head?.Commit ?? ReadOnlyMemory<byte>.Empty, now, LeaderIndex);
        if (!_proposer.TryPropose(context, out var bytes))
        {
            return;
        }

        if (!TryAcceptBlock(bytes, ViewId, out var block, out string? reason))
        {
            FbftLog.ProposalFailed(_logger, Height, reason);
            return;
        }

        _proposalDue = null;
        _block = block;
        var request = new ConsensusRequest
        {
            ViewId = ViewId,
            BlockNumber = Height,
            ShardId = _options.ShardId,
            BlockHash = block.Hash,
            Block = block.Bytes,
            SenderPublicKey = _committee.EncodedKey(LeaderIndex),
            Payload = block.Hash,
        };
        Broadcast(SignedBy(LeaderIndex, new HarmonyMessage { Type = MessageType.Announce, Consensus = request }), retry: true);
        Phase = ConsensusPhase.Prepare;
        StartLeaderPrepare(block);
    }

    private void OnAnnounce(HarmonyMessage message, ConsensusRequest request)
    {
        int sender = SingleIndex(TryGetSendersOrNull(request)!);
        if (Mode != ConsensusMode.Normal || sender != LeaderIndex)
        {
            Drop(MessageType.Announce, "not from the current leader");
            return;
        }

        if (request.ViewId != ViewId || request.BlockNumber != Height)
        {
            Drop(MessageType.Announce, $"for height {request.BlockNumber} view {request.ViewId}, at {Height}/{ViewId}");
            return;
        }

        if (_block is not null)
        {
            Drop(MessageType.Announce, _block.Hash.AsSpan().SequenceEqual(request.BlockHash.Span) ? "duplicate" : "a second block for this view (leader equivocation)");
            return;
        }

        if (!request.Payload.Span.SequenceEqual(request.BlockHash.Span))
        {
            Drop(MessageType.Announce, "payload is not the block hash");
            return;
        }

        if (!VerifyMessageSignature(sender, message))
        {
            Drop(MessageType.Announce, "bad message signature");
            return;
        }

        if (!TryAcceptBlock(request.Block, ViewId, out var block, out string? reason) || !block.Hash.AsSpan().SequenceEqual(request.BlockHash.Span))
        {
            Drop(MessageType.Announce, reason ?? "block hash differs from the announced hash");
            return;
        }

        _block = block;
        SendVote(MessageType.Prepare, block.Hash, block.Hash);
        Phase = ConsensusPhase.Prepare;
        TryCommitFromLog();
    }

    /// <summary>Validates block bytes for the current height and remembers the result.</summary>
    private bool TryAcceptBlock(ReadOnlyMemory<byte> bytes, ulong? expectedViewId, [NotNullWhen(true)] out CandidateBlock? block, [NotNullWhen(false)] out string? reason)
    {
        block = null;
        if (bytes.IsEmpty)
        {
            reason = "no block";
            return false;
        }

        if (!_validator.TryValidate(bytes, out var summary, out reason))
        {
            reason = $"invalid block: {reason}";
            return false;
        }

        if (summary.Hash.Length != CommitPayload.HashSize || summary.Height != Height || (expectedViewId is { } view && summary.ViewId != view))
        {
            reason = $"block is for height {summary.Height} view {summary.ViewId}, expected {Height}/{expectedViewId}";
            return false;
        }

        if (_head is not null && !summary.ParentHash.Span.SequenceEqual(_head.Hash.Span))
        {
            reason = "block does not extend the last committed block";
            return false;
        }

        if (_head is not null && !summary.ParentCommit.IsEmpty && !summary.ParentCommit.Span.SequenceEqual(_head.Commit.Span) && !ParentCommitVerifies(summary.ParentCommit.Span))
        {
            reason = "block carries an invalid commit certificate for its parent";
            return false;
        }

        block = new CandidateBlock(summary.Hash.ToArray(), bytes, summary);
        if (_candidates.Count < 16)
        {
            _candidates.TryAdd(block.Key, block);
        }

        reason = null;
        return true;
    }

    private bool ParentCommitVerifies(ReadOnlySpan<byte> parentCommit) =>
        _head is not null
        && AggregateCertificate.TryParse(_scheme, parentCommit, _committee.Count, out var certificate, out _)
        && VerifyCertificate(certificate, CommitPayloadFor(_head.Height, _head.Hash.Span, _head.BlockViewId));

    private SignerBitmap? TryGetSendersOrNull(ConsensusRequest request) =>
        TryGetSenders(request.SenderPublicKey.Span, request.SenderPublicKeyBitmap.Span, out var senders, out _) ? senders : null;

    /// <summary>Sends this node's (multi-key) PREPARE or COMMIT vote.</summary>
    private void SendVote(MessageType type, byte[] blockHash, byte[] signedBytes)
    {
        if (!TrySignAll(signedBytes, out var signature))
        {
            return;
        }

        var request = new ConsensusRequest
        {
            ViewId = ViewId,
            BlockNumber = Height,
            ShardId = _options.ShardId,
            BlockHash = blockHash,
            SenderPublicKey = _own.Length == 1 ? _committee.EncodedKey(_own[0].Index) : ReadOnlyMemory<byte>.Empty,
            SenderPublicKeyBitmap = _own.Length == 1 ? ReadOnlyMemory<byte>.Empty : _ownBitmap.ToArray(),
            Payload = EncodeSignature(signature),
        };
        Broadcast(new HarmonyMessage { Type = type, Consensus = request }, retry: false);
    }

    private void NoteFutureHeight(ulong observed)
    {
        if (observed > Height)
        {
            _output.Add(new CatchUpNeededEvent(Height, observed));
        }
    }
}
