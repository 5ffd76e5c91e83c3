using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus;

/// <summary>
/// An aggregate signature with the bitmap of its signers, carried on the wire as <c>sig ‖ bitmap</c> (PREPARED and
/// COMMITTED payloads, M1, and a header's <c>LastCommitSignature</c>/<c>LastCommitBitmap</c>).
/// </summary>
/// <param name="Signature">The aggregate signature.</param>
/// <param name="Signers">Who signed.</param>
public sealed record AggregateCertificate(BlsSignature Signature, SignerBitmap Signers)
{
    /// <summary>Parses <c>sig ‖ bitmap</c>: the first <c>SignatureSize</c> bytes are the signature, the rest the bitmap.</summary>
    /// <param name="scheme">The BLS suite.</param>
    /// <param name="bytes">The wire bytes.</param>
    /// <param name="committeeSize">N, which fixes the bitmap length.</param>
    /// <param name="certificate">The certificate, or <see langword="null"/>.</param>
    /// <param name="error">Why parsing failed, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are well formed.</returns>
    public static bool TryParse(IBlsSignatureScheme scheme, ReadOnlySpan<byte> bytes, int committeeSize, [NotNullWhen(true)] out AggregateCertificate? certificate, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        certificate = null;
        if (bytes.Length < scheme.SignatureSize)
        {
            error = $"sig‖bitmap is {bytes.Length} bytes, shorter than a {scheme.SignatureSize}-byte signature.";
            return false;
        }

        if (!SignerBitmap.TryParse(bytes[scheme.SignatureSize..], committeeSize, out var bitmap, out error))
        {
            return false;
        }

        if (!scheme.TryDecodeSignature(bytes[..scheme.SignatureSize], out var signature, out var reason))
        {
            error = $"The aggregate signature does not decode: {reason}.";
            return false;
        }

        certificate = new AggregateCertificate(signature, bitmap);
        error = null;
        return true;
    }

    /// <summary>Encodes <c>sig ‖ bitmap</c>.</summary>
    /// <param name="scheme">The BLS suite.</param>
    /// <returns>The wire bytes.</returns>
    public byte[] Encode(IBlsSignatureScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var bytes = new byte[scheme.SignatureSize + Signers.Bytes.Length];
        scheme.EncodeSignature(Signature, bytes);
        Signers.Bytes.CopyTo(bytes.AsSpan(scheme.SignatureSize));
        return bytes;
    }

    /// <summary>Whether the signers are a quorum and the aggregate verifies over <paramref name="message"/> (one pairing check).</summary>
    /// <param name="committee">The committee the bitmap refers to.</param>
    /// <param name="message">The signed bytes.</param>
    /// <returns>The verdict.</returns>
    public bool Verify(ConsensusCommittee committee, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return Signers.CommitteeSize == committee.Count
            && committee.Decider.IsQuorum(Signers)
            && committee.Keys.VerifyAggregate(Signers, message, Signature);
    }
}
