using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.P2P.PubSub;

/// <summary>
/// The pubsub RPC protobuf (libp2p pubsub spec and gossipsub v1.0/v1.1): encoding, bounded decoding that never throws,
/// and the bytes a message signature covers. Unknown fields (for example v1.2 IDONTWANT) are skipped.
/// </summary>
public static class PubSubRpcCodec
{
    /// <summary>The prefix of the bytes a pubsub signature covers.</summary>
    public static ReadOnlySpan<byte> SignaturePrefix => "libp2p-pubsub:"u8;

    /// <summary>The string <see cref="TryReadString"/> decoded last on this thread, and its UTF-8 bytes.</summary>
    [ThreadStatic]
    private static string? _lastString;

    [ThreadStatic]
    private static byte[]? _lastStringBytes;

    /// <summary>Encoded size of an RPC.</summary>
    /// <param name="rpc">The RPC.</param>
    /// <returns>Bytes.</returns>
    public static int GetSize(PubSubRpc rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var size = 0;
        foreach (var sub in rpc.Subscriptions)
        {
            size += ProtoSize.LengthDelimitedField(1, SubscriptionSize(sub));
        }

        foreach (var message in rpc.Messages)
        {
            size += ProtoSize.LengthDelimitedField(2, MessageSize(message, forSigning: false));
        }

        if (rpc.HasControl)
        {
            size += ProtoSize.LengthDelimitedField(3, ControlSize(rpc));
        }

        return size;
    }

    /// <summary>Encodes an RPC.</summary>
    /// <param name="rpc">The RPC.</param>
    /// <returns>The protobuf bytes (no length prefix).</returns>
    public static byte[] Encode(PubSubRpc rpc)
    {
        var bytes = new byte[GetSize(rpc)];
        EncodeExactly(rpc, bytes);
        return bytes;
    }

    /// <summary>Encodes an RPC into a buffer of at least <see cref="GetSize"/> bytes.</summary>
    /// <param name="rpc">The RPC.</param>
    /// <param name="destination">Where the protobuf bytes (no length prefix) go.</param>
    /// <returns>The bytes written: <see cref="GetSize"/>.</returns>
    /// <exception cref="ArgumentException">The destination is shorter than the encoding.</exception>
    public static int Encode(PubSubRpc rpc, Span<byte> destination)
    {
        var size = GetSize(rpc);
        if (destination.Length < size)
        {
            throw new ArgumentException($"The RPC needs {size} bytes; the destination has {destination.Length}.", nameof(destination));
        }

        EncodeExactly(rpc, destination[..size]);
        return size;
    }

    /// <summary>Encodes an RPC into exactly <see cref="GetSize"/> bytes, the size being known already.</summary>
    /// <param name="rpc">The RPC.</param>
    /// <param name="destination">Exactly its encoded size.</param>
    /// <returns>The bytes written (equal to the destination's length unless the size was wrong).</returns>
    internal static int EncodeExactly(PubSubRpc rpc, Span<byte> destination)
    {
        var writer = new ProtoWriter(destination);
        foreach (var sub in rpc.Subscriptions)
        {
            writer.WriteMessageHeader(1, SubscriptionSize(sub));
            writer.WriteVarintField(1, sub.Subscribe ? 1UL : 0UL);
            writer.WriteStringField(2, sub.Topic);
        }

        foreach (var message in rpc.Messages)
        {
            writer.WriteMessageHeader(2, MessageSize(message, forSigning: false));
            WriteMessage(ref writer, message, forSigning: false);
        }

        if (rpc.HasControl)
        {
            writer.WriteMessageHeader(3, ControlSize(rpc));
            WriteControl(ref writer, rpc);
        }

        return writer.Written;
    }

    /// <summary>The bytes a message signature covers: <c>"libp2p-pubsub:" ‖ Message</c> without signature and key.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The bytes to sign or verify.</returns>
    public static byte[] SigningPayload(PubSubMessage message)
    {
        var bytes = new byte[SigningPayloadSize(message)];
        WriteSigningPayload(message, bytes);
        return bytes;
    }

    /// <summary>The length of <see cref="SigningPayload"/> for <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The length in bytes.</returns>
    public static int SigningPayloadSize(PubSubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SignaturePrefix.Length + MessageSize(message, forSigning: true);
    }

