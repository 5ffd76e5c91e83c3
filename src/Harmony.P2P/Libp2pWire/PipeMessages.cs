using System.Buffers;
using System.IO.Pipelines;
using Harmony.P2P.Protobuf;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Libp2pWire;

/// <summary>Reads and writes the fixed-size and varint-length-prefixed messages of libp2p protocols on a pipe.</summary>
internal static class PipeMessages
{
    /// <summary>Reads exactly <paramref name="length"/> bytes; <see langword="null"/> when the input ends first.</summary>
    public static async ValueTask<byte[]?> ReadExactlyAsync(PipeReader input, int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= length)
            {
                var bytes = buffer.Slice(0, length).ToArray();
                input.AdvanceTo(buffer.GetPosition(length));
                return bytes;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Reads one varint-length-prefixed message of at most <paramref name="maxLength"/> bytes with
    /// <see cref="LengthPrefixedFrames"/>; <see langword="null"/> at a clean end of input.
    /// </summary>
    /// <exception cref="Libp2pProtocolException">The prefix is malformed, the message too long, or the input ends inside it.</exception>
    public static async ValueTask<byte[]?> ReadLengthPrefixedAsync(PipeReader input, int maxLength, string what, CancellationToken cancellationToken)
    {
        var frame = await LengthPrefixedFrames.ReadAsync(input, maxLength, cancellationToken).ConfigureAwait(false);
        return frame.Status switch
        {
            FrameReadStatus.Frame => frame.Payload,
            FrameReadStatus.EndOfStream => null,
            FrameReadStatus.TooLarge => throw new Libp2pProtocolException($"{what}: a message of {frame.AnnouncedLength} bytes exceeds the limit of {maxLength}."),
            FrameReadStatus.Malformed => throw new Libp2pProtocolException($"{what}: the length prefix is not a valid varint."),
            _ => throw new Libp2pProtocolException($"{what}: the stream ended inside a message."),
        };
    }
}
