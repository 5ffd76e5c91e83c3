using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Harmony.P2P.HarmonyPubSub;

/// <summary>
/// Harmony's gossip payload framing, <c>p2p.ConstructMessage</c> (spec/harmony.md §7.5):
/// <c>0x11 ‖ BE32(len(content)) ‖ content</c>, where <c>content = category ‖ body</c>. Harmony's Go receivers skip
/// the 5-byte prefix without checking it; <see cref="TryParse"/> checks it unless asked to be as lenient.
/// </summary>
public static class HarmonyPayload
{
    /// <summary>The first byte of every payload.</summary>
    public const byte Prefix = 0x11;

    /// <summary>Prefix byte plus the 32-bit length.</summary>
    public const int HeaderSize = 5;

    /// <summary>Largest node-message content Harmony accepts (<c>MaxP2PNodeDataSize</c>, 1280 KiB).</summary>
    public const int MaxNodeContentSize = 1280 * 1024;

    /// <summary>Frames a body.</summary>
    /// <param name="category">The category byte.</param>
    /// <param name="body">The body after the category.</param>
    /// <returns>The payload to publish.</returns>
    public static byte[] Frame(HarmonyMessageCategory category, ReadOnlySpan<byte> body)
    {
        var payload = new byte[HeaderSize + 1 + body.Length];
        payload[0] = Prefix;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(1), (uint)(1 + body.Length));
        payload[HeaderSize] = (byte)category;
        body.CopyTo(payload.AsSpan(HeaderSize + 1));
        return payload;
    }

    /// <summary>Reads an untrusted payload.</summary>
    /// <param name="payload">The gossip message data.</param>
    /// <param name="category">The category.</param>
    /// <param name="body">The body after the category byte (a slice of <paramref name="payload"/>).</param>
    /// <param name="error">Why the payload was refused.</param>
    /// <param name="lenient">Skip the prefix byte and length without checking them, as Harmony's Go node does.</param>
    /// <returns>Whether the payload is well formed.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> payload, out HarmonyMessageCategory category, out ReadOnlyMemory<byte> body, [NotNullWhen(false)] out string? error, bool lenient = false)
    {
        category = default;
        body = default;
        var span = payload.Span;
        if (span.Length < HeaderSize + 1)
        {
            error = "payload shorter than the 5-byte header and a category byte";
            return false;
        }

        if (!lenient)
        {
            if (span[0] != Prefix)
            {
                error = "payload does not start with 0x11";
                return false;
            }

            if (BinaryPrimitives.ReadUInt32BigEndian(span[1..]) != (uint)(span.Length - HeaderSize))
            {
                error = "payload length field does not match the content";
                return false;
            }
        }

        var raw = span[HeaderSize];
        if (raw > (byte)HarmonyMessageCategory.Node)
        {
            error = "unknown category byte";
            return false;
        }

        category = (HarmonyMessageCategory)raw;
        if (category == HarmonyMessageCategory.Node && span.Length - HeaderSize > MaxNodeContentSize)
        {
            error = "node message larger than MaxP2PNodeDataSize (1280 KiB)";
            return false;
        }

        body = payload[(HeaderSize + 1)..];
        error = null;
        return true;
    }

    /// <summary>Whether a topic is consensus-bound (a <c>node</c> group topic); consensus messages elsewhere are rejected.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>Whether consensus messages may travel on it.</returns>
    public static bool IsConsensusTopic(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.Contains("/node/", StringComparison.Ordinal);
    }

    /// <summary>The check every Harmony pub/sub implementation applies to received payloads.</summary>
    /// <param name="topic">The topic it arrived on.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="message">The parsed message parts.</param>
    /// <param name="error">Why it was refused.</param>
    /// <returns>Whether the payload is well formed and allowed on the topic.</returns>
    public static bool TryAccept(string topic, ReadOnlyMemory<byte> payload, out (HarmonyMessageCategory Category, ReadOnlyMemory<byte> Body) message, [NotNullWhen(false)] out string? error)
    {
        message = default;
        if (!TryParse(payload, out var category, out var body, out error))
        {
            return false;
        }

        if (category == HarmonyMessageCategory.Consensus && !IsConsensusTopic(topic))
        {
            error = "consensus message on a topic that is not consensus-bound";
            return false;
        }

        message = (category, body);
        return true;
    }
}
