using System.Buffers;
using System.Runtime.CompilerServices;

namespace Harmony.RaptorQ;

/// <summary>
/// Streaming adapters for objects too large to hold at once: the encoder reads one source block at a time from a
/// <see cref="Stream"/> and yields its packets; the decoder consumes packets and writes each block to a
/// <see cref="Stream"/> as soon as it and all blocks before it are recovered, then frees it. Memory stays around one
/// or a few blocks; the coding itself is synchronous and CPU-bound.
/// </summary>
public static class RaptorQStreaming
{
    /// <summary>
    /// Reads the object block by block from <paramref name="source"/> and yields, for each block, its K source packets
    /// followed by <paramref name="repairPacketsPerBlock"/> repair packets.
    /// </summary>
    /// <param name="source">The object's bytes; exactly F bytes are read.</param>
    /// <param name="transmissionInformation">The object's OTI (e.g. from <see cref="ObjectTransmissionInformation.Select"/>).</param>
    /// <param name="repairPacketsPerBlock">Repair packets per block.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="RaptorQException">The stream ends before F bytes.</exception>
    public static async IAsyncEnumerable<EncodingPacket> EncodeAsync(
        Stream source,
        ObjectTransmissionInformation transmissionInformation,
        int repairPacketsPerBlock,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(repairPacketsPerBlock);
        ObjectTransmissionInformation oti = transmissionInformation;
        for (int sbn = 0; sbn < oti.SourceBlockCount; sbn++)
        {
            int length = oti.BlockLength(sbn);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
            SourceBlockEncoder encoder;
            try
            {
                int read = await source.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read < length)
                {
                    throw new RaptorQException($"The source stream ended inside block {sbn}: {read} of {length} bytes.");
                }

                encoder = new SourceBlockEncoder(sbn, buffer.AsSpan(0, length), oti.SymbolSize, oti.SubBlockCount, oti.Alignment);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            using (encoder)
            {
                int total = encoder.SourceSymbolCount + repairPacketsPerBlock;
                for (int esi = 0; esi < total; esi++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return encoder.CreatePacket(esi);
                }
            }
        }
    }

    /// <summary>
    /// Feeds <paramref name="packets"/> to a decoder and writes the object to <paramref name="destination"/> in block
    /// order as blocks are recovered. Returns once all F bytes are written; packets after that are not consumed.
    /// Rejected packets are skipped.
    /// </summary>
    /// <param name="packets">Received packets, in any order.</param>
    /// <param name="transmissionInformation">The sender's OTI.</param>
    /// <param name="destination">Receives the F bytes of the object.</param>
    /// <param name="cancellationToken">Stops decoding.</param>
    /// <exception cref="RaptorQException">The packets ran out before every block was recovered.</exception>
    public static async Task DecodeAsync(
        IAsyncEnumerable<EncodingPacket> packets,
        ObjectTransmissionInformation transmissionInformation,
        Stream destination,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(packets);
        ArgumentNullException.ThrowIfNull(destination);
        var decoder = new RaptorQDecoder(transmissionInformation);
        int next = 0;
        await foreach (EncodingPacket packet in packets.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            decoder.AddPacket(packet);
            next = await WriteReadyBlocksAsync(decoder, next, destination, cancellationToken).ConfigureAwait(false);
            if (next == transmissionInformation.SourceBlockCount)
            {
                return;
            }
        }

        throw new RaptorQException($"The packets ended with {decoder.DecodedBlockCount} of {transmissionInformation.SourceBlockCount} source blocks recovered.");
    }

    private static async Task<int> WriteReadyBlocksAsync(RaptorQDecoder decoder, int next, Stream destination, CancellationToken cancellationToken)
    {
        ObjectTransmissionInformation oti = decoder.TransmissionInformation;
        while (next < oti.SourceBlockCount && decoder.IsBlockDecoded(next))
        {
            int length = oti.BlockLength(next);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                decoder.GetBlockDecoder(next).CopyTo(buffer);
                await destination.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            decoder.ReleaseBlock(next);
            next++;
        }

        return next;
    }
}
