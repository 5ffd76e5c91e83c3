using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Harmony.Crypto.Bls;
using Harmony.Sharding.Vdf;
using Harmony.Sharding.Vrf;

namespace Harmony.Sharding.Randomness;

/// <summary>
/// The epoch randomness protocol (the whitepaper's DRand, done with a VDF): the VRF outputs of a fixed window of
/// consecutive blocks are hashed, with the epoch and the previous epoch's randomness, into a seed; the seed picks a
/// fresh class group; the VDF is evaluated on its generator; the epoch randomness is SHA-256 of the VDF output. Anyone
/// can check the whole chain with <see cref="TryVerify"/>. See the package README for why withholding or grinding a
/// contribution does not bias the result.
/// </summary>
/// <remarks>
/// The caller supplies contributions from headers it has validated: this class proves that each VRF belongs to the
/// named key and parent hash, that the window is complete and consecutive, and that the VDF was evaluated correctly;
/// that each key was the legitimate leader of its block is the chain's own check.
/// </remarks>
public sealed class EpochRandomness
{
    /// <summary>Size of the randomness and of the seed.</summary>
    public const int Size = 32;

    private readonly BlsVrf _vrf;
    private readonly IBlsSignatureScheme _scheme;
    private readonly EpochRandomnessOptions _options;

    /// <summary>Creates the protocol over a BLS suite.</summary>
    /// <param name="scheme">The suite of the leaders' keys (Harmony's for mainnet).</param>
    /// <param name="options">The protocol parameters; validated here.</param>
    public EpochRandomness(IBlsSignatureScheme scheme, EpochRandomnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _scheme = scheme;
        _vrf = new BlsVrf(scheme);
        _options = options;
    }

