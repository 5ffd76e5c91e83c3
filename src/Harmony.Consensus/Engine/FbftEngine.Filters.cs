using System.Diagnostics.CodeAnalysis;
using Harmony.Consensus.Messages;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Engine;

/// <summary>The receive-side filters of spec/harmony.md §1.9, applied before any handler runs.</summary>
public sealed partial class FbftEngine
{
    private bool PassesFilters(HarmonyMessage message, [NotNullWhen(false)] out string? reason)
    {
        if (message.ServiceType != ServiceType.Consensus)
        {
            reason = $"service type {message.ServiceType} is not consensus";
            return false;
        }

        if (Mode == ConsensusMode.Listening && message.Type is not (MessageType.Prepared or MessageType.Committed))
        {
            reason = "this node has no committee key and follows PREPARED and COMMITTED only";
            return false;
        }

        switch (message.Type)
        {
            case MessageType.Announce or MessageType.Prepare or MessageType.Prepared or MessageType.Commit or MessageType.Committed:
                return PassesConsensusFilters(message.Type, message.Consensus, out reason);
            case MessageType.ViewChange or MessageType.NewView:
                return PassesViewChangeFilters(message.Type, message.ViewChange, out reason);
            default:
                reason = $"type {message.Type} is not consensus traffic this engine handles";
                return false;
        }
    }

    private bool PassesConsensusFilters(MessageType type, ConsensusRequest? request, [NotNullWhen(false)] out string? reason)
    {
        if (request is null)
        {
            reason = "no ConsensusRequest body";
            return false;
        }

        if (request.ShardId != _options.ShardId)
        {
            reason = $"shard {request.ShardId} is not ours ({_options.ShardId})";
            return false;
        }

        if (request.ViewId + _options.ViewIdLagTolerance < ViewId)
        {
            reason = $"view {request.ViewId} is more than {_options.ViewIdLagTolerance} behind {ViewId}";
            return false;
        }

        if (!TryGetSenders(request.SenderPublicKey.Span, request.SenderPublicKeyBitmap.Span, out var senders, out reason))
        {
            return false;
        }

        if (request.BlockNumber > Height + _options.MaxBlockNumberAhead)
        {
            reason = $"block {request.BlockNumber} is more than {_options.MaxBlockNumberAhead} ahead of {Height}";
            return false;
        }

        NoteFutureHeight(request.BlockNumber);

        if (request.BlockHash.Length != CommitPayload.HashSize)
        {
            reason = $"block hash is {request.BlockHash.Length} bytes";
            return false;
        }

        if (type == MessageType.Commit)
        {
            WatchForDoubleSign(request, senders);
        }

        switch (type)
        {
            case MessageType.Prepare or MessageType.Commit when !IsLeader:
                reason = "votes are only for the leader";
                return false;
            case MessageType.Prepare or MessageType.Commit when Mode == ConsensusMode.ViewChanging:
                reason = "votes are ignored while changing views";
                return false;
            case MessageType.Announce or MessageType.Prepared when IsLeader && Mode == ConsensusMode.Normal:
                reason = "leader messages are ignored by the leader";
                return false;
            case MessageType.Announce or MessageType.Prepared or MessageType.Committed when senders.Count != 1:
                reason = "leader messages have a single sender";
                return false;
            default:
                reason = null;
                return true;
        }
    }

    private bool PassesViewChangeFilters(MessageType type, ViewChangeRequest? request, [NotNullWhen(false)] out string? reason)
    {
        if (request is null)
        {
            reason = "no ViewChangeRequest body";
            return false;
        }

        if (request.ShardId != _options.ShardId)
        {
            reason = $"shard {request.ShardId} is not ours ({_options.ShardId})";
            return false;
        }

        if (request.ViewId + _options.ViewIdLagTolerance < ViewChangingId)
        {
            reason = $"view {request.ViewId} is more than {_options.ViewIdLagTolerance} behind {ViewChangingId}";
            return false;
        }

        if (!TryGetSenders(request.SenderPublicKey.Span, default, out _, out reason))
        {
            return false;
        }

        NoteFutureHeight(request.BlockNumber);

        if (request.ViewId > ViewChangingId + _options.MaxViewIdAhead)
        {
            reason = $"view {request.ViewId} is more than {_options.MaxViewIdAhead} ahead of {ViewChangingId}";
            return false;
        }

        if (Mode != ConsensusMode.ViewChanging)
        {
            reason = $"{type} is ignored outside a view change";
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>Reads the sender of a message: one key, or a bitmap of the correct length naming members.</summary>
    private bool TryGetSenders(ReadOnlySpan<byte> senderKey, ReadOnlySpan<byte> senderBitmap, [NotNullWhen(true)] out SignerBitmap? senders, [NotNullWhen(false)] out string? reason)
    {
        senders = null;
        if (!senderBitmap.IsEmpty)
        {
            if (!SignerBitmap.TryParse(senderBitmap, _committee.Count, out senders, out reason))
            {
                return false;
            }

            if (senders.Count == 0)
            {
                reason = "the sender bitmap names nobody";
                return false;
            }

            return true;
        }

        if (senderKey.Length != _scheme.PublicKeySize)
        {
            reason = $"sender key is {senderKey.Length} bytes, not {_scheme.PublicKeySize}";
            return false;
        }

        if (!_committee.TryGetIndex(senderKey, out int index))
        {
            reason = "sender key is not in the committee";
            return false;
        }

        senders = _committee.NewBitmap();
        senders.Set(index);
        reason = null;
        return true;
    }

    private static int SingleIndex(SignerBitmap senders)
    {
        foreach (int index in senders.GetSetIndices())
        {
            return index;
        }

        return -1;
    }

    private void WatchForDoubleSign(ConsensusRequest request, SignerBitmap senders)
    {
        if (request.Payload.Length != _scheme.SignatureSize || request.BlockNumber + 1 < Height)
        {
            return;
        }

        var record = _detector.Record(request.BlockNumber, request.ViewId, senders, request.BlockHash, request.Payload, _evidenceContext);
        if (record is not null)
        {
            CountPairings(2);
            ConsensusMetrics.DoubleSigns.Add(1);
            FbftLog.DoubleSign(_logger, Convert.ToHexStringLower(record.Offender.Span), record.Height, record.ViewId);
            _output.Add(new DoubleSignDetectedEvent(record));
        }
    }
}
