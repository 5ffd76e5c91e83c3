using Harmony.Consensus.Messages;

namespace Harmony.Consensus.Engine;

/// <summary>COMMIT (type 4): the leader collects signatures over the commit payload and finalizes.</summary>
public sealed partial class FbftEngine
{
    private void StartLeaderCommit(CandidateBlock block)
    {
        Phase = ConsensusPhase.Commit;
        _commitSent = true;
        _commitVotes = new VoteBook(_committee, CommitPayloadFor(Height, block.Hash, block.Summary.ViewId));
        if (TrySignAll(_commitVotes.Message, out var own))
        {
            _commitVotes.AddTrusted(_ownBitmap, own);
        }

        if (_commitVotes.HasQuorum)
        {
            OnCommitQuorum(block);
        }
    }

    private void OnCommit(ConsensusRequest request)
    {
        if (TryCollectVote(MessageType.Commit, ConsensusPhase.Commit, _commitVotes, request))
        {
            OnCommitQuorum(_block!);
        }
    }

    private void OnCommitQuorum(CandidateBlock block)
    {
        var certificate = _commitVotes!.Certificate();
        var certificateBytes = certificate.Encode(_scheme);
        var request = new ConsensusRequest
        {
            ViewId = ViewId,
            BlockNumber = Height,
            ShardId = _options.ShardId,
            BlockHash = block.Hash,
            SenderPublicKey = _committee.EncodedKey(LeaderIndex),
            Payload = certificateBytes,
        };

        // COMMITTED keeps being re-sent across blocks, so only the previous COMMITTED's retries are replaced.
        _retries.RemoveAll(r => r.Type == MessageType.Committed);
        Broadcast(SignedBy(LeaderIndex, new HarmonyMessage { Type = MessageType.Committed, Consensus = request }), retry: true);
        Finalize(block, certificateBytes, ViewId, LeaderIndex);
    }
}
