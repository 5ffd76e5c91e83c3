using System.Buffers;
using System.IO.Pipelines;
using Harmony.P2P.Transport;

using Harmony.P2P.Protobuf;

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
    /// Reads one varint-length-prefixed message of at most <paramref name="maxLength"/> bytes; <see langword="null"/>
    /// at a clean end of input.
    /// </summary>
    /// <exception cref="Libp2pProtocolException">The prefix is malformed, the message too long, or the input ends inside it.</exception>
    public static async ValueTask<byte[]?> ReadLengthPrefixedAsync(PipeReader input, int maxLength, string what, CancellationToken cancellationToken)
    {
        var prefix = new byte[Varint.MaxProtobufVarintLength];
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            int available = (int)Math.Min(buffer.Length, prefix.Length);
            buffer.Slice(0, available).CopyTo(prefix);
            if (Varint.TryReadMinimal(prefix.AsSpan(0, available), out ulong length, out int used))
            {
                if (length > (ulong)maxLength)
                {
                    input.AdvanceTo(buffer.End);
                    throw new Libp2pProtocolException($"{what}: a message of {length} bytes exceeds the limit of {maxLength}.");
                }

                if (buffer.Length >= used + (long)length)
                {
                    var message = buffer.Slice(used, (long)length).ToArray();
                    input.AdvanceTo(buffer.GetPosition(used + (long)length));
                    return message;
                }
            }
            else if (available == prefix.Length)
            {
                input.AdvanceTo(buffer.End);
                throw new Libp2pProtocolException($"{what}: the length prefix is not a valid varint.");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                if (buffer.IsEmpty)
                {
                    return null;
                }

                throw new Libp2pProtocolException($"{what}: the stream ended inside a message.");
            }
        }
    }

    /// <summary>Writes a varint length prefix and the message, and flushes.</summary>
    public static async ValueTask WriteLengthPrefixedAsync(PipeWriter output, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var span = output.GetSpan(Varint.MaxProtobufVarintLength + message.Length);
        int used = Varint.Write(span, (ulong)message.Length);
        message.Span.CopyTo(span[used..]);
        output.Advance(used + message.Length);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
