using System.Diagnostics.CodeAnalysis;
using System.Text;
using Harmony.Crypto.Encoding.Protobuf;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;

namespace Harmony.P2P.Protocols;

/// <summary>
/// The identify message (<c>/ipfs/id/1.0.0</c>): <c>publicKey = 1</c>, <c>listenAddrs = 2</c>, <c>protocols = 3</c>,
/// <c>observedAddr = 4</c>, <c>protocolVersion = 5</c>, <c>agentVersion = 6</c>. Listen addresses of protocols this
/// library does not know (QUIC, WebSockets…) are skipped, not fatal; a signed peer record (field 8) is ignored.
/// </summary>
public sealed class IdentifyMessage
{
    /// <summary>The largest identify message accepted, in bytes.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>The most protocol ids or listen addresses kept from one message.</summary>
    public const int MaxEntries = 256;

    /// <summary>The sender's identity key.</summary>
    public Libp2pPublicKey? PublicKey { get; init; }

    /// <summary>The addresses the sender listens on.</summary>
    public IReadOnlyList<Multiaddress> ListenAddresses { get; init; } = [];

    /// <summary>The protocol ids the sender serves.</summary>
    public IReadOnlyList<string> Protocols { get; init; } = [];

    /// <summary>The address the sender sees this side connecting from.</summary>
    public Multiaddress? ObservedAddress { get; init; }

    /// <summary>The sender's protocol version, e.g. <c>ipfs/0.1.0</c>.</summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>The sender's implementation, e.g. <c>js-libp2p/2.10.0</c>.</summary>
    public string? AgentVersion { get; init; }

    /// <summary>The protobuf encoding.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        var writer = new ProtoBufferWriter();
        if (PublicKey is not null)
        {
            writer.WriteBytes(1, PublicKey.Encoded);
        }

        foreach (var address in ListenAddresses)
        {
            writer.WriteBytes(2, address.Bytes);
        }

        foreach (string protocol in Protocols)
        {
            writer.WriteString(3, protocol);
        }

        if (ObservedAddress is not null)
        {
            writer.WriteBytes(4, ObservedAddress.Bytes);
        }

        if (ProtocolVersion is not null)
        {
            writer.WriteString(5, ProtocolVersion);
        }

        if (AgentVersion is not null)
        {
            writer.WriteString(6, AgentVersion);
        }

        return writer.ToArray();
    }

    /// <summary>Reads an identify message.</summary>
    /// <param name="bytes">The protobuf bytes.</param>
    /// <param name="message">The message, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are well-formed protobuf within the bounds, with a valid public key if one is present.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out IdentifyMessage? message)
    {
        message = null;
        if (bytes.Length > MaxLength)
        {
            return false;
        }

        var reader = new ProtoReader(bytes);
        Libp2pPublicKey? key = null;
        var addresses = new List<Multiaddress>();
        var protocols = new List<string>();
        Multiaddress? observed = null;
        string? protocolVersion = null;
        string? agentVersion = null;
        var utf8 = new UTF8Encoding(false, true);
        try
        {
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
                            return false;
                        }

                        break;
                    case 2 when addresses.Count < MaxEntries && Multiaddress.TryFromBytes(value, out var address):
                        addresses.Add(address);
                        break;
                    case 3 when protocols.Count < MaxEntries:
                        protocols.Add(utf8.GetString(value));
                        break;
                    case 4 when Multiaddress.TryFromBytes(value, out var seen):
                        observed = seen;
                        break;
                    case 5:
                        protocolVersion = utf8.GetString(value);
                        break;
                    case 6:
                        agentVersion = utf8.GetString(value);
                        break;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (reader.Malformed)
        {
            return false;
        }

        message = new IdentifyMessage
        {
            PublicKey = key,
            ListenAddresses = addresses,
            Protocols = protocols,
            ObservedAddress = observed,
            ProtocolVersion = protocolVersion,
            AgentVersion = agentVersion,
        };
        return true;
    }
}
