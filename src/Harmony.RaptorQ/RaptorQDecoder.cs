namespace Harmony.RaptorQ;

/// <summary>
/// Decoder for a whole object: routes packets to per-block decoders (created on the first packet of each block),
/// and reports <see cref="DecodeStatus.Decoded"/> once every block is recovered. Memory is bounded by the OTI: each
/// block keeps at most K + <see cref="SourceBlockDecoder.MaxSurplusSymbols"/> symbols, in pooled buffers that
/// <see cref="Dispose"/> (or <see cref="ReleaseBlock"/>) returns. Not thread-safe.
/// </summary>
public sealed class RaptorQDecoder : IDisposable
{
    private readonly SourceBlockDecoder?[] _blocks;
    private readonly bool[] _released;
    private int _decodedBlocks;

    /// <summary>Creates a decoder for the object described by <paramref name="transmissionInformation"/>.</summary>
    /// <param name="transmissionInformation">The sender's OTI.</param>
    /// <exception cref="RaptorQException">The OTI is empty, or its blocks are too large to decode in memory.</exception>
    public RaptorQDecoder(ObjectTransmissionInformation transmissionInformation)
    {
        if (transmissionInformation.SourceBlockCount == 0)
        {
            throw new RaptorQException("The OTI is empty (default); read or create one first.");
        }

        // The first block is the largest (RFC partition), so it bounds every block decoder's memory.
        long working = SourceBlockDecoder.WorkingBytes(transmissionInformation.SourceSymbolsInBlock(0), transmissionInformation.SymbolSize);
        if (working > Array.MaxLength)
        {
            throw new RaptorQException($"Decoding blocks of {transmissionInformation.SourceSymbolsInBlock(0)} symbols of {transmissionInformation.SymbolSize} bytes needs {working} bytes per block, more than one .NET array holds ({transmissionInformation}).");
        }

        TransmissionInformation = transmissionInformation;
        _blocks = new SourceBlockDecoder?[transmissionInformation.SourceBlockCount];
        _released = new bool[transmissionInformation.SourceBlockCount];
    }

    /// <summary>The object's transmission information.</summary>
    public ObjectTransmissionInformation TransmissionInformation { get; }

    /// <summary>Whether every block is recovered.</summary>
    public bool IsComplete => _decodedBlocks == _blocks.Length;

    /// <summary>Number of blocks recovered so far.</summary>
    public int DecodedBlockCount => _decodedBlocks;

    /// <summary>Adds a serialized packet (payload ID then symbol).</summary>
    /// <param name="packet">The packet bytes.</param>
    public DecodeStatus AddPacket(ReadOnlySpan<byte> packet)
    {
        if (packet.Length <= PayloadId.SerializedSize || !PayloadId.TryRead(packet, out PayloadId id))
        {
            return DecodeStatus.RejectedMalformedPacket;
        }

        return AddSymbol(id, packet[PayloadId.SerializedSize..]);
    }

    /// <summary>Adds a received packet.</summary>
    /// <param name="packet">The packet.</param>
    public DecodeStatus AddPacket(EncodingPacket packet) => AddSymbol(packet.Id, packet.Symbol.Span);

    /// <summary>
    /// Adds one symbol. Returns <see cref="DecodeStatus.Decoded"/> when the whole object is recovered,
    /// <see cref="DecodeStatus.NeedMoreSymbols"/> while it is not (even if this symbol completed its block), or why
    /// the symbol was dropped.
    /// </summary>
    /// <param name="id">SBN and ESI.</param>
    /// <param name="symbol">T bytes.</param>
    public DecodeStatus AddSymbol(PayloadId id, ReadOnlySpan<byte> symbol)
    {
        int sbn = id.SourceBlockNumber;
        if (sbn >= _blocks.Length)
        {
            return DecodeStatus.RejectedUnknownSourceBlock;
        }

        if (_released[sbn])
        {
            return IsComplete ? DecodeStatus.Decoded : DecodeStatus.NeedMoreSymbols;
        }

        SourceBlockDecoder block = GetBlockDecoder(sbn);
        bool wasDecoded = block.IsDecoded;
        DecodeStatus status = block.AddSymbol(id.EncodingSymbolId, symbol);
        if (status != DecodeStatus.Decoded)
        {
            return status;
        }

        if (!wasDecoded)
        {
            _decodedBlocks++;
        }

        return IsComplete ? DecodeStatus.Decoded : DecodeStatus.NeedMoreSymbols;
    }

