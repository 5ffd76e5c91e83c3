using System.Numerics;
using Harmony.Consensus.Evidence;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Engine;

/// <summary>
/// Watches every COMMIT on the topic (Harmony's leader-side check is commented out; here every node runs it).
/// Votes are recorded unverified, which costs nothing; only when two votes at the same height and view name
/// different hashes and share a signer are both signatures checked, and a valid pair becomes evidence. Each signer
/// triggers at most one check per height and view, so spam cannot buy pairings.
/// </summary>
internal sealed class DoubleSignDetector
{
    private readonly ConsensusCommittee _committee;
    private readonly Dictionary<(ulong Height, ulong View), List<RecordedVote>> _votes = [];
    private readonly HashSet<(ulong Height, ulong View, int Signer)> _checked = [];

    internal DoubleSignDetector(ConsensusCommittee committee)
    {
        _committee = committee;
    }

    /// <summary>Records a commit vote; returns evidence when it conflicts with an earlier valid vote.</summary>
    internal DoubleSignRecord? Record(ulong height, ulong view, SignerBitmap senders, ReadOnlyMemory<byte> hash, ReadOnlyMemory<byte> signature, EvidenceContext context)
    {
        if (!_votes.TryGetValue((height, view), out var votes))
        {
            votes = [];
            _votes[(height, view)] = votes;
        }

        if (votes.Count >= _committee.Count * 4)
        {
            return null;
        }

        var vote = new RecordedVote(senders, hash, signature);
        DoubleSignRecord? found = null;
        foreach (var earlier in votes)
        {
            if (earlier.Hash.Span.SequenceEqual(hash.Span) || !earlier.Senders.Overlaps(senders))
            {
                continue;
            }

            int offender = FirstShared(earlier.Senders, senders);
            if (!_checked.Add((height, view, offender)))
            {
                continue;
            }

            found = TryBuild(height, view, earlier, vote, offender, context);
            if (found is not null)
            {
                break;
            }
        }

        votes.Add(vote);
        return found;
    }

    /// <summary>Forgets votes below a height.</summary>
    internal void Prune(ulong belowHeight)
    {
        foreach (var key in _votes.Keys.Where(k => k.Height < belowHeight).ToList())
        {
            _votes.Remove(key);
        }

        _checked.RemoveWhere(k => k.Height < belowHeight);
    }

    private static int FirstShared(SignerBitmap a, SignerBitmap b)
    {
        foreach (int index in a.GetSetIndices())
        {
            if (b.IsSet(index))
            {
                return index;
            }
        }

        return -1;
    }

    private DoubleSignRecord? TryBuild(ulong height, ulong view, RecordedVote first, RecordedVote second, int offenderIndex, EvidenceContext context)
    {
        var offender = _committee.Address(offenderIndex);
        if (offender.Span.SequenceEqual(context.Reporter.Span))
        {
            return null;
        }

        var record = new DoubleSignRecord(
            new BigInteger(context.Epoch),
            context.ShardId,
            height,
            view,
            ToVote(first),
            ToVote(second),
            offender,
            context.Reporter);
        return DoubleSignVerifier.TryVerify(record, _committee.Scheme, Lookup, context.IncludeViewId, out _) ? record : null;
    }

    private bool Lookup(ReadOnlySpan<byte> key, out ReadOnlyMemory<byte> address)
    {
        if (_committee.TryGetIndex(key, out int index))
        {
            address = _committee.Address(index);
            return true;
        }

        address = default;
        return false;
    }

    private DoubleSignVote ToVote(RecordedVote vote)
    {
        var keys = new List<ReadOnlyMemory<byte>>();
        foreach (int index in vote.Senders.GetSetIndices())
        {
            keys.Add(_committee.EncodedKey(index));
        }

        return DoubleSignVote.Create(keys, vote.Hash, vote.Signature);
    }

    private sealed record RecordedVote(SignerBitmap Senders, ReadOnlyMemory<byte> Hash, ReadOnlyMemory<byte> Signature);
}

/// <summary>Who reports, and the facts of the epoch, for evidence records.</summary>
internal sealed record EvidenceContext(ReadOnlyMemory<byte> Reporter, ulong Epoch, uint ShardId, bool IncludeViewId);
