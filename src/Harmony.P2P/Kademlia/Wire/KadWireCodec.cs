using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.P2P.Kademlia.Wire;

/// <summary>
/// The <c>/ipfs/kad/1.0.0</c> protobuf <c>Message</c> (type 1, key 2, record 3 with key 1 / value 2 / timeReceived 5,
/// closerPeers 8, providerPeers 9, each Peer with id 1 / addrs 2 / connection 3; the unused clusterLevelRaw 10 is
/// skipped) mapped to and from <see cref="KadMessage"/>. Decoding is bounded by <see cref="KadOptions"/> size limits
/// and never throws; unknown fields are skipped.
/// </summary>
public static class KadWireCodec
{
    /// <summary>The longest binary multiaddress accepted in a peer entry, in bytes.</summary>
    public const int MaxAddressLength = 1024;

    /// <summary>The longest <c>timeReceived</c> text accepted, in characters.</summary>
    public const int MaxTimeLength = 64;

    private const string TimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    /// <summary>Encoded size of <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>Bytes.</returns>
    public static int GetSize(KadMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = ProtoSize.VarintField(1, (ulong)message.Type);
        if (!message.Key.IsEmpty)
        {
            size += ProtoSize.LengthDelimitedField(2, message.Key.Length);
        }

        if (message.Record is { } record)
        {
            size += ProtoSize.LengthDelimitedField(3, RecordSize(record));
        }

        foreach (var peer in message.CloserPeers)
        {
            size += ProtoSize.LengthDelimitedField(8, PeerSize(peer));
        }

        foreach (var peer in message.ProviderPeers)
        {
            size += ProtoSize.LengthDelimitedField(9, PeerSize(peer));
        }

        return size;
    }

    /// <summary>Encodes <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The protobuf bytes (without a length prefix).</returns>
    public static byte[] Encode(KadMessage message)
    {
        var bytes = new byte[GetSize(message)];
        var writer = new ProtoWriter(bytes);
        writer.WriteVarintField(1, (ulong)message.Type);
        if (!message.Key.IsEmpty)
        {
            writer.WriteBytesField(2, message.Key.Span);
        }

        if (message.Record is { } record)
        {
            writer.WriteMessageHeader(3, RecordSize(record));
            if (!record.Key.IsEmpty)
            {
                writer.WriteBytesField(1, record.Key.Span);
            }

            if (!record.Value.IsEmpty)
            {
                writer.WriteBytesField(2, record.Value.Span);
            }

            if (FormatTime(record.TimeReceived) is { } time)
            {
                writer.WriteStringField(5, time);
            }
        }

        foreach (var peer in message.CloserPeers)
        {
            WritePeer(ref writer, 8, peer);
        }

        foreach (var peer in message.ProviderPeers)
        {
            WritePeer(ref writer, 9, peer);
        }

        return bytes;
    }

