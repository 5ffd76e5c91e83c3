using Harmony.Crypto.Bls;
using Harmony.Crypto.Hashing;

namespace Harmony.Consensus.Messages;

/// <summary>
/// The message-level signature of ANNOUNCE, PREPARED, COMMITTED, VIEWCHANGE, NEWVIEW and LAST_SIGN_POWER
/// (spec/harmony.md §1.3): the signer signs <c>Keccak256(protobuf(message with signature unset))</c>.
/// </summary>
public static class MessageSignature
{
    /// <summary>The 32 bytes that are signed: Keccak-256 (legacy padding) of the unsigned encoding.</summary>
    /// <param name="message">The message (its signature is ignored).</param>
    /// <returns>The digest.</returns>
    public static byte[] SigningHash(HarmonyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Keccak256.HashData(message.EncodeUnsigned());
    }

    /// <summary>Returns a copy of the message carrying the signature of <paramref name="signer"/>.</summary>
    /// <param name="scheme">The BLS suite.</param>
    /// <param name="signer">The sender's key (constant-time signing).</param>
    /// <param name="message">The unsigned message.</param>
    /// <returns>The signed message.</returns>
    public static HarmonyMessage Sign(IBlsSignatureScheme scheme, BlsSecretKey signer, HarmonyMessage message)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var signature = scheme.Sign(signer, SigningHash(message));
        var encoded = new byte[scheme.SignatureSize];
        scheme.EncodeSignature(signature, encoded);
        return message with { Signature = encoded };
    }

    /// <summary>Checks the message-level signature against the sender's key.</summary>
    /// <param name="scheme">The BLS suite.</param>
    /// <param name="sender">The sender's validated key.</param>
    /// <param name="message">The received message.</param>
    /// <returns>False when the signature is missing, malformed or wrong.</returns>
    public static bool Verify(IBlsSignatureScheme scheme, in BlsPublicKey sender, HarmonyMessage message)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(message);
        return message.Signature.Length == scheme.SignatureSize
            && scheme.TryDecodeSignature(message.Signature.Span, out var signature, out _)
            && scheme.Verify(sender, SigningHash(message), signature);
    }
}
