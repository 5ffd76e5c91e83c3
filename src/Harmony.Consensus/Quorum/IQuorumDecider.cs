using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Quorum;

/// <summary>
/// Decides whether a set of signers is a quorum of its committee. Harmony uses <see cref="OneNodeOneVoteDecider"/>
/// before the staking epoch and <see cref="StakedVoteDecider"/> from it on (spec/harmony.md §1.7).
/// </summary>
public interface IQuorumDecider
{
    /// <summary>N, the committee size the decider was built for.</summary>
    int CommitteeSize { get; }

    /// <summary>Whether the signers named by the bitmap are a quorum.</summary>
    /// <param name="signers">A bitmap over the committee.</param>
    /// <returns>The verdict.</returns>
    bool IsQuorum(SignerBitmap signers);

    /// <summary>
    /// Whether the keys named in one multi-key vote may be counted together (the staked rule requires one earning
    /// account unless the keys are Harmony slots; the count rule accepts every set).
    /// </summary>
    /// <param name="senders">The keys of one vote.</param>
    /// <returns>Whether the vote is acceptable.</returns>
    bool CanVoteTogether(SignerBitmap senders);

    /// <summary>A progress figure for logs and LAST_SIGN_POWER: the signers' share of the committee in [0, 1].</summary>
    /// <param name="signers">A bitmap over the committee.</param>
    /// <returns>The share.</returns>
    Decimal18 Share(SignerBitmap signers);
}
