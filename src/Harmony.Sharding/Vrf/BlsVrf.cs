using System.Security.Cryptography;
using Harmony.Crypto.Bls;

namespace Harmony.Sharding.Vrf;

/// <summary>
/// Harmony's BLS verifiable random function (spec/harmony.md §4): the block leader signs <c>SHA-256(parentHash)</c>
/// with its consensus key (<c>SignHash</c> in the Harmony suite), the 96-byte signature is the proof, and the output
/// <c>beta = SHA-256(proof)</c>. The header's <c>Vrf</c> field is <c>beta ‖ proof</c>, 128 bytes, from <c>VRFEpoch</c>
/// (mainnet 631) on, and empty before it.
/// </summary>
/// <remarks>
/// BLS signatures are unique (one valid signature per key and message), which is what makes this a VRF: the leader
/// cannot choose among several outputs. The output is unpredictable to anyone without the secret key.
/// </remarks>
public sealed class BlsVrf
{
    /// <summary>Size of the output beta.</summary>
    public const int OutputSize = 32;

    /// <summary>Size of the proof (a Harmony BLS signature).</summary>
    public const int ProofSize = 96;

    /// <summary>Size of the header field <c>beta ‖ proof</c>.</summary>
    public const int HeaderFieldSize = OutputSize + ProofSize;

    private readonly IBlsSignatureScheme _scheme;

    /// <summary>Creates the VRF over a signature scheme whose signatures are <see cref="ProofSize"/> bytes.</summary>
    /// <param name="scheme">Harmony's suite (<see cref="HarmonyBlsScheme.Instance"/>) for mainnet compatibility.</param>
    public BlsVrf(IBlsSignatureScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (scheme.SignatureSize != ProofSize)
        {
            throw new ArgumentException($"The VRF proof is a {ProofSize}-byte signature; this scheme's are {scheme.SignatureSize}.", nameof(scheme));
        }

        _scheme = scheme;
    }

    /// <summary>The message the leader signs: <c>SHA-256(parentHash)</c>.</summary>
    /// <param name="parentHash">The parent block's hash.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] Input(ReadOnlySpan<byte> parentHash) => SHA256.HashData(parentHash);

    /// <summary>Computes the header field <c>beta ‖ proof</c> for a block whose parent is <paramref name="parentHash"/>.</summary>
    /// <param name="secretKey">The leader's consensus key.</param>
    /// <param name="parentHash">The parent block's hash.</param>
    /// <param name="headerField">The 128-byte field, or an empty array.</param>
    /// <returns>False only when the input maps to no point (SHA-256 output with 48 zero leading bytes cannot occur).</returns>
    public bool TryProve(BlsSecretKey secretKey, ReadOnlySpan<byte> parentHash, out byte[] headerField)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        headerField = [];
        if (!_scheme.TrySign(secretKey, Input(parentHash), out var proof))
        {
            return false;
        }

        byte[] field = new byte[HeaderFieldSize];
        _scheme.EncodeSignature(proof, field.AsSpan(OutputSize));
        SHA256.HashData(field.AsSpan(OutputSize), field.AsSpan(0, OutputSize));
        headerField = field;
        return true;
    }

    /// <summary>
    /// Checks a header's VRF field as Harmony's engine does: empty outside the VRF epochs; inside them 128 bytes whose
    /// proof verifies under the leader's key over <c>SHA-256(parentHash)</c> and whose output is <c>SHA-256(proof)</c>.
    /// </summary>
    /// <param name="isVrfEpoch">Whether the block's epoch is at or after <c>VRFEpoch</c>.</param>
    /// <param name="leaderKey">The leader's public key (from the coinbase lookup).</param>
    /// <param name="parentHash">The parent block's hash.</param>
    /// <param name="headerField">The header's <c>Vrf</c> field.</param>
    /// <returns>The reason for rejection, or <see cref="BlsVrfError.None"/>.</returns>
    public BlsVrfError Verify(bool isVrfEpoch, in BlsPublicKey leaderKey, ReadOnlySpan<byte> parentHash, ReadOnlySpan<byte> headerField)
    {
        if (!isVrfEpoch)
        {
            return headerField.IsEmpty ? BlsVrfError.None : BlsVrfError.UnexpectedField;
        }

        if (headerField.Length != HeaderFieldSize)
        {
            return BlsVrfError.WrongLength;
        }

        ReadOnlySpan<byte> proofBytes = headerField[OutputSize..];
        if (!_scheme.TryDecodeSignature(proofBytes, out var proof, out _))
        {
            return BlsVrfError.MalformedProof;
        }

        if (!_scheme.Verify(leaderKey, Input(parentHash), proof))
        {
            return BlsVrfError.InvalidProof;
        }

        Span<byte> beta = stackalloc byte[OutputSize];
        SHA256.HashData(proofBytes, beta);
        return beta.SequenceEqual(headerField[..OutputSize]) ? BlsVrfError.None : BlsVrfError.OutputMismatch;
    }
}
