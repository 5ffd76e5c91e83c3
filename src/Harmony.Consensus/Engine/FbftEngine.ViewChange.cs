using Harmony.Consensus.Messages;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Engine;

/// <summary>VIEWCHANGE (type 6): timeouts start it; the prospective leader collects M1/M2/M3 (spec §2.1–§2.4).</summary>
public sealed partial class FbftEngine
{
    private void StartViewChange(DateTimeOffset now)
    {
        ulong next = NextViewId(now);
        Mode = ConsensusMode.ViewChanging;
        ViewChangingId = next;
        LeaderIndex = LeaderForView(next);
        _viewChangeDeadline = now + _options.ViewChangeTimeout;
        _proposalDue = null;
        _prepareVotes = null;
        _commitVotes = null;
        _retries.RemoveAll(r => r.Type is MessageType.Announce or MessageType.Prepared or MessageType.ViewChange or MessageType.NewView);
        ConsensusMetrics.ViewChanges.Add(1);
        FbftLog.ViewChangeStarted(_logger, Height, next, LeaderIndex);
        _output.Add(new ViewChangeStartedEvent(Height, next, LeaderIndex));

        foreach (var key in _own)
        {
            var message = BuildViewChange(key, next);
            Broadcast(message, retry: true);
            if (IsLeader)
            {
                ProcessViewChange(message, message.ViewChange!, key.Index, trusted: true);
            }
        }
    }

    private HarmonyMessage BuildViewChange(OwnKey key, ulong viewId)
    {
        byte[] payload = [];
        byte[] viewChangeSignature;
        ReadOnlyMemory<byte> preparedBlock = ReadOnlyMemory<byte>.Empty;
        if (_lock is not null)
        {
            payload = [.. _lock.Block.Hash, .. _lock.Certificate];
            preparedBlock = _lock.Block.Bytes;
            viewChangeSignature = SignOne(key, payload);
        }
        else
        {
            viewChangeSignature = SignOne(key, CommitPayload.Nil);
        }

        var request = new ViewChangeRequest
        {
            ViewId = viewId,
            BlockNumber = Height,
            ShardId = _options.ShardId,
            SenderPublicKey = _committee.EncodedKey(key.Index),
            LeaderPublicKey = _committee.EncodedKey(LeaderIndex),
            Payload = payload,
            ViewChangeSignature = viewChangeSignature,
            ViewIdSignature = SignOne(key, CommitPayload.ViewId(viewId)),
            PreparedBlock = preparedBlock,
        };
        return MessageSignature.Sign(_scheme, key.Secret, new HarmonyMessage { Type = MessageType.ViewChange, ViewChange = request });
    }

    private byte[] SignOne(OwnKey key, ReadOnlySpan<byte> message) =>
        _scheme.TrySign(key.Secret, message, out var signature) ? EncodeSignature(signature) : [];

    private void OnViewChange(HarmonyMessage message, ViewChangeRequest request)
    {
        _committee.TryGetIndex(request.SenderPublicKey.Span, out int sender);
        ProcessViewChange(message, request, sender, trusted: false);
    }

    private void ProcessViewChange(HarmonyMessage message, ViewChangeRequest request, int sender, bool trusted)
    {
        if (request.BlockNumber != Height || request.ViewId < ViewChangingId)
        {
            Drop(MessageType.ViewChange, $"for height {request.BlockNumber} view {request.ViewId}, at {Height}/{ViewChangingId}");
            return;
        }

        if (!_committee.TryGetIndex(request.LeaderPublicKey.Span, out int leader) || !_ownBitmap.IsSet(leader) || LeaderForView(request.ViewId) != leader)
        {
            Drop(MessageType.ViewChange, "not asking this node to lead");
            return;
        }

        var book = BookFor(request.ViewId);
        if (book is null || book.Completed || book.M3.IsSet(sender))
        {
            Drop(MessageType.ViewChange, "view already started, or a duplicate");
            return;
        }

        var senderKey = _committee.Keys.Keys[sender];
        if (!_scheme.TryDecodeSignature(request.ViewIdSignature.Span, out var viewIdSignature, out _)
            || !_scheme.TryDecodeSignature(request.ViewChangeSignature.Span, out var viewChangeSignature, out _))
        {
            Drop(MessageType.ViewChange, "signatures do not decode");
            return;
        }

        if (!trusted && (!VerifyMessageSignature(sender, message) || !Verify(senderKey, CommitPayload.ViewId(request.ViewId), viewIdSignature)))
        {
            Drop(MessageType.ViewChange, "bad message or view-id signature");
            return;
        }

        if (request.Payload.IsEmpty)
        {
            if (!trusted && !Verify(senderKey, CommitPayload.Nil, viewChangeSignature))
            {
                Drop(MessageType.ViewChange, "bad nil (M2) signature");
                return;
            }

            book.M2.Set(sender);
            book.M2Signatures.Add(viewChangeSignature);
        }
        else if (!TryTakePreparedBlock(request.Payload, request.PreparedBlock, out var block, out string? reason)
            || (!trusted && !Verify(senderKey, request.Payload.Span, viewChangeSignature)))
        {
            Drop(MessageType.ViewChange, reason ?? "bad prepared (M1) signature");
            return;
        }
        else
        {
            book.M1.Add((block, request.Payload.ToArray()));
        }

        book.M3.Set(sender);
        book.M3Signatures.Add(viewIdSignature);
        if (_committee.Decider.IsQuorum(book.M3))
        {
            StartNewView(book, request.ViewId, leader);
        }
    }

