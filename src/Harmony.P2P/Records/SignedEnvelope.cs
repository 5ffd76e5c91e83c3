using System.Diagnostics.CodeAnalysis;
using System.Text;
using Harmony.P2P.Identity;
using Harmony.P2P.Protobuf;

namespace Harmony.P2P.Records;

/// <summary>
/// A libp2p signed envelope (RFC 0002): a payload, its type, the signer's public key and a signature over
/// <c>varint(len(domain)) ‖ domain ‖ varint(len(type)) ‖ type ‖ varint(len(payload)) ‖ payload</c>. The domain is not
/// carried: the verifier names the one it expects, so a signature made for one purpose never passes for another.
/// Wire form: the protobuf <c>Envelope { public_key = 1; payload_type = 2; payload = 3; signature = 5 }</c>.
/// </summary>
public sealed class SignedEnvelope
{
    /// <summary>The largest encoded envelope accepted, in bytes.</summary>
    public const int MaxLength = 16 * 1024;

    private readonly byte[] _payloadType;
    private readonly byte[] _payload;
    private readonly byte[] _signature;

    private SignedEnvelope(Libp2pPublicKey publicKey, byte[] payloadType, byte[] payload, byte[] signature)
    {
        PublicKey = publicKey;
        _payloadType = payloadType;
        _payload = payload;
        _signature = signature;
    }

    /// <summary>The signer's key.</summary>
    public Libp2pPublicKey PublicKey { get; }

    /// <summary>What the payload is (a multicodec or another agreed byte string).</summary>
    public ReadOnlySpan<byte> PayloadType => _payloadType;

    /// <summary>The signed bytes.</summary>
    public ReadOnlySpan<byte> Payload => _payload;

    /// <summary>The signature.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>Signs a payload (constant time in the secret key, as <see cref="Libp2pPrivateKey.Sign"/>).</summary>
    /// <param name="key">The signer.</param>
    /// <param name="domain">The domain the signature is for.</param>
    /// <param name="payloadType">The payload type.</param>
    /// <param name="payload">The payload.</param>
    /// <returns>The envelope.</returns>
    public static SignedEnvelope Seal(Libp2pPrivateKey key, string domain, ReadOnlySpan<byte> payloadType, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        byte[] signature = key.Sign(SignedBytes(domain, payloadType, payload));
        return new SignedEnvelope(key.PublicKey, payloadType.ToArray(), payload.ToArray(), signature);
    }

    /// <summary>Reads an envelope without checking its signature; false with the problem when malformed.</summary>
    /// <param name="encoded">The protobuf bytes, at most <see cref="MaxLength"/>.</param>
    /// <param name="envelope">The envelope.</param>
    /// <param name="problem">Why the bytes are not an envelope.</param>
    /// <returns>Whether the bytes are a well-formed envelope with a supported key.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out SignedEnvelope? envelope, [NotNullWhen(false)] out string? problem)
    {
        envelope = null;
        if (encoded.Length > MaxLength)
        {
            problem = $"the envelope is {encoded.Length} bytes; the limit is {MaxLength}.";
            return false;
        }

        var reader = new ProtoReader(encoded);
        Libp2pPublicKey? key = null;
        byte[] payloadType = [];
        byte[] payload = [];
        byte[] signature = [];
        while (reader.TryReadField(out int field, out ProtoWireType wireType, out _, out var value))
        {
            if (wireType != ProtoWireType.LengthDelimited)
            {
                continue;
            }

            switch (field)
            {
                case 1:
                    if (!Libp2pPublicKey.TryDecode(value, out key))
                    {
                        problem = "the public key is not a valid Ed25519 or secp256k1 libp2p key.";
                        return false;
                    }

                    break;
                case 2:
                    payloadType = value.ToArray();
                    break;
                case 3:
                    payload = value.ToArray();
                    break;
                case 5:
                    signature = value.ToArray();
                    break;
            }
        }

        if (reader.Malformed)
        {
            problem = "the envelope is not valid protobuf.";
            return false;
        }

        if (key is null || signature.Length == 0)
        {
            problem = key is null ? "the envelope has no public key." : "the envelope has no signature.";
            return false;
        }

        envelope = new SignedEnvelope(key, payloadType, payload, signature);
        problem = null;
        return true;
    }

    /// <summary>Reads an envelope and checks its signature for <paramref name="domain"/>.</summary>
    /// <param name="encoded">The protobuf bytes.</param>
    /// <param name="domain">The domain the signature must be for.</param>
    /// <param name="envelope">The verified envelope.</param>
    /// <param name="problem">Why it was refused.</param>
    /// <returns>Whether the envelope is well formed and validly signed for the domain.</returns>
    public static bool TryOpen(ReadOnlySpan<byte> encoded, string domain, [NotNullWhen(true)] out SignedEnvelope? envelope, [NotNullWhen(false)] out string? problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        if (!TryDecode(encoded, out var decoded, out problem))
        {
            envelope = null;
            return false;
        }

        if (!decoded.Verify(domain))
        {
            envelope = null;
            problem = $"the signature by {decoded.PublicKey.PeerId} is not valid for the domain '{domain}'.";
            return false;
        }

        envelope = decoded;
        return true;
    }

    /// <summary>Checks the signature for a domain.</summary>
    /// <param name="domain">The domain the signature must be for.</param>
    /// <returns>Whether it is valid.</returns>
    public bool Verify(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        return PublicKey.Verify(SignedBytes(domain, _payloadType, _payload), _signature);
    }

    /// <summary>The protobuf encoding.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        var writer = new ProtoBufferWriter();
        writer.WriteBytes(1, PublicKey.Encoded);
        if (_payloadType.Length > 0)
        {
            writer.WriteBytes(2, _payloadType);
        }

        if (_payload.Length > 0)
        {
            writer.WriteBytes(3, _payload);
        }

        writer.WriteBytes(5, _signature);
        return writer.ToArray();
    }

    private static byte[] SignedBytes(string domain, ReadOnlySpan<byte> payloadType, ReadOnlySpan<byte> payload)
    {
        int domainLength = Encoding.UTF8.GetByteCount(domain);
        var bytes = new byte[Varint.Size((ulong)domainLength) + domainLength +
            Varint.Size((ulong)payloadType.Length) + payloadType.Length +
            Varint.Size((ulong)payload.Length) + payload.Length];
        var span = bytes.AsSpan();
        int at = Varint.Write(span, (ulong)domainLength);
        at += Encoding.UTF8.GetBytes(domain, span[at..]);
        at += Varint.Write(span[at..], (ulong)payloadType.Length);
        payloadType.CopyTo(span[at..]);
        at += payloadType.Length;
        at += Varint.Write(span[at..], (ulong)payload.Length);
        payload.CopyTo(span[at..]);
        return bytes;
    }
}
