using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Harmony.Crypto.Encoding.Protobuf;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.Multiaddr;

/// <summary>
/// A multiaddr (<c>/ip4/127.0.0.1/tcp/9000/p2p/12D3…</c>) in its text and binary forms, for the protocols of
/// <see cref="MultiaddressProtocol"/>. Immutable; compares by binary form.
/// </summary>
public sealed class Multiaddress : IEquatable<Multiaddress>
{
    /// <summary>The longest multiaddr accepted, in bytes (binary form) or characters (text form).</summary>
    public const int MaxLength = 1024;

    private readonly MultiaddressComponent[] _components;
    private readonly byte[] _bytes;

    private Multiaddress(MultiaddressComponent[] components)
    {
        _components = components;
        _bytes = Encode(components);
    }

    /// <summary>The components in order.</summary>
    public IReadOnlyList<MultiaddressComponent> Components => _components;

    /// <summary>The binary form.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The peer id of a trailing <c>/p2p/…</c> component, if any.</summary>
    public PeerId? PeerId =>
        _components.Length > 0 && _components[^1].Protocol == MultiaddressProtocol.P2p &&
        Libp2p.PeerId.TryFromBytes(_components[^1].Value.Span, out var peer) ? peer : null;

    /// <summary>Parses the text form.</summary>
    /// <param name="text">The text, e.g. <c>/ip4/127.0.0.1/tcp/4001</c>.</param>
    /// <param name="address">The address, or <see langword="null"/>.</param>
    /// <returns>Whether the text is a well-formed multiaddr of supported protocols.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Multiaddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text[0] != '/')
        {
            return false;
        }

        var parts = text.Split('/');
        var components = new List<MultiaddressComponent>();
        int i = 1;
        while (i < parts.Length)
        {
            if (parts[i].Length == 0 && i == parts.Length - 1)
            {
                break;
            }

            if (!TryProtocolFromName(parts[i], out var protocol) || i + 1 >= parts.Length ||
                !TryParseValue(protocol, parts[i + 1], out var value))
            {
                return false;
            }

            components.Add(new MultiaddressComponent(protocol, value));
            i += 2;
        }

        if (components.Count == 0)
        {
            return false;
        }

