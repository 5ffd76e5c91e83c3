using System.Buffers.Binary;

namespace Harmony.Consensus.Messages;

/// <summary>
/// Harmony's pubsub payload (spec/harmony.md §7.5): <c>0x11 ‖ BE32(len(content)) ‖ content</c>, where content is
/// <c>category ‖ body</c> and category is 0x00 (consensus) or 0x01 (node).
/// </summary>
public static class GossipFrame
{
    /// <summary>The first byte of every frame.</summary>
    public const byte Marker = 0x11;

    /// <summary>The category byte of consensus traffic.</summary>
    public const byte ConsensusCategory = 0x00;

    /// <summary>The category byte of node traffic (blocks, transactions, …).</summary>
    public const byte NodeCategory = 0x01;

    /// <summary>The bytes before the body: marker, length, category.</summary>
    public const int HeaderSize = 6;

    /// <summary>Frames a consensus message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The pubsub payload.</returns>
    public static byte[] WrapConsensus(HarmonyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Wrap(ConsensusCategory, message.Encode());
    }

    /// <summary>Frames a body under a category.</summary>
    /// <param name="category">0x00 consensus or 0x01 node.</param>
    /// <param name="body">The body.</param>
    /// <returns>The pubsub payload.</returns>
    public static byte[] Wrap(byte category, ReadOnlySpan<byte> body)
    {
        var frame = new byte[HeaderSize + body.Length];
        frame[0] = Marker;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(body.Length + 1));
        frame[5] = category;
        body.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <summary>
    /// Splits a received payload. Harmony's receivers skip the 5-byte prefix without checking it; this reader is
    /// stricter and requires the marker and a length that matches.
    /// </summary>
    /// <param name="frame">The pubsub payload.</param>
    /// <param name="category">The category byte.</param>
    /// <param name="body">The body after the category.</param>
    /// <param name="error">Why the frame is malformed, or <see langword="null"/>.</param>
    /// <returns>Whether the frame is well formed.</returns>
    public static bool TryUnwrap(ReadOnlySpan<byte> frame, out byte category, out ReadOnlySpan<byte> body, out string? error)
    {
        category = 0;
        body = default;
        if (frame.Length < HeaderSize)
        {
            error = $"Gossip frame: {frame.Length} bytes is shorter than the {HeaderSize}-byte header.";
            return false;
        }

        if (frame[0] != Marker)
        {
            error = $"Gossip frame: first byte 0x{frame[0]:x2} is not 0x11.";
            return false;
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(frame[1..]);
        if (length != (uint)(frame.Length - 5))
        {
            error = $"Gossip frame: the length field says {length} bytes but {frame.Length - 5} follow.";
            return false;
        }

        category = frame[5];
        body = frame[HeaderSize..];
        error = null;
        return true;
    }
}