    /// <summary>Writes <see cref="SigningPayload"/> into a caller's buffer, so a verification need not allocate.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Exactly <see cref="SigningPayloadSize"/> bytes.</param>
    public static void WriteSigningPayload(PubSubMessage message, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        var prefix = SignaturePrefix;
        prefix.CopyTo(destination);
        var writer = new ProtoWriter(destination[prefix.Length..]);
        WriteMessage(ref writer, message, forSigning: true);
    }

    /// <summary>Decodes an untrusted RPC.</summary>
    /// <param name="data">The protobuf bytes (no length prefix).</param>
    /// <param name="limits">The bounds.</param>
    /// <param name="rpc">The RPC, or <see langword="null"/>.</param>
    /// <param name="error">Why the bytes were refused, naming the field.</param>
    /// <returns>Whether the bytes are an acceptable RPC.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> data, PubSubLimits limits, [NotNullWhen(true)] out PubSubRpc? rpc, [NotNullWhen(false)] out string? error) =>
        TryDecode(data, default, limits, out rpc, out error);

    /// <summary>
    /// Decodes an untrusted RPC like <see cref="TryDecode(ReadOnlySpan{byte}, PubSubLimits, out PubSubRpc?, out string?)"/>,
    /// but the decoded messages' from, data, seqno, signature and key are slices of <paramref name="data"/> instead of
    /// copies: the caller hands the buffer over and must never change or reuse it.
    /// </summary>
    /// <param name="data">The protobuf bytes (no length prefix), owned by the result from now on.</param>
    /// <param name="limits">The bounds.</param>
    /// <param name="rpc">The RPC, or <see langword="null"/>.</param>
    /// <param name="error">Why the bytes were refused, naming the field.</param>
    /// <returns>Whether the bytes are an acceptable RPC.</returns>
    public static bool TryDecodeWithoutCopy(ReadOnlyMemory<byte> data, PubSubLimits limits, [NotNullWhen(true)] out PubSubRpc? rpc, [NotNullWhen(false)] out string? error) =>
        TryDecode(data.Span, data, limits, out rpc, out error);

    /// <summary>Decodes; byte fields of messages are slices of <paramref name="backing"/> when it is not empty.</summary>
    private static bool TryDecode(ReadOnlySpan<byte> data, ReadOnlyMemory<byte> backing, PubSubLimits limits, [NotNullWhen(true)] out PubSubRpc? rpc, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        rpc = null;
        if (data.Length > limits.MaxRpcSize)
        {
            error = "rpc: larger than MaxRpcSize";
            return false;
        }

        var result = new PubSubRpc();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "rpc: malformed field key";
                return false;
            }

            if (wire != ProtoWireType.LengthDelimited || field is < 1 or > 3)
            {
                if (!reader.TrySkip(wire))
                {
                    error = $"rpc: truncated field {field}";
                    return false;
                }

                continue;
            }

            if (!reader.TryReadBytes(out var body))
            {
                error = $"rpc: truncated field {field}";
                return false;
            }