        address = new Multiaddress([.. components]);
        return true;
    }

    /// <summary>Parses the text form, throwing <see cref="FormatException"/> when it is not a supported multiaddr.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The address.</returns>
    public static Multiaddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a supported multiaddr.");

    /// <summary>Reads the binary form (as carried by identify and kad-dht).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="address">The address, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a well-formed multiaddr of supported protocols.</returns>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Multiaddress? address)
    {
        address = null;
        if (bytes.IsEmpty || bytes.Length > MaxLength)
        {
            return false;
        }

        var components = new List<MultiaddressComponent>();
        while (!bytes.IsEmpty)
        {
            if (!Varint.TryReadMinimal(bytes, out ulong code, out int used) || !Enum.IsDefined((MultiaddressProtocol)(int)Math.Min(code, int.MaxValue)))
            {
                return false;
            }

            bytes = bytes[used..];
            var protocol = (MultiaddressProtocol)(int)code;
            int size = FixedSize(protocol);
            if (size < 0)
            {
                if (!Varint.TryReadMinimal(bytes, out ulong length, out used) || length > (ulong)(bytes.Length - used))
                {
                    return false;
                }

                bytes = bytes[used..];
                size = (int)length;
            }

            if (bytes.Length < size)
            {
                return false;
            }

            var value = bytes[..size].ToArray();
            if (!IsValidValue(protocol, value))
            {
                return false;
            }

            components.Add(new MultiaddressComponent(protocol, value));
            bytes = bytes[size..];
        }

        address = new Multiaddress([.. components]);
        return true;
    }

    /// <summary>The multiaddr of an IP endpoint over TCP: <c>/ip4/…/tcp/…</c> or <c>/ip6/…/tcp/…</c>.</summary>
    /// <param name="endPoint">The endpoint.</param>
    /// <returns>The address.</returns>
    public static Multiaddress FromTcpEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var ip = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        var port = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(port, (ushort)endPoint.Port);
        var ipProtocol = ip.AddressFamily == AddressFamily.InterNetwork ? MultiaddressProtocol.Ip4 : MultiaddressProtocol.Ip6;
        return new Multiaddress([new(ipProtocol, ip.GetAddressBytes()), new(MultiaddressProtocol.Tcp, port)]);
    }

    /// <summary>This address with <c>/p2p/&lt;peer&gt;</c> appended (replacing a trailing one).</summary>
    /// <param name="peer">The peer id.</param>
    /// <returns>The address.</returns>
    public Multiaddress WithPeerId(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var baseComponents = WithoutPeerId()._components;
        return new Multiaddress([.. baseComponents, new(MultiaddressProtocol.P2p, peer.Memory)]);
    }

    /// <summary>This address without a trailing <c>/p2p/…</c> component.</summary>
    /// <returns>The address.</returns>
    public Multiaddress WithoutPeerId() =>
        _components.Length > 1 && _components[^1].Protocol == MultiaddressProtocol.P2p ? new Multiaddress(_components[..^1]) : this;

    /// <summary>The host (IP literal or DNS name) and TCP port when the address starts with an IP or DNS component followed by TCP.</summary>
    /// <param name="host">The IP address text or DNS name.</param>
    /// <param name="port">The TCP port.</param>
    /// <returns>Whether the address is a TCP address.</returns>
    public bool TryGetTcpTarget([NotNullWhen(true)] out string? host, out int port)
    {
        host = null;
        port = 0;
        if (_components.Length < 2 || _components[1].Protocol != MultiaddressProtocol.Tcp)
        {
            return false;
        }

        host = ValueToText(_components[0].Protocol, _components[0].Value.Span);
        port = BinaryPrimitives.ReadUInt16BigEndian(_components[1].Value.Span);
        return _components[0].Protocol is not MultiaddressProtocol.DnsAddr and not MultiaddressProtocol.Tcp and not MultiaddressProtocol.Udp and not MultiaddressProtocol.P2p;
    }

    /// <inheritdoc />
    public bool Equals(Multiaddress? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Multiaddress);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>The text form.</summary>
    /// <returns>The multiaddr text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var component in _components)
        {
            text.Append('/').Append(Name(component.Protocol)).Append('/').Append(ValueToText(component.Protocol, component.Value.Span));
        }

        return text.ToString();
    }

    private static byte[] Encode(MultiaddressComponent[] components)
    {
        var buffer = new List<byte>();
        Span<byte> varint = stackalloc byte[Varint.MaxProtobufVarintLength];
        foreach (var component in components)
        {
            buffer.AddRange(varint[..Varint.Write(varint, (ulong)component.Protocol)]);
            if (FixedSize(component.Protocol) < 0)
            {
                buffer.AddRange(varint[..Varint.Write(varint, (ulong)component.Value.Length)]);
            }

            buffer.AddRange(component.Value.Span);
        }

        return [.. buffer];
    }

    private static int FixedSize(MultiaddressProtocol protocol) => protocol switch
    {
        MultiaddressProtocol.Ip4 => 4,
        MultiaddressProtocol.Ip6 => 16,
        MultiaddressProtocol.Tcp or MultiaddressProtocol.Udp => 2,
        _ => -1,
    };

    private static string Name(MultiaddressProtocol protocol) => protocol switch
    {
        MultiaddressProtocol.Ip4 => "ip4",
        MultiaddressProtocol.Ip6 => "ip6",
        MultiaddressProtocol.Tcp => "tcp",
        MultiaddressProtocol.Udp => "udp",
        MultiaddressProtocol.Dns => "dns",
        MultiaddressProtocol.Dns4 => "dns4",
        MultiaddressProtocol.Dns6 => "dns6",
        MultiaddressProtocol.DnsAddr => "dnsaddr",
        _ => "p2p",
    };

    private static bool TryProtocolFromName(string name, out MultiaddressProtocol protocol)
    {
        protocol = name switch
        {
            "ip4" => MultiaddressProtocol.Ip4,
            "ip6" => MultiaddressProtocol.Ip6,
            "tcp" => MultiaddressProtocol.Tcp,
            "udp" => MultiaddressProtocol.Udp,
            "dns" => MultiaddressProtocol.Dns,
            "dns4" => MultiaddressProtocol.Dns4,
            "dns6" => MultiaddressProtocol.Dns6,
            "dnsaddr" => MultiaddressProtocol.DnsAddr,
            "p2p" or "ipfs" => MultiaddressProtocol.P2p,
            _ => 0,
        };
        return protocol != 0;
    }

    private static bool TryParseValue(MultiaddressProtocol protocol, string text, out byte[] value)
    {
        value = [];
        switch (protocol)
        {
            case MultiaddressProtocol.Ip4 or MultiaddressProtocol.Ip6:
                if (!IPAddress.TryParse(text, out var ip) ||
                    (ip.AddressFamily == AddressFamily.InterNetwork) != (protocol == MultiaddressProtocol.Ip4) ||
                    (protocol == MultiaddressProtocol.Ip4 && text.Count(c => c == '.') != 3))
                {
                    return false;
                }

                value = ip.GetAddressBytes();
                return true;
            case MultiaddressProtocol.Tcp or MultiaddressProtocol.Udp:
                if (!ushort.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ushort port))
                {
                    return false;
                }

                value = new byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(value, port);
                return true;
            case MultiaddressProtocol.P2p:
                if (!Libp2p.PeerId.TryParse(text, out var peer))
                {
                    return false;
                }

                value = peer.Memory.ToArray();
                return true;
            default:
                value = Encoding.UTF8.GetBytes(text);
                return IsValidValue(protocol, value);
        }
    }

    private static bool IsValidValue(MultiaddressProtocol protocol, byte[] value) => protocol switch
    {
        MultiaddressProtocol.P2p => Libp2p.PeerId.TryFromBytes(value, out _),
        MultiaddressProtocol.Dns or MultiaddressProtocol.Dns4 or MultiaddressProtocol.Dns6 or MultiaddressProtocol.DnsAddr =>
            value.Length is > 0 and <= 255 && Array.IndexOf(value, (byte)'/') < 0 && IsUtf8(value),
        _ => true,
    };

    private static bool IsUtf8(byte[] value)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string ValueToText(MultiaddressProtocol protocol, ReadOnlySpan<byte> value) => protocol switch
    {
        MultiaddressProtocol.Ip4 or MultiaddressProtocol.Ip6 => new IPAddress(value).ToString(),
        MultiaddressProtocol.Tcp or MultiaddressProtocol.Udp =>
            BinaryPrimitives.ReadUInt16BigEndian(value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        MultiaddressProtocol.P2p => Base58.Encode(value),
        _ => Encoding.UTF8.GetString(value),
    };
}