    /// <summary>
    /// The seed: <c>SHA-256("harmony-sdk/epoch-seed/v1" ‖ BE64(epoch) ‖ previousRandomness ‖ BE32(n) ‖ beta_1 ‖ … ‖ beta_n)</c>.
    /// </summary>
    /// <param name="epoch">The epoch.</param>
    /// <param name="previousRandomness">The previous epoch's randomness.</param>
    /// <param name="contributions">The window's VRF fields, in block order (only their 32-byte betas are read).</param>
    /// <returns>32 bytes.</returns>
    /// <exception cref="ArgumentException">A VRF field is shorter than its 32-byte output.</exception>
    public static byte[] Seed(ulong epoch, ReadOnlySpan<byte> previousRandomness, IReadOnlyList<VrfContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        foreach (var contribution in contributions)
        {
            if (contribution.VrfField.Length < BlsVrf.OutputSize)
            {
                throw new ArgumentException($"Block {contribution.BlockNumber}'s VRF field is shorter than {BlsVrf.OutputSize} bytes.", nameof(contributions));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        hash.AppendData("harmony-sdk/epoch-seed/v1"u8);
        BinaryPrimitives.WriteUInt64BigEndian(number, epoch);
        hash.AppendData(number);
        hash.AppendData(previousRandomness);
        BinaryPrimitives.WriteInt32BigEndian(number, contributions.Count);
        hash.AppendData(number[..4]);
        foreach (var contribution in contributions)
        {
            hash.AppendData(contribution.VrfField.Span[..BlsVrf.OutputSize]);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The epoch randomness from a VDF output: <c>SHA-256("harmony-sdk/epoch-randomness/v1" ‖ encoded y)</c>.</summary>
    /// <param name="group">The epoch's class group.</param>
    /// <param name="output">The VDF output y.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] FromVdfOutput(ClassGroup group, in QuadraticForm output)
    {
        ArgumentNullException.ThrowIfNull(group);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData("harmony-sdk/epoch-randomness/v1"u8);
        hash.AppendData(group.Encode(output));
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Produces the evidence and the randomness for an epoch: checks the contributions, derives the seed and the group,
    /// and runs the VDF (the slow part: <see cref="EpochRandomnessOptions.VdfDifficulty"/> sequential squarings).
    /// </summary>
    /// <param name="epoch">The epoch.</param>
    /// <param name="previousRandomness">The previous epoch's 32-byte randomness.</param>
    /// <param name="contributions">The window's VRFs, consecutive blocks in order.</param>
    /// <param name="randomness">The epoch randomness.</param>
    /// <param name="cancellationToken">Stops the VDF.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException">A contribution is invalid or the window is incomplete.</exception>
    public EpochRandomnessEvidence Produce(ulong epoch, ReadOnlyMemory<byte> previousRandomness, IReadOnlyList<VrfContribution> contributions, out byte[] randomness, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        if (!TryCheckContributions(previousRandomness.Span, contributions, out string? error))
        {
            throw new ArgumentException(error, nameof(contributions));
        }

        var group = DiscriminantDerivation.GroupFromSeed(Seed(epoch, previousRandomness.Span, contributions), _options.DiscriminantBits);
        var proof = WesolowskiVdf.Evaluate(group, group.Generator, _options.VdfDifficulty, cancellationToken);
        randomness = FromVdfOutput(group, proof.Output);
        return new EpochRandomnessEvidence(epoch, previousRandomness.ToArray(), [.. contributions], proof.Encode(group));
    }

    /// <summary>
    /// Checks an epoch's evidence end to end: a complete window of consecutive blocks, every VRF valid for its leader
    /// and parent, the seed, the group, and the VDF proof; yields the randomness.
    /// </summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="randomness">The epoch randomness, or an empty array.</param>
    /// <param name="error">What is wrong, or <see langword="null"/>.</param>
    /// <returns>Whether the evidence proves the randomness.</returns>
    public bool TryVerify(EpochRandomnessEvidence evidence, out byte[] randomness, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        randomness = [];
        if (!TryCheckContributions(evidence.PreviousRandomness.Span, evidence.Contributions, out error))
        {
            return false;
        }

        byte[] seed = Seed(evidence.Epoch, evidence.PreviousRandomness.Span, evidence.Contributions);
        var group = DiscriminantDerivation.GroupFromSeed(seed, _options.DiscriminantBits);
        if (!WesolowskiProof.TryDecode(group, evidence.VdfProof.Span, out var proof, out string? decodeError))
        {
            error = $"The VDF proof is malformed: {decodeError}";
            return false;
        }

        if (!WesolowskiVdf.Verify(group, group.Generator, _options.VdfDifficulty, proof))
        {
            error = "The VDF proof does not verify for this seed and difficulty.";
            return false;
        }

        randomness = FromVdfOutput(group, proof.Output);
        error = null;
        return true;
    }

    private bool TryCheckContributions(ReadOnlySpan<byte> previousRandomness, IReadOnlyList<VrfContribution> contributions, [NotNullWhen(false)] out string? error)
    {
        if (previousRandomness.Length != Size)
        {
            error = $"The previous randomness is {Size} bytes, not {previousRandomness.Length}.";
            return false;
        }

        if (contributions.Count != _options.ContributionCount)
        {
            error = $"The window holds {_options.ContributionCount} contributions, not {contributions.Count}.";
            return false;
        }

        for (int i = 0; i < contributions.Count; i++)
        {
            var contribution = contributions[i];
            if (i > 0 && contribution.BlockNumber != contributions[i - 1].BlockNumber + 1)
            {
                error = $"Contribution {i} is block {contribution.BlockNumber}, not block {contributions[i - 1].BlockNumber + 1}: the window must be consecutive.";
                return false;
            }

            if (!_scheme.TryDecodePublicKey(contribution.LeaderKey.Span, out var key, out var keyError))
            {
                error = $"Contribution {i} (block {contribution.BlockNumber}): the leader key is invalid ({keyError}).";
                return false;
            }

            var vrfError = _vrf.Verify(isVrfEpoch: true, key, contribution.ParentHash.Span, contribution.VrfField.Span);
            if (vrfError != BlsVrfError.None)
            {
                error = $"Contribution {i} (block {contribution.BlockNumber}): the VRF is rejected ({vrfError}).";
                return false;
            }
        }

        error = null;
        return true;
    }
}