            switch (field)
            {
                case 1:
                    if (result.Subscriptions.Count >= limits.MaxSubscriptionsPerRpc)
                    {
                        error = "subscriptions: more than MaxSubscriptionsPerRpc";
                        return false;
                    }

                    if (!TryDecodeSubscription(body, limits, out var sub, out error))
                    {
                        return false;
                    }

                    result.Subscriptions.Add(sub);
                    break;
                case 2:
                    if (result.Messages.Count >= limits.MaxMessagesPerRpc)
                    {
                        error = "publish: more than MaxMessagesPerRpc";
                        return false;
                    }

                    if (!TryDecodeMessage(body, backing, limits, out var message, out error))
                    {
                        return false;
                    }

                    result.Messages.Add(message);
                    break;
                default:
                    if (!TryDecodeControl(body, limits, result, out error))
                    {
                        return false;
                    }

                    break;
            }
        }

        rpc = result;
        error = null;
        return true;
    }

    private static bool TryDecodeSubscription(ReadOnlySpan<byte> data, PubSubLimits limits, out SubscriptionChange sub, [NotNullWhen(false)] out string? error)
    {
        sub = default;
        var reader = new ProtoReader(data);
        var subscribe = false;
        string? topic = null;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "subscriptions: malformed field key";
                return false;
            }

            if (field == 1 && wire == ProtoWireType.Varint)
            {
                if (!reader.TryReadVarint(out var value))
                {
                    error = "subscriptions.subscribe: truncated";
                    return false;
                }

                subscribe = value != 0;
            }
            else if (field == 2 && wire == ProtoWireType.LengthDelimited)
            {
                if (!TryReadString(ref reader, limits.MaxTopicLength, out topic))
                {
                    error = "subscriptions.topicid: truncated, too long or not UTF-8";
                    return false;
                }
            }
            else if (!reader.TrySkip(wire))
            {
                error = "subscriptions: truncated field";
                return false;
            }
        }

        if (topic is null)
        {
            error = "subscriptions.topicid: missing";
            return false;
        }

        sub = new SubscriptionChange(subscribe, topic);
        error = null;
        return true;
    }

    private static bool TryDecodeMessage(ReadOnlySpan<byte> data, ReadOnlyMemory<byte> backing, PubSubLimits limits, [NotNullWhen(true)] out PubSubMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        var reader = new ProtoReader(data);
        ReadOnlyMemory<byte> from = default, body = default, seqno = default, signature = default, key = default;
        string? topic = null;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "message: malformed field key";
                return false;
            }

            if (wire != ProtoWireType.LengthDelimited || field is < 1 or > 6)
            {
                if (!reader.TrySkip(wire))
                {
                    error = "message: truncated field";
                    return false;
                }

                continue;
            }

            if (field == 4)
            {
                if (!TryReadString(ref reader, limits.MaxTopicLength, out topic))
                {
                    error = "message.topic: truncated, too long or not UTF-8";
                    return false;
                }

                continue;
            }

            if (!reader.TryReadBytes(out var bytes))
            {
                error = "message: truncated field";
                return false;
            }

            // The payload may exceed MaxMessageSize here (the RPC bound applies); the router rejects it with a reason.
            if (field != 2 && bytes.Length > limits.MaxMetadataLength)
            {
                error = "message: from, seqno, signature or key longer than MaxMetadataLength";
                return false;
            }

            var copy = Keep(bytes, backing);
            switch (field)
            {
                case 1: from = copy; break;
                case 2: body = copy; break;
                case 3: seqno = copy; break;
                case 5: signature = copy; break;
                default: key = copy; break;
            }
        }

        if (topic is null)
        {
            error = "message.topic: missing";
            return false;
        }

        message = new PubSubMessage(from, body, seqno, topic, signature, key);
        error = null;
        return true;
    }

    private static bool TryDecodeControl(ReadOnlySpan<byte> data, PubSubLimits limits, PubSubRpc rpc, [NotNullWhen(false)] out string? error)
    {
        var reader = new ProtoReader(data);
        var ids = 0;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "control: malformed field key";
                return false;
            }

            if (wire != ProtoWireType.LengthDelimited || field is < 1 or > 5)
            {
                if (!reader.TrySkip(wire))
                {
                    error = "control: truncated field";
                    return false;
                }

                continue;
            }

            if (!reader.TryReadBytes(out var body))
            {
                error = "control: truncated entry";
                return false;
            }

            var count = field switch
            {
                1 => rpc.IHave.Count,
                2 => rpc.IWant.Count,
                3 => rpc.Graft.Count,
                4 => rpc.Prune.Count,
                _ => rpc.IDontWant.Count,
            };
            if (count >= limits.MaxControlEntriesPerRpc)
            {
                error = "control: more entries than MaxControlEntriesPerRpc";
                return false;
            }

            var ok = field switch
            {
                1 => TryDecodeIHave(body, limits, rpc, ref ids, out error),
                2 => TryDecodeIWant(body, limits, rpc, out error),
                3 => TryDecodeGraft(body, limits, rpc, out error),
                4 => TryDecodePrune(body, limits, rpc, out error),
                _ => TryDecodeIDontWant(body, limits, rpc, out error),
            };
            if (!ok)
            {
                error ??= "control: malformed entry";
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryDecodeIHave(ReadOnlySpan<byte> data, PubSubLimits limits, PubSubRpc rpc, ref int ids, [NotNullWhen(false)] out string? error)
    {
        var reader = new ProtoReader(data);
        string? topic = null;
        var list = new List<MessageId>();
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "ihave: malformed field key";
                return false;
            }

            if (field == 1 && wire == ProtoWireType.LengthDelimited)
            {
                if (!TryReadString(ref reader, limits.MaxTopicLength, out topic))
                {
                    error = "ihave.topicID: truncated, too long or not UTF-8";
                    return false;
                }
            }
            else if (field == 2 && wire == ProtoWireType.LengthDelimited)
            {
                if (++ids > limits.MaxMessageIdsPerRpc || !reader.TryReadBytes(out var id) || id.Length > limits.MaxMessageIdLength)
                {
                    error = "ihave.messageIDs: too many, truncated or too long";
                    return false;
                }

                list.Add(new MessageId(id));
            }
            else if (!reader.TrySkip(wire))
            {
                error = "ihave: truncated field";
                return false;
            }
        }

        rpc.IHave.Add(new ControlIHave(topic ?? string.Empty, list));
        error = null;
        return true;
    }

    private static bool TryDecodeIWant(ReadOnlySpan<byte> data, PubSubLimits limits, PubSubRpc rpc, [NotNullWhen(false)] out string? error)
    {
        var reader = new ProtoReader(data);
        var list = new List<MessageId>();
        var total = 0;
        foreach (var entry in rpc.IWant)
        {
            total += entry.MessageIds.Count;
        }

        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "iwant: malformed field key";
                return false;
            }

            if (field == 1 && wire == ProtoWireType.LengthDelimited)
            {
                if (++total > limits.MaxMessageIdsPerRpc || !reader.TryReadBytes(out var id) || id.Length > limits.MaxMessageIdLength)
                {
                    error = "iwant.messageIDs: too many, truncated or too long";
                    return false;
                }

                list.Add(new MessageId(id));
            }
            else if (!reader.TrySkip(wire))
            {
                error = "iwant: truncated field";
                return false;
            }
        }

        rpc.IWant.Add(new ControlIWant(list));
        error = null;
        return true;
    }

    /// <summary>Decodes one IDONTWANT (v1.2, control field 5: messageIDs = 1); its ids count toward MaxMessageIdsPerRpc.</summary>
    private static bool TryDecodeIDontWant(ReadOnlySpan<byte> data, PubSubLimits limits, PubSubRpc rpc, [NotNullWhen(false)] out string? error)
    {
        var reader = new ProtoReader(data);
        var list = new List<MessageId>();
        var total = 0;
        foreach (var entry in rpc.IDontWant)
        {
            total += entry.MessageIds.Count;
        }

        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "idontwant: malformed field key";
                return false;
            }

            if (field == 1 && wire == ProtoWireType.LengthDelimited)
            {
                if (++total > limits.MaxMessageIdsPerRpc || !reader.TryReadBytes(out var id) || id.Length > limits.MaxMessageIdLength)
                {
                    error = "idontwant.messageIDs: too many, truncated or too long";
                    return false;
                }

                list.Add(new MessageId(id));
            }
            else if (!reader.TrySkip(wire))
            {
                error = "idontwant: truncated field";
                return false;
            }
        }

        rpc.IDontWant.Add(new ControlIDontWant(list));
        error = null;
        return true;
    }

    private static bool TryDecodeGraft(ReadOnlySpan<byte> data, PubSubLimits limits, PubSubRpc rpc, [NotNullWhen(false)] out string? error)
    {
        var reader = new ProtoReader(data);
        string? topic = null;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "graft: malformed field key";
                return false;
            }

            if (field == 1 && wire == ProtoWireType.LengthDelimited)
            {
                if (!TryReadString(ref reader, limits.MaxTopicLength, out topic))
                {
                    error = "graft.topicID: truncated, too long or not UTF-8";
                    return false;
                }
            }
            else if (!reader.TrySkip(wire))
            {
                error = "graft: truncated field";
                return false;
            }
        }

        rpc.Graft.Add(new ControlGraft(topic ?? string.Empty));
        error = null;
        return true;
    }

    private static bool TryDecodePrune(ReadOnlySpan<byte> data, PubSubLimits limits, PubSubRpc rpc, [NotNullWhen(false)] out string? error)
    {
        var reader = new ProtoReader(data);
        string? topic = null;
        ulong? backoff = null;
        var peers = new List<PeerExchangeRecord>();
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                error = "prune: malformed field key";
                return false;
            }

            if (field == 1 && wire == ProtoWireType.LengthDelimited)
            {
                if (!TryReadString(ref reader, limits.MaxTopicLength, out topic))
                {
                    error = "prune.topicID: truncated, too long or not UTF-8";
                    return false;
                }
            }
            else if (field == 2 && wire == ProtoWireType.LengthDelimited)
            {
                if (peers.Count >= limits.MaxPeerExchangePerPrune || !reader.TryReadBytes(out var info) || !TryDecodePeerInfo(info, limits, out var record))
                {
                    error = "prune.peers: too many, truncated or malformed";
                    return false;
                }

                peers.Add(record);
            }
            else if (field == 3 && wire == ProtoWireType.Varint)
            {
                if (!reader.TryReadVarint(out var value))
                {
                    error = "prune.backoff: truncated";
                    return false;
                }

                backoff = value;
            }
            else if (!reader.TrySkip(wire))
            {
                error = "prune: truncated field";
                return false;
            }
        }

        rpc.Prune.Add(new ControlPrune(topic ?? string.Empty, peers, backoff));
        error = null;
        return true;
    }

    private static bool TryDecodePeerInfo(ReadOnlySpan<byte> data, PubSubLimits limits, out PeerExchangeRecord record)
    {
        record = default;
        var reader = new ProtoReader(data);
        ReadOnlyMemory<byte> id = default, signed = default;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field is 1 or 2 && wire == ProtoWireType.LengthDelimited)
            {
                if (!reader.TryReadBytes(out var bytes)
                    || bytes.Length > (field == 1 ? limits.MaxMetadataLength : limits.MaxSignedPeerRecordLength))
                {
                    return false;
                }

                if (field == 1)
                {
                    id = bytes.ToArray();
                }
                else
                {
                    signed = bytes.ToArray();
                }
            }
            else if (!reader.TrySkip(wire))
            {
                return false;
            }
        }

        record = new PeerExchangeRecord(id, signed);
        return true;
    }

    /// <summary>A field's bytes: a slice of <paramref name="backing"/> when they lie in it, else a copy.</summary>
    private static ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> bytes, ReadOnlyMemory<byte> backing)
    {
        if (bytes.IsEmpty)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        return !backing.IsEmpty && backing.Span.Overlaps(bytes, out var offset)
            ? backing.Slice(offset, bytes.Length)
            : bytes.ToArray();
    }

    private static bool TryReadString(ref ProtoReader reader, int maxLength, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!reader.TryReadBytes(out var bytes) || bytes.Length > maxLength)
        {
            return false;
        }

        // Nearly every message of a busy stream names the same topic: reuse the string decoded last on this thread.
        if (_lastStringBytes is { } last && bytes.SequenceEqual(last))
        {
            value = _lastString!;
            return true;
        }

        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(bytes);
        _lastString = value;
        _lastStringBytes = bytes.ToArray();
        return true;
    }

    private static int SubscriptionSize(SubscriptionChange sub) =>
        ProtoSize.VarintField(1, sub.Subscribe ? 1UL : 0UL) + ProtoSize.StringField(2, sub.Topic);

    private static int MessageSize(PubSubMessage message, bool forSigning)
    {
        var size = 0;
        if (!message.From.IsEmpty)
        {
            size += ProtoSize.LengthDelimitedField(1, message.From.Length);
        }

        size += ProtoSize.LengthDelimitedField(2, message.Data.Length);
        if (!message.Seqno.IsEmpty)
        {
            size += ProtoSize.LengthDelimitedField(3, message.Seqno.Length);
        }

        size += ProtoSize.StringField(4, message.Topic);
        if (!forSigning)
        {
            if (!message.Signature.IsEmpty)
            {
                size += ProtoSize.LengthDelimitedField(5, message.Signature.Length);
            }

            if (!message.Key.IsEmpty)
            {
                size += ProtoSize.LengthDelimitedField(6, message.Key.Length);
            }
        }

        return size;
    }

    private static void WriteMessage(ref ProtoWriter writer, PubSubMessage message, bool forSigning)
    {
        if (!message.From.IsEmpty)
        {
            writer.WriteBytesField(1, message.From.Span);
        }

        writer.WriteBytesField(2, message.Data.Span);
        if (!message.Seqno.IsEmpty)
        {
            writer.WriteBytesField(3, message.Seqno.Span);
        }

        writer.WriteStringField(4, message.Topic);
        if (!forSigning)
        {
            if (!message.Signature.IsEmpty)
            {
                writer.WriteBytesField(5, message.Signature.Span);
            }

            if (!message.Key.IsEmpty)
            {
                writer.WriteBytesField(6, message.Key.Span);
            }
        }
    }

    private static int ControlSize(PubSubRpc rpc)
    {
        var size = 0;
        foreach (var ihave in rpc.IHave)
        {
            size += ProtoSize.LengthDelimitedField(1, IHaveSize(ihave));
        }

        foreach (var iwant in rpc.IWant)
        {
            size += ProtoSize.LengthDelimitedField(2, IdsSize(1, iwant.MessageIds));
        }

        foreach (var graft in rpc.Graft)
        {
            size += ProtoSize.LengthDelimitedField(3, ProtoSize.StringField(1, graft.Topic));
        }

        foreach (var prune in rpc.Prune)
        {
            size += ProtoSize.LengthDelimitedField(4, PruneSize(prune));
        }

        foreach (var idontwant in rpc.IDontWant)
        {
            size += ProtoSize.LengthDelimitedField(5, IdsSize(1, idontwant.MessageIds));
        }

        return size;
    }

    private static void WriteControl(ref ProtoWriter writer, PubSubRpc rpc)
    {
        foreach (var ihave in rpc.IHave)
        {
            writer.WriteMessageHeader(1, IHaveSize(ihave));
            writer.WriteStringField(1, ihave.Topic);
            foreach (var id in ihave.MessageIds)
            {
                writer.WriteBytesField(2, id.Bytes.Span);
            }
        }

        foreach (var iwant in rpc.IWant)
        {
            writer.WriteMessageHeader(2, IdsSize(1, iwant.MessageIds));
            foreach (var id in iwant.MessageIds)
            {
                writer.WriteBytesField(1, id.Bytes.Span);
            }
        }

        foreach (var graft in rpc.Graft)
        {
            writer.WriteMessageHeader(3, ProtoSize.StringField(1, graft.Topic));
            writer.WriteStringField(1, graft.Topic);
        }

        foreach (var prune in rpc.Prune)
        {
            writer.WriteMessageHeader(4, PruneSize(prune));
            writer.WriteStringField(1, prune.Topic);
            foreach (var peer in prune.Peers)
            {
                writer.WriteMessageHeader(2, PeerInfoSize(peer));
                writer.WriteBytesField(1, peer.PeerId.Span);
                if (!peer.SignedPeerRecord.IsEmpty)
                {
                    writer.WriteBytesField(2, peer.SignedPeerRecord.Span);
                }
            }

            if (prune.BackoffSeconds is { } backoff)
            {
                writer.WriteVarintField(3, backoff);
            }
        }

        foreach (var idontwant in rpc.IDontWant)
        {
            writer.WriteMessageHeader(5, IdsSize(1, idontwant.MessageIds));
            foreach (var id in idontwant.MessageIds)
            {
                writer.WriteBytesField(1, id.Bytes.Span);
            }
        }
    }

    private static int IHaveSize(ControlIHave ihave) => ProtoSize.StringField(1, ihave.Topic) + IdsSize(2, ihave.MessageIds);

    private static int IdsSize(int field, IReadOnlyList<MessageId> ids)
    {
        var size = 0;
        foreach (var id in ids)
        {
            size += ProtoSize.LengthDelimitedField(field, id.Bytes.Length);
        }

        return size;
    }

    private static int PruneSize(ControlPrune prune)
    {
        var size = ProtoSize.StringField(1, prune.Topic);
        foreach (var peer in prune.Peers)
        {
            size += ProtoSize.LengthDelimitedField(2, PeerInfoSize(peer));
        }

        if (prune.BackoffSeconds is { } backoff)
        {
            size += ProtoSize.VarintField(3, backoff);
        }

        return size;
    }

    private static int PeerInfoSize(PeerExchangeRecord peer) =>
        ProtoSize.LengthDelimitedField(1, peer.PeerId.Length)
        + (peer.SignedPeerRecord.IsEmpty ? 0 : ProtoSize.LengthDelimitedField(2, peer.SignedPeerRecord.Length));
}
