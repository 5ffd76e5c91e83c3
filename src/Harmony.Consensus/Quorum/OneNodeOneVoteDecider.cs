using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Quorum;

/// <summary>
/// Harmony's pre-staking <c>SuperMajorityVote</c>: a quorum is at least <c>N*2/3 + 1</c> signers (integer division).
/// </summary>
public sealed class OneNodeOneVoteDecider : IQuorumDecider
{
    /// <summary>Creates the decider for a committee of <paramref name="committeeSize"/> members.</summary>
    /// <param name="committeeSize">N, at least 1.</param>
    public OneNodeOneVoteDecider(int committeeSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(committeeSize, 1);
        CommitteeSize = committeeSize;
        Threshold = (committeeSize * 2 / 3) + 1;
    }

    /// <inheritdoc />
    public int CommitteeSize { get; }

    /// <summary>The number of signers needed: <c>N*2/3 + 1</c>.</summary>
    public int Threshold { get; }

    /// <inheritdoc />
    public bool IsQuorum(SignerBitmap signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        return signers.CommitteeSize == CommitteeSize && signers.Count >= Threshold;
    }

    /// <inheritdoc />
    public bool CanVoteTogether(SignerBitmap senders) => true;

    /// <inheritdoc />
    public Decimal18 Share(SignerBitmap signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        return Decimal18.FromInteger(signers.Count).Divide(Decimal18.FromInteger(CommitteeSize));
    }
}
