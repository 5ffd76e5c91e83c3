namespace Harmony.RaptorQ;

/// <summary>
/// Encoder for a whole object: partitions it into source blocks (and sub-blocks) as its
/// <see cref="ObjectTransmissionInformation"/> says, and produces packets for any block and ESI. Block encoders are
/// created on first use. Thread-safe. <see cref="Dispose"/> returns the blocks' pooled memory.
/// </summary>
public sealed class RaptorQEncoder : IDisposable
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly SourceBlockEncoder?[] _blocks;

    /// <summary>Creates an encoder for <paramref name="data"/> with explicit parameters.</summary>
    /// <param name="data">The object; its length must equal the OTI's transfer length.</param>
    /// <param name="transmissionInformation">F, T, Z, N and Al.</param>
    /// <exception cref="RaptorQException">The OTI's transfer length differs from the data length.</exception>
    public RaptorQEncoder(ReadOnlyMemory<byte> data, ObjectTransmissionInformation transmissionInformation)
    {
        if (data.Length != transmissionInformation.TransferLength)
        {
            throw new RaptorQException($"OTI transfer length {transmissionInformation.TransferLength} differs from the data length {data.Length}.");
        }

        _data = data;
        TransmissionInformation = transmissionInformation;
        _blocks = new SourceBlockEncoder?[transmissionInformation.SourceBlockCount];
    }

    /// <summary>The object's transmission information, to send to receivers.</summary>
    public ObjectTransmissionInformation TransmissionInformation { get; }

    /// <summary>Number of source blocks Z.</summary>
    public int SourceBlockCount => _blocks.Length;

    /// <summary>Creates an encoder choosing parameters per RFC 6330 §4.3 from <paramref name="options"/>.</summary>
    /// <param name="data">The object (at least one byte).</param>
    /// <param name="options">Maximum payload, decoder memory, alignment and smallest sub-symbol.</param>
    /// <exception cref="RaptorQException">No valid parameters exist for this object and these options.</exception>
    public static RaptorQEncoder Create(ReadOnlyMemory<byte> data, RaptorQOptions options) =>
        new(data, ObjectTransmissionInformation.Select(data.Length, options));

    /// <summary>The encoder of block <paramref name="sourceBlockNumber"/> (built on first use; the precode runs then).</summary>
    /// <param name="sourceBlockNumber">SBN, 0..Z−1.</param>
    public SourceBlockEncoder GetBlockEncoder(int sourceBlockNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceBlockNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sourceBlockNumber, _blocks.Length);
        SourceBlockEncoder? encoder = Volatile.Read(ref _blocks[sourceBlockNumber]);
        if (encoder is not null)
        {
            return encoder;
        }

        ObjectTransmissionInformation oti = TransmissionInformation;
        ReadOnlySpan<byte> block = _data.Span.Slice((int)oti.BlockOffset(sourceBlockNumber), oti.BlockLength(sourceBlockNumber));
        encoder = new SourceBlockEncoder(sourceBlockNumber, block, oti.SymbolSize, oti.SubBlockCount, oti.Alignment);
        return Interlocked.CompareExchange(ref _blocks[sourceBlockNumber], encoder, null) ?? encoder;
    }

    /// <summary>Writes the symbol named by <paramref name="id"/> into <paramref name="destination"/> (T bytes).</summary>
    /// <param name="id">SBN and ESI.</param>
    /// <param name="destination">At least T bytes.</param>
    public void WriteSymbol(PayloadId id, Span<byte> destination) =>
        GetBlockEncoder(id.SourceBlockNumber).WriteSymbol(id.EncodingSymbolId, destination);

    /// <summary>
    /// Every block's K source packets and then <paramref name="repairPacketsPerBlock"/> repair packets, block by block.
    /// Each packet owns a new symbol array.
    /// </summary>
    /// <param name="repairPacketsPerBlock">Repair packets per block.</param>
    public IEnumerable<EncodingPacket> GetPackets(int repairPacketsPerBlock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repairPacketsPerBlock);
        return Iterate(repairPacketsPerBlock);
    }

    /// <summary>Disposes the block encoders created so far.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _blocks.Length; i++)
        {
            Interlocked.Exchange(ref _blocks[i], null)?.Dispose();
        }
    }

    private IEnumerable<EncodingPacket> Iterate(int repair)
    {
        for (int sbn = 0; sbn < _blocks.Length; sbn++)
        {
            foreach (EncodingPacket packet in GetBlockEncoder(sbn).Packets(repair))
            {
                yield return packet;
            }
        }
    }
}
