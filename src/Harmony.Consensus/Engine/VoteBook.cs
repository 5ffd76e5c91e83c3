using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;

namespace Harmony.Consensus.Engine;

/// <summary>
/// A leader's ballot box for one phase. Votes are stored unverified; once the claimed signers would be a quorum, the
/// pending votes are checked together with one aggregate verification (one pairing check). Only when that fails is
/// the set bisected to find the bad votes, so an honest round costs the leader one pairing check per phase instead of
/// one per vote.
/// </summary>
internal sealed class VoteBook
{
    private readonly ConsensusCommittee _committee;
    private readonly byte[] _message;
    private readonly List<PendingVote> _pending = [];
    private readonly List<PendingVote> _deferred = [];
    private G2Point _aggregate = G2Point.Infinity;

    internal VoteBook(ConsensusCommittee committee, byte[] message)
    {
        _committee = committee;
        _message = message;
        Verified = committee.NewBitmap();
        Claimed = committee.NewBitmap();
    }

    /// <summary>The signed bytes.</summary>
    internal ReadOnlySpan<byte> Message => _message;

    /// <summary>Signers whose votes are verified.</summary>
    internal SignerBitmap Verified { get; }

    /// <summary>Signers verified or pending.</summary>
    internal SignerBitmap Claimed { get; }

    /// <summary>Pairing checks spent so far.</summary>
    internal int PairingChecks { get; private set; }

    internal bool HasQuorum => _committee.Decider.IsQuorum(Verified);

    /// <summary>Adds the node's own votes, which need no check.</summary>
    internal void AddTrusted(SignerBitmap senders, BlsSignature signature)
    {
        Verified.UnionWith(senders);
        Claimed.UnionWith(senders);
        _aggregate += signature.Point;
    }

    /// <summary>Queues a received vote.</summary>
    /// <returns>False when every sender already has a verified vote (a duplicate).</returns>
    internal bool Add(SignerBitmap senders, BlsSignature signature)
    {
        if (senders.Overlaps(Verified))
        {
            return false;
        }

        var vote = new PendingVote(senders, signature);
        if (senders.Overlaps(Claimed))
        {
            // Someone else claimed one of these keys first (PREPARE/COMMIT carry no message signature): keep this
            // one aside until the claim is settled, so a forged vote cannot lock out the real one.
            if (_deferred.Count < _committee.Count * 2)
            {
                _deferred.Add(vote);
            }

            return true;
        }

        _pending.Add(vote);
        Claimed.UnionWith(senders);
        return true;
    }

    /// <summary>Verifies the pending votes when they could complete a quorum.</summary>
    /// <param name="rejected">Receives the senders of votes that failed.</param>
    internal void SettleIfQuorumPossible(List<SignerBitmap> rejected)
    {
        while (!HasQuorum && _pending.Count > 0 && _committee.Decider.IsQuorum(Claimed))
        {
            Settle(_pending, rejected);
            _pending.Clear();
            Claimed.UnionWith(Verified);
            RebuildClaims();
        }
    }

    /// <summary>The certificate over the verified votes.</summary>
    internal AggregateCertificate Certificate() => new(new BlsSignature(_aggregate), Verified.Clone());

    private void RebuildClaims()
    {
        var claimed = Verified.Clone();
        var deferred = _deferred.ToArray();
        _deferred.Clear();
        foreach (var vote in deferred)
        {
            if (vote.Senders.Overlaps(Verified))
            {
                continue;
            }

            if (vote.Senders.Overlaps(claimed))
            {
                _deferred.Add(vote);
                continue;
            }

            _pending.Add(vote);
            claimed.UnionWith(vote.Senders);
        }

        for (int i = 0; i < _committee.Count; i++)
        {
            if (claimed.IsSet(i))
            {
                Claimed.Set(i);
            }
            else
            {
                Claimed.Clear(i);
            }
        }
    }

    private void Settle(List<PendingVote> votes, List<SignerBitmap> rejected)
    {
        var stack = new Stack<(int Start, int Count)>();
        stack.Push((0, votes.Count));
        while (stack.Count > 0)
        {
            var (start, count) = stack.Pop();
            var signers = _committee.NewBitmap();
            var signatures = new BlsSignature[count];
            for (int i = 0; i < count; i++)
            {
                signers.UnionWith(votes[start + i].Senders);
                signatures[i] = votes[start + i].Signature;
            }

            BlsSignature.TryAggregate(signatures, out var aggregate);
            PairingChecks++;
            if (_committee.Keys.VerifyAggregate(signers, _message, aggregate))
            {
                Verified.UnionWith(signers);
                _aggregate += aggregate.Point;
            }
            else if (count == 1)
            {
                rejected.Add(votes[start].Senders);
            }
            else
            {
                int half = count / 2;
                stack.Push((start + half, count - half));
                stack.Push((start, half));
            }
        }
    }

    private sealed record PendingVote(SignerBitmap Senders, BlsSignature Signature);
}
