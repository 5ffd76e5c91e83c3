using Harmony.Consensus.Messages;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Engine;

/// <summary>PREPARE (type 2): the leader collects signatures over the block hash.</summary>
public sealed partial class FbftEngine
{
    private void StartLeaderPrepare(CandidateBlock block)
    {
        _prepareVotes = new VoteBook(_committee, block.Hash);
        if (TrySignAll(block.Hash, out var own))
        {
            _prepareVotes.AddTrusted(_ownBitmap, own);
        }

        if (_prepareVotes.HasQuorum)
        {
            OnPrepareQuorum(block);
        }
    }

    private void OnPrepare(ConsensusRequest request)
    {
        if (TryCollectVote(MessageType.Prepare, ConsensusPhase.Prepare, _prepareVotes, request))
        {
            OnPrepareQuorum(_block!);
        }
    }

    /// <summary>
    /// Queues a PREPARE or COMMIT that passes <see cref="TryTakeVote"/>, settles the queued votes and reports whether
    /// the phase has reached quorum.
    /// </summary>
    private bool TryCollectVote(MessageType type, ConsensusPhase phase, VoteBook? book, ConsensusRequest request)
    {
        if (!TryTakeVote(type, request, phase, book, out var senders, out var signature))
        {
            return false;
        }

        var votes = book!;
        if (!votes.Add(senders, signature))
        {
            Drop(type, "these keys already voted");
            return false;
        }

        SettleVotes(votes);
        return votes.HasQuorum;
    }

    /// <summary>The checks every PREPARE and COMMIT passes before it is queued (spec §1.5).</summary>
    private bool TryTakeVote(MessageType type, ConsensusRequest request, ConsensusPhase phase, VoteBook? votes, out SignerBitmap senders, out BlsSignature signature)
    {
        senders = null!;
        signature = default;
        if (votes is null || _block is null || Phase != phase || Mode != ConsensusMode.Normal)
        {
            Drop(type, $"not collecting {type} votes now");
            return false;
        }

        if (request.ViewId != ViewId || request.BlockNumber != Height || !request.BlockHash.Span.SequenceEqual(_block.Hash))
        {
            Drop(type, $"vote for {request.BlockNumber}/{request.ViewId} is not for the current block");
            return false;
        }

        var parsed = TryGetSendersOrNull(request);
        if (parsed is null || !_committee.Decider.CanVoteTogether(parsed))
        {
            Drop(type, "senders may not vote together");
            return false;
        }

        if (request.Payload.Length != _scheme.SignatureSize || !_scheme.TryDecodeSignatureForAggregation(request.Payload.Span, out signature, out _))
        {
            Drop(type, "payload is not a signature");
            return false;
        }

        senders = parsed;
        return true;
    }

    private void SettleVotes(VoteBook votes)
    {
        int before = votes.PairingChecks;
        var rejected = new List<SignerBitmap>();
        votes.SettleIfQuorumPossible(rejected);
        CountPairings(votes.PairingChecks - before);
        foreach (var bad in rejected)
        {
            FbftLog.InvalidVote(_logger, bad.ToString(), Height);
        }
    }

    private void OnPrepareQuorum(CandidateBlock block)
    {
        var certificate = _prepareVotes!.Certificate();
        var certificateBytes = certificate.Encode(_scheme);
        var request = new ConsensusRequest
        {
            ViewId = ViewId,
            BlockNumber = Height,
            ShardId = _options.ShardId,
            BlockHash = block.Hash,
            Block = block.Bytes,
            SenderPublicKey = _committee.EncodedKey(LeaderIndex),
            Payload = certificateBytes,
        };
        Broadcast(SignedBy(LeaderIndex, new HarmonyMessage { Type = MessageType.Prepared, Consensus = request }), retry: true);
        _lock = new PreparedLock(block, certificateBytes);
        StartLeaderCommit(block);
    }
}