    /// <summary>Decodes an untrusted message.</summary>
    /// <param name="data">The protobuf bytes (without the length prefix).</param>
    /// <param name="limits">Size limits: key, value, peer id, addresses per peer, closer and provider peers per message.</param>
    /// <param name="message">The message, or <see langword="null"/>.</param>
    /// <param name="error">Why decoding failed, naming the field; <see langword="null"/> on success.</param>
    /// <returns>Whether the bytes are an acceptable message.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> data, KadOptions limits, [NotNullWhen(true)] out KadMessage? message, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        message = null;
        var reader = new ProtoReader(data);
        ulong type = 0;
        ReadOnlyMemory<byte> key = default;
        KadRecord? record = null;
        List<KadPeer>? closer = null;
        List<KadPeer>? providers = null;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "malformed field key";
                return false;
            }

            switch (field)
            {
                case 1 when wire == ProtoWireType.Varint:
                    if (!reader.TryReadVarint(out type) || type > (ulong)KadMessageType.Ping)
                    {
                        error = "type: unknown or malformed message type";
                        return false;
                    }

                    break;
                case 2 when wire == ProtoWireType.LengthDelimited:
                    if (!reader.TryReadBytes(out var keyBytes) || keyBytes.Length > limits.MaxKeySize)
                    {
                        error = "key: truncated or longer than MaxKeySize";
                        return false;
                    }

                    key = keyBytes.ToArray();
                    break;
                case 3 when wire == ProtoWireType.LengthDelimited:
                    if (!reader.TryReadBytes(out var recordBytes))
                    {
                        error = "record: truncated";
                        return false;
                    }

                    if (!TryDecodeRecord(recordBytes, limits, out record, out error))
                    {
                        return false;
                    }

                    break;
                case 8 or 9 when wire == ProtoWireType.LengthDelimited:
                    var list = field == 8 ? closer ??= [] : providers ??= [];
                    var max = field == 8 ? limits.MaxCloserPeersPerResponse : limits.MaxProviderPeersPerResponse;
                    if (list.Count >= max)
                    {
                        error = field == 8 ? "closerPeers: more peers than allowed" : "providerPeers: more peers than allowed";
                        return false;
                    }

                    if (!reader.TryReadBytes(out var peerBytes))
                    {
                        error = "peer: truncated";
                        return false;
                    }

                    if (!TryDecodePeer(peerBytes, limits, out var peer, out error))
                    {
                        return false;
                    }

                    list.Add(peer);
                    break;
                default:
                    if (!reader.TrySkip(wire))
                    {
                        error = $"field {field}: truncated";
                        return false;
                    }

                    break;
            }
        }

        message = new KadMessage((KadMessageType)type, key, record, closer, providers);
        error = null;
        return true;
    }

    private static bool TryDecodeRecord(ReadOnlySpan<byte> data, KadOptions limits, out KadRecord? record, [NotNullWhen(false)] out string? error)
    {
        record = null;
        var reader = new ProtoReader(data);
        ReadOnlyMemory<byte> key = default;
        ReadOnlyMemory<byte> value = default;
        DateTimeOffset time = default;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "record: malformed field key";
                return false;
            }

            if (wire == ProtoWireType.LengthDelimited && field is 1 or 2 or 5)
            {
                if (!reader.TryReadBytes(out var bytes))
                {
                    error = "record: truncated field";
                    return false;
                }

                if (field == 1)
                {
                    if (bytes.Length > limits.MaxKeySize)
                    {
                        error = "record.key: longer than MaxKeySize";
                        return false;
                    }

                    key = bytes.ToArray();
                }
                else if (field == 2)
                {
                    if (bytes.Length > limits.MaxValueSize)
                    {
                        error = "record.value: longer than MaxValueSize";
                        return false;
                    }

                    value = bytes.ToArray();
                }
                else if (bytes.Length <= MaxTimeLength)
                {
                    time = ParseTime(bytes);
                }
            }
            else if (!reader.TrySkip(wire))
            {
                error = "record: truncated field";
                return false;
            }
        }

        record = new KadRecord(key, value, time);
        error = null;
        return true;
    }

    private static bool TryDecodePeer(ReadOnlySpan<byte> data, KadOptions limits, [NotNullWhen(true)] out KadPeer? peer, [NotNullWhen(false)] out string? error)
    {
        peer = null;
        var reader = new ProtoReader(data);
        ReadOnlySpan<byte> id = default;
        List<ReadOnlyMemory<byte>>? addresses = null;
        var connection = KadConnectionType.NotConnected;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "peer: malformed field key";
                return false;
            }

            switch (field)
            {
                case 1 when wire == ProtoWireType.LengthDelimited:
                    if (!reader.TryReadBytes(out id) || id.Length > limits.MaxPeerIdSize)
                    {
                        error = "peer.id: truncated or longer than MaxPeerIdSize";
                        return false;
                    }

                    break;
                case 2 when wire == ProtoWireType.LengthDelimited:
                    addresses ??= [];
                    if (addresses.Count >= limits.MaxAddressesPerPeer || !reader.TryReadBytes(out var address) || address.Length > MaxAddressLength)
                    {
                        error = "peer.addrs: too many, truncated or too long";
                        return false;
                    }

                    addresses.Add(address.ToArray());
                    break;
                case 3 when wire == ProtoWireType.Varint:
                    if (!reader.TryReadVarint(out var value))
                    {
                        error = "peer.connection: truncated";
                        return false;
                    }

                    connection = value <= (ulong)KadConnectionType.CannotConnect ? (KadConnectionType)value : KadConnectionType.NotConnected;
                    break;
                default:
                    if (!reader.TrySkip(wire))
                    {
                        error = "peer: truncated field";
                        return false;
                    }

                    break;
            }
        }

        if (id.IsEmpty)
        {
            error = "peer.id: missing";
            return false;
        }

        peer = new KadPeer(id, addresses, connection);
        error = null;
        return true;
    }

    private static int RecordSize(KadRecord record)
    {
        var size = 0;
        if (!record.Key.IsEmpty)
        {
            size += ProtoSize.LengthDelimitedField(1, record.Key.Length);
        }

        if (!record.Value.IsEmpty)
        {
            size += ProtoSize.LengthDelimitedField(2, record.Value.Length);
        }

        if (FormatTime(record.TimeReceived) is { } time)
        {
            size += ProtoSize.StringField(5, time);
        }

        return size;
    }

    private static int PeerSize(KadPeer peer)
    {
        var size = ProtoSize.LengthDelimitedField(1, peer.Id.Length);
        foreach (var address in peer.Addresses)
        {
            size += ProtoSize.LengthDelimitedField(2, address.Length);
        }

        if (peer.Connection != KadConnectionType.NotConnected)
        {
            size += ProtoSize.VarintField(3, (ulong)peer.Connection);
        }

        return size;
    }

    private static void WritePeer(ref ProtoWriter writer, int field, KadPeer peer)
    {
        writer.WriteMessageHeader(field, PeerSize(peer));
        writer.WriteBytesField(1, peer.Id.Span);
        foreach (var address in peer.Addresses)
        {
            writer.WriteBytesField(2, address.Span);
        }

        if (peer.Connection != KadConnectionType.NotConnected)
        {
            writer.WriteVarintField(3, (ulong)peer.Connection);
        }
    }

    private static string? FormatTime(DateTimeOffset time) =>
        time == default ? null : time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(ReadOnlySpan<byte> utf8)
    {
        Span<char> text = stackalloc char[MaxTimeLength];
        if (!Encoding.UTF8.TryGetChars(utf8, text, out var length))
        {
            return default;
        }

        // RFC 3339 with up to nine fraction digits (Go's RFC3339Nano); .NET keeps seven.
        var value = text[..length];
        var dot = value.IndexOf('.');
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < value.Length && char.IsAsciiDigit(value[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                var trimmed = new char[value.Length - (end - dot - 8)];
                value[..(dot + 8)].CopyTo(trimmed);
                value[end..].CopyTo(trimmed.AsSpan(dot + 8));
                value = trimmed;
            }
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : default;
    }
}
