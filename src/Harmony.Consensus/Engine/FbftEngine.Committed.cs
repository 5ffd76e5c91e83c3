using Harmony.Consensus.Blocks;
using Harmony.Consensus.Messages;

namespace Harmony.Consensus.Engine;

/// <summary>COMMITTED (type 5) and catch-up: a verified commit certificate finalizes the block.</summary>
public sealed partial class FbftEngine
{
    private const int MaxPendingCommittedPerHeight = 4;

    private void OnCommitted(HarmonyMessage message, ConsensusRequest request)
    {
        int sender = SingleIndex(TryGetSendersOrNull(request)!);
        if (request.BlockNumber < Height)
        {
            Drop(MessageType.Committed, $"height {request.BlockNumber} is already committed");
            return;
        }

        var block = request.BlockNumber == Height ? _candidates.GetValueOrDefault(Convert.ToHexStringLower(request.BlockHash.Span)) : null;
        if (block is null)
        {
            // Keep a few COMMITTED per height (heights are bounded by the filters' look-ahead) until a block shows up;
            // unverified, so a forged one cannot push out the real one.
            if (!_pendingCommitted.TryGetValue(request.BlockNumber, out var waiting))
            {
                waiting = [];
                _pendingCommitted[request.BlockNumber] = waiting;
            }

            bool known = waiting.Any(m => m.Consensus!.BlockHash.Span.SequenceEqual(request.BlockHash.Span) && m.Consensus.Payload.Span.SequenceEqual(request.Payload.Span));
            if (!known && waiting.Count < MaxPendingCommittedPerHeight)
            {
                waiting.Add(message);
            }

            _output.Add(new CatchUpNeededEvent(Height, request.BlockNumber));
            return;
        }

        if (!AggregateCertificate.TryParse(_scheme, request.Payload.Span, _committee.Count, out var certificate, out var error))
        {
            Drop(MessageType.Committed, error);
            return;
        }

        if (!VerifyMessageSignature(sender, message) || !VerifyCertificate(certificate, CommitPayloadFor(Height, block.Hash, block.Summary.ViewId)))
        {
            Drop(MessageType.Committed, "bad message signature or commit certificate");
            return;
        }

        Finalize(block, request.Payload.ToArray(), request.ViewId, sender);
    }

    /// <summary>Commits every stored COMMITTED whose block is now known, in height order (Harmony <c>tryCatchup</c>).</summary>
    private void TryCommitFromLog()
    {
        while (_pendingCommitted.Count > 0)
        {
            ulong first = _pendingCommitted.Keys.First();
            if (first < Height)
            {
                _pendingCommitted.Remove(first);
                continue;
            }

            if (first != Height)
            {
                return;
            }

            var waiting = _pendingCommitted[first];
            var ready = waiting.Where(m => _candidates.ContainsKey(Convert.ToHexStringLower(m.Consensus!.BlockHash.Span))).ToList();
            if (ready.Count == 0)
            {
                return;
            }

            _pendingCommitted.Remove(first);
            foreach (var message in ready)
            {
                OnCommitted(message, message.Consensus!);
                if (Height != first)
                {
                    break;
                }
            }

            if (Height == first)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Catch-up: submits a committed block fetched from a peer (or a local sync source). It must be the next height;
    /// the block is validated and its commit certificate verified against this committee before it is appended.
    /// </summary>
    /// <param name="block">The committed block with its <c>sig ‖ bitmap</c>.</param>
    /// <returns>What happened (a <see cref="BlockCommittedEvent"/> when accepted).</returns>
    public FbftOutput SubmitCommittedBlock(CommittedBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        BeginInput();
        if (block.Height == Height && block.LeaderIndex >= 0 && block.LeaderIndex < _committee.Count && block.CommitViewId >= block.BlockViewId
            && TryAcceptBlock(block.Block, block.BlockViewId, out var candidate, out _)
            && candidate.Hash.AsSpan().SequenceEqual(block.Hash.Span)
            && AggregateCertificate.TryParse(_scheme, block.Commit.Span, _committee.Count, out var certificate, out _)
            && VerifyCertificate(certificate, CommitPayloadFor(Height, candidate.Hash, block.BlockViewId)))
        {
            Finalize(candidate, block.Commit.ToArray(), block.CommitViewId, block.LeaderIndex);
        }

        return EndInput();
    }

    private void Finalize(CandidateBlock block, byte[] commitCertificate, ulong commitViewId, int leaderIndex)
    {
        var now = _time.GetUtcNow();
        var committed = new CommittedBlock(Height, block.Hash, block.Bytes, block.Summary.ViewId, commitViewId, leaderIndex, commitCertificate, block.Summary.Timestamp ?? now);
        _store.Append(committed);
        _head = committed;
        ConsensusMetrics.BlocksCommitted.Add(1);
        ConsensusMetrics.RoundDuration.Record((now - _roundStart).TotalMilliseconds);
        FbftLog.Committed(_logger, committed.Height, commitViewId, commitCertificate.Length);
        _output.Add(new BlockCommittedEvent(committed));

        Height++;
        _candidates.Clear();
        _viewChangeBooks.Clear();
        _retries.RemoveAll(r => r.Type != MessageType.Committed);
        _detector.Prune(Height - 1);
        _lock = null;
        EnterView(commitViewId + 1, LeaderForView(commitViewId + 1), now);
        _roundStart = now;
        if (IsLeader)
        {
            _proposalDue = now + _options.BlockPeriod;
        }

        TryCommitFromLog();
    }

    /// <summary>Switches to Normal mode (a listener stays Listening) in <paramref name="viewId"/> led by <paramref name="leader"/> and restarts the consensus timer.</summary>
    private void EnterView(ulong viewId, int leader, DateTimeOffset now)
    {
        Mode = _own.Length > 0 ? ConsensusMode.Normal : ConsensusMode.Listening;
        ViewId = viewId;
        ViewChangingId = viewId;
        LeaderIndex = leader;
        Phase = ConsensusPhase.Announce;
        _block = null;
        _prepareVotes = null;
        _commitVotes = null;
        _commitSent = false;
        _proposalDue = null;
        _consensusDeadline = now + _options.PhaseTimeout;
    }
}