    /// <summary>The decoder of block <paramref name="sourceBlockNumber"/>, created on first use.</summary>
    /// <param name="sourceBlockNumber">SBN, 0..Z−1.</param>
    public SourceBlockDecoder GetBlockDecoder(int sourceBlockNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceBlockNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sourceBlockNumber, _blocks.Length);
        ObjectTransmissionInformation oti = TransmissionInformation;
        return _blocks[sourceBlockNumber] ??= new SourceBlockDecoder(
            sourceBlockNumber, oti.BlockLength(sourceBlockNumber), oti.SymbolSize, oti.SubBlockCount, oti.Alignment);
    }

    /// <summary>Copies the recovered object (F bytes) to <paramref name="destination"/>.</summary>
    /// <param name="destination">At least F bytes.</param>
    /// <exception cref="RaptorQException">Some block is not decoded yet.</exception>
    public void CopyTo(Span<byte> destination)
    {
        ObjectTransmissionInformation oti = TransmissionInformation;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, oti.TransferLength, nameof(destination));
        for (int sbn = 0; sbn < _blocks.Length; sbn++)
        {
            if (_released[sbn])
            {
                throw new RaptorQException($"Source block {sbn} was released; its bytes are gone.");
            }

            SourceBlockDecoder block = _blocks[sbn] ?? throw new RaptorQException($"Source block {sbn} has received no symbols yet.");
            block.CopyTo(destination.Slice((int)oti.BlockOffset(sbn), oti.BlockLength(sbn)));
        }
    }

    /// <summary>The recovered object as a new array (objects up to 2 GiB).</summary>
    /// <exception cref="RaptorQException">Some block is not decoded yet, or the object does not fit one array.</exception>
    public byte[] ToArray()
    {
        if (TransmissionInformation.TransferLength > Array.MaxLength)
        {
            throw new RaptorQException($"An object of {TransmissionInformation.TransferLength} bytes does not fit one array; use RaptorQStreaming.DecodeAsync.");
        }

        byte[] bytes = new byte[TransmissionInformation.TransferLength];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Frees the memory of a decoded block whose bytes the caller has consumed (streaming); later packets for it are
    /// ignored, and <see cref="CopyTo"/> can no longer be used.
    /// </summary>
    /// <param name="sourceBlockNumber">SBN of a decoded block.</param>
    /// <exception cref="RaptorQException">The block is not decoded.</exception>
    public void ReleaseBlock(int sourceBlockNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceBlockNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sourceBlockNumber, _blocks.Length);
        if (_released[sourceBlockNumber])
        {
            return;
        }

        if (_blocks[sourceBlockNumber] is not { IsDecoded: true })
        {
            throw new RaptorQException($"Source block {sourceBlockNumber} is not decoded, so it cannot be released.");
        }

        _released[sourceBlockNumber] = true;
        _blocks[sourceBlockNumber]!.Dispose();
        _blocks[sourceBlockNumber] = null;
    }

    /// <summary>Disposes every block decoder, returning their pooled buffers.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _blocks.Length; i++)
        {
            _blocks[i]?.Dispose();
            _blocks[i] = null;
        }
    }

    /// <summary>Whether block <paramref name="sourceBlockNumber"/> is recovered (released blocks count as recovered).</summary>
    /// <param name="sourceBlockNumber">SBN, 0..Z−1.</param>
    public bool IsBlockDecoded(int sourceBlockNumber) => _released[sourceBlockNumber] || _blocks[sourceBlockNumber] is { IsDecoded: true };
}
