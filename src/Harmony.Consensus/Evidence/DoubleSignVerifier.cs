using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Evidence;

/// <summary>
/// Checks double-sign evidence independently of whoever produced it, with the rules of Harmony's
/// <c>slash.Verify</c> that need no chain state (spec/harmony.md §1.11): reporter ≠ offender, every key the suite's
/// size, different hashes, overlapping signer sets whose shared keys all belong to the offender, different votes,
/// and each vote's signature valid over the commit payload for its hash. Epoch and ban checks belong to the caller,
/// which passes the epoch bounds.
/// </summary>
public static class DoubleSignVerifier
{
    /// <summary>Verifies a record.</summary>
    /// <param name="record">The evidence.</param>
    /// <param name="scheme">The BLS suite of the keys.</param>
    /// <param name="operatorOf">Maps an encoded key to its 20-byte operator address in that epoch's committee; false when the key is not in it.</param>
    /// <param name="includeViewIdInPayload">Whether the epoch signs 48-byte commit payloads (staking).</param>
    /// <param name="error">Why the evidence is invalid, or <see langword="null"/>.</param>
    /// <param name="minimumEpoch">The first epoch evidence may come from (Harmony: the staking epoch).</param>
    /// <param name="currentEpoch">The current epoch; evidence from a later one is refused.</param>
    /// <returns>Whether the evidence proves a double sign.</returns>
    public static bool TryVerify(DoubleSignRecord record, IBlsSignatureScheme scheme, TryGetOperator operatorOf, bool includeViewIdInPayload, [NotNullWhen(false)] out string? error, BigInteger? minimumEpoch = null, BigInteger? currentEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(operatorOf);
        error = Check(record, scheme, operatorOf, includeViewIdInPayload, minimumEpoch, currentEpoch);
        return error is null;
    }

    private static string? Check(DoubleSignRecord record, IBlsSignatureScheme scheme, TryGetOperator operatorOf, bool includeViewId, BigInteger? minimumEpoch, BigInteger? currentEpoch)
    {
        if (minimumEpoch is { } min && record.Epoch < min)
        {
            return $"The evidence is from epoch {record.Epoch}, before epoch {min}.";
        }

        if (currentEpoch is { } now && record.Epoch > now)
        {
            return $"The evidence is from future epoch {record.Epoch}.";
        }

        if (record.Offender.Length != 20 || record.Reporter.Length != 20)
        {
            return "Offender and reporter must be 20-byte addresses.";
        }

        if (record.Offender.Span.SequenceEqual(record.Reporter.Span))
        {
            return "The reporter and the offender are the same.";
        }

        var first = record.FirstVote;
        var second = record.SecondVote;
        foreach (var key in first.SignerPublicKeys.Concat(second.SignerPublicKeys))
        {
            if (key.Length != scheme.PublicKeySize)
            {
                return $"A signer key is {key.Length} bytes, not {scheme.PublicKeySize}.";
            }
        }

        if (first.BlockHeaderHash.Span.SequenceEqual(second.BlockHeaderHash.Span))
        {
            return "Both votes are for the same block; there is no conflict.";
        }

        var shared = first.SignerPublicKeys.Where(a => second.SignerPublicKeys.Any(b => a.Span.SequenceEqual(b.Span))).ToList();
        if (shared.Count == 0)
        {
            return "The votes share no signer key.";
        }

        foreach (var key in shared)
        {
            if (!operatorOf(key.Span, out var owner) || !owner.Span.SequenceEqual(record.Offender.Span))
            {
                return $"Shared key {Convert.ToHexStringLower(key.Span)} does not belong to the offender.";
            }
        }

        if (VoteEquals(first, second))
        {
            return "The two votes are identical.";
        }

        if (!VerifyVote(first, record, scheme, includeViewId) || !VerifyVote(second, record, scheme, includeViewId))
        {
            return "A vote's signature does not verify over its commit payload.";
        }

        return null;
    }

    private static bool VoteEquals(DoubleSignVote a, DoubleSignVote b) =>
        a.BlockHeaderHash.Span.SequenceEqual(b.BlockHeaderHash.Span)
        && a.Signature.Span.SequenceEqual(b.Signature.Span)
        && a.SignerPublicKeys.Count == b.SignerPublicKeys.Count
        && a.SignerPublicKeys.Zip(b.SignerPublicKeys).All(p => p.First.Span.SequenceEqual(p.Second.Span));

    private static bool VerifyVote(DoubleSignVote vote, DoubleSignRecord record, IBlsSignatureScheme scheme, bool includeViewId)
    {
        if (vote.BlockHeaderHash.Length != CommitPayload.HashSize || vote.SignerPublicKeys.Count == 0
            || !scheme.TryDecodeSignature(vote.Signature.Span, out var signature, out _))
        {
            return false;
        }

        var keys = new BlsPublicKey[vote.SignerPublicKeys.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            if (!scheme.TryDecodePublicKey(vote.SignerPublicKeys[i].Span, out keys[i], out _))
            {
                return false;
            }
        }

        var payload = CommitPayload.Build(record.Height, vote.BlockHeaderHash.Span, record.ViewId, includeViewId);
        return scheme.FastAggregateVerify(keys, payload, signature);
    }
}

/// <summary>Looks up the operator address of an encoded BLS key.</summary>
/// <param name="encodedKey">The key.</param>
/// <param name="operatorAddress">Its 20-byte operator address.</param>
/// <returns>Whether the key is known.</returns>
public delegate bool TryGetOperator(ReadOnlySpan<byte> encodedKey, out ReadOnlyMemory<byte> operatorAddress);
