using System.Buffers;
using System.IO.Pipelines;
using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.P2P.Protobuf;

/// <summary>
/// The framing of kad-dht and pubsub streams: each message is a multiformats unsigned-varint length followed by that
/// many bytes. Reads are bounded: a prefix announcing more than the caller's maximum is refused before any body byte is
/// buffered.
/// </summary>
public static class LengthPrefixedFrames
{
    /// <summary>Reads one frame.</summary>
    /// <param name="reader">The stream's reader.</param>
    /// <param name="maxLength">The largest body accepted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The frame or the reason there is none.</returns>
    public static async ValueTask<FrameReadResult> ReadAsync(PipeReader reader, int maxLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        long needed = -1;
        ulong announced = 0;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (needed < 0)
            {
                var header = TryParseHeader(buffer, out announced, out var headerLength);
                if (header == HeaderState.Invalid)
                {
                    reader.AdvanceTo(buffer.Start);
                    return new FrameReadResult(FrameReadStatus.Malformed, [], 0);
                }

                if (header == HeaderState.Complete)
                {
                    if (announced > (ulong)maxLength)
                    {
                        reader.AdvanceTo(buffer.GetPosition(headerLength));
                        return new FrameReadResult(FrameReadStatus.TooLarge, [], announced);
                    }

                    buffer = buffer.Slice(headerLength);
                    needed = (long)announced;
                    if (buffer.Length >= needed)
                    {
                        return Take(reader, buffer, needed, announced);
                    }

                    if (read.IsCompleted)
                    {
                        reader.AdvanceTo(buffer.End);
                        return new FrameReadResult(FrameReadStatus.Truncated, [], announced);
                    }

                    reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                if (read.IsCompleted)
                {
                    reader.AdvanceTo(buffer.End);
                    return new FrameReadResult(buffer.IsEmpty ? FrameReadStatus.EndOfStream : FrameReadStatus.Truncated, [], 0);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            if (buffer.Length >= needed)
            {
                return Take(reader, buffer, needed, announced);
            }

            if (read.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return new FrameReadResult(FrameReadStatus.Truncated, [], announced);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Writes one frame and flushes it.</summary>
    /// <param name="writer">The stream's writer.</param>
    /// <param name="payload">The body.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether the reader side is still open.</returns>
    public static async ValueTask<bool> WriteAsync(PipeWriter writer, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Write(writer, payload.Span);
        var flush = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return !flush.IsCompleted && !flush.IsCanceled;
    }

    /// <summary>Writes one frame without flushing.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="payload">The body.</param>
    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var headerLength = Varint.Size((ulong)payload.Length);
        var span = writer.GetSpan(headerLength + payload.Length);
        Varint.Write(span, (ulong)payload.Length);
        payload.CopyTo(span[headerLength..]);
        writer.Advance(headerLength + payload.Length);
    }

    private static FrameReadResult Take(PipeReader reader, ReadOnlySequence<byte> buffer, long length, ulong announced)
    {
        var body = buffer.Slice(0, length);
        var payload = body.ToArray();
        reader.AdvanceTo(body.End);
        return new FrameReadResult(FrameReadStatus.Frame, payload, announced);
    }

    private static HeaderState TryParseHeader(ReadOnlySequence<byte> buffer, out ulong value, out int length)
    {
        Span<byte> header = stackalloc byte[Varint.MaxUnsignedVarintLength];
        var available = (int)Math.Min(buffer.Length, header.Length);
        buffer.Slice(0, available).CopyTo(header);
        if (!Varint.TryReadUnsigned(header[..available], out value, out length))
        {
            return HeaderState.Invalid;
        }

        return length > 0 ? HeaderState.Complete : HeaderState.Incomplete;
    }

    private enum HeaderState
    {
        Incomplete,
        Complete,
        Invalid,
    }
}