    private ViewChangeBook? BookFor(ulong viewId)
    {
        if (!_viewChangeBooks.TryGetValue(viewId, out var book))
        {
            if (_viewChangeBooks.Count >= 8)
            {
                ulong oldest = _viewChangeBooks.Keys.Min();
                if (oldest > viewId)
                {
                    return null;
                }

                _viewChangeBooks.Remove(oldest);
            }

            book = new ViewChangeBook(_committee);
            _viewChangeBooks[viewId] = book;
        }

        return book;
    }

    /// <summary>
    /// Checks an M1 payload (<c>blockHash ‖ sig ‖ bitmap</c>): a prepare quorum over the hash, and a valid block with that
    /// hash (known already, or the carried one).
    /// </summary>
    private bool TryTakePreparedBlock(ReadOnlyMemory<byte> payload, ReadOnlyMemory<byte> preparedBlock, out CandidateBlock block, out string? reason)
    {
        block = null!;
        if (payload.Length <= CommitPayload.HashSize)
        {
            reason = "M1 payload is too short";
            return false;
        }

        var hash = payload[..CommitPayload.HashSize];
        if (!AggregateCertificate.TryParse(_scheme, payload.Span[CommitPayload.HashSize..], _committee.Count, out var certificate, out reason))
        {
            return false;
        }

        if (!VerifyCertificate(certificate, hash.Span))
        {
            reason = "M1 prepare certificate does not verify";
            return false;
        }

        var known = _candidates.GetValueOrDefault(Convert.ToHexStringLower(hash.Span));
        if (known is null && (!TryAcceptBlock(preparedBlock, null, out known, out reason) || !known.Hash.AsSpan().SequenceEqual(hash.Span)))
        {
            reason ??= "M1 block hash differs";
            return false;
        }

        block = known;
        reason = null;
        return true;
    }

    private void StartNewView(ViewChangeBook book, ulong viewId, int leader)
    {
        book.Completed = true;
        (CandidateBlock Block, byte[] Payload)? carried = null;
        foreach (var candidate in book.M1)
        {
            if (carried is null || candidate.Block.Summary.ViewId > carried.Value.Block.Summary.ViewId)
            {
                carried = candidate;
            }
        }

        BlsSignature.TryAggregate(book.M3Signatures.ToArray(), out var m3);
        bool hasM2 = book.M2Signatures.Count > 0;
        BlsSignature.TryAggregate(book.M2Signatures.ToArray(), out var m2);
        var request = new ViewChangeRequest
        {
            ViewId = viewId,
            BlockNumber = Height,
            ShardId = _options.ShardId,
            SenderPublicKey = _committee.EncodedKey(leader),
            Payload = carried?.Payload ?? [],
            PreparedBlock = carried?.Block.Bytes ?? ReadOnlyMemory<byte>.Empty,
            M2AggregateSignature = hasM2 ? EncodeSignature(m2) : [],
            M2Bitmap = hasM2 ? book.M2.ToArray() : [],
            M3AggregateSignature = EncodeSignature(m3),
            M3Bitmap = book.M3.ToArray(),
        };
        _retries.RemoveAll(r => r.Type == MessageType.ViewChange);
        Broadcast(SignedBy(leader, new HarmonyMessage { Type = MessageType.NewView, ViewChange = request }), retry: true);
        var now = _time.GetUtcNow();
        EnterView(viewId, leader, now);
        FbftLog.NewView(_logger, Height, viewId, leader, carried is not null);
        _output.Add(new ViewChangedEvent(Height, viewId, leader, carried is not null));
        if (carried is { } chosen)
        {
            _block = chosen.Block;
            _lock = new PreparedLock(chosen.Block, chosen.Payload[CommitPayload.HashSize..]);
            StartLeaderCommit(chosen.Block);
        }
        else
        {
            _proposalDue = now;
            TryPropose(now);
        }
    }
}
