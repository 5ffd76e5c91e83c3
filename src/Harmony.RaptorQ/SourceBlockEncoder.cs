using System.Buffers;
using Harmony.RaptorQ.Internal;

namespace Harmony.RaptorQ;

/// <summary>
/// Encoder for one source block: computes the intermediate symbols once (by replaying the plan cached for the
/// block's K′), then produces any encoding symbol, source (ESI &lt; K) or repair (K ≤ ESI ≤ 2^24 − 1), into a caller
/// buffer without allocating. Thread-safe for concurrent symbol generation after construction. The symbol memory is
/// rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Dispose"/> returns it (optional, but it spares the GC
/// when many blocks are encoded).
/// </summary>
public sealed class SourceBlockEncoder : IDisposable
{
    private readonly EncodingPlan _plan;
    private readonly BlockParameters _parameters;
    private byte[]? _slab;
    private readonly int _sourceSlot;

    /// <summary>Encodes a block with one sub-block (N = 1).</summary>
    /// <param name="sourceBlockNumber">SBN, 0..255.</param>
    /// <param name="block">The block's bytes; the last symbol is zero-padded. 1 to 56403 symbols.</param>
    /// <param name="symbolSize">Symbol size T in bytes.</param>
    public SourceBlockEncoder(int sourceBlockNumber, ReadOnlySpan<byte> block, int symbolSize)
        : this(sourceBlockNumber, block, symbolSize, 1, 1)
    {
    }

    /// <summary>Encodes a block split into <paramref name="subBlockCount"/> sub-blocks (RFC 6330 §4.4.1.2).</summary>
    /// <param name="sourceBlockNumber">SBN, 0..255.</param>
    /// <param name="block">The block's bytes in object order; the tail is zero-padded. 1 to 56403 symbols.</param>
    /// <param name="symbolSize">Symbol size T in bytes, a multiple of <paramref name="alignment"/>.</param>
    /// <param name="subBlockCount">N, 1..T/Al.</param>
    /// <param name="alignment">Symbol alignment Al.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the RFC limits.</exception>
    public SourceBlockEncoder(int sourceBlockNumber, ReadOnlySpan<byte> block, int symbolSize, int subBlockCount, int alignment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceBlockNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceBlockNumber, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(alignment, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbolSize, alignment);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(symbolSize, 65_535);
        if (symbolSize % alignment != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(symbolSize), symbolSize, $"Symbol size must be a multiple of the alignment {alignment}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(subBlockCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subBlockCount, symbolSize / alignment);
        long k = Math.Max(1, ((long)block.Length + symbolSize - 1) / symbolSize);
        if (k > BlockParameters.MaxSourceSymbols)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block.Length, $"A source block holds at most {BlockParameters.MaxSourceSymbols} symbols of {symbolSize} bytes.");
        }

        SourceBlockNumber = sourceBlockNumber;
        SymbolSize = symbolSize;
        SourceSymbolCount = (int)k;
        _parameters = BlockParameters.ForSourceSymbols(SourceSymbolCount);
        long working = (long)((2 * _parameters.L) + _parameters.S + _parameters.H + 1 + SourceSymbolCount) * symbolSize;
        if (working > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block.Length, $"Encoding {k} symbols of {symbolSize} bytes needs more memory than one .NET array holds.");
        }

        _plan = EncodingPlan.For(_parameters.KPrime);
        // The plan overwrites its row slots, so the source symbols are kept in their own slots after the plan's.
        _sourceSlot = _plan.SlotCount;
        byte[] slab = ArrayPool<byte>.Shared.Rent((_plan.SlotCount + SourceSymbolCount) * symbolSize);
        _slab = slab;
        var layout = new SubBlockLayout(symbolSize, subBlockCount, alignment);
        Span<byte> source = slab.AsSpan(_sourceSlot * symbolSize, SourceSymbolCount * symbolSize);
        layout.Scatter(block, source, SourceSymbolCount, symbolSize);
        Span<byte> rows = slab.AsSpan((_parameters.S + _parameters.H) * symbolSize, _parameters.KPrime * symbolSize);
        source.CopyTo(rows);
        rows[source.Length..].Clear();
        OpExecutor.Execute(_plan.Operations, slab, symbolSize);
    }

    /// <summary>Source block number (SBN).</summary>
    public int SourceBlockNumber { get; }

    /// <summary>Symbol size T in bytes.</summary>
    public int SymbolSize { get; }

    /// <summary>Number of source symbols K.</summary>
    public int SourceSymbolCount { get; }

    /// <summary>
    /// Writes encoding symbol <paramref name="encodingSymbolId"/> (a source symbol when below K, a repair symbol
    /// otherwise) into <paramref name="destination"/>.
    /// </summary>
    /// <param name="encodingSymbolId">ESI, 0..2^24−1.</param>
    /// <param name="destination">At least T bytes; exactly T are written.</param>
    public void WriteSymbol(int encodingSymbolId, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(encodingSymbolId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(encodingSymbolId, PayloadId.MaxEncodingSymbolId);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, SymbolSize, nameof(destination));
        byte[] slab = _slab ?? throw new ObjectDisposedException(nameof(SourceBlockEncoder));
        int t = SymbolSize;
        destination = destination[..t];
        if (encodingSymbolId < SourceSymbolCount)
        {
            slab.AsSpan((_sourceSlot + encodingSymbolId) * t, t).CopyTo(destination);
            return;
        }

        uint isi = (uint)(encodingSymbolId + _parameters.Padding);
        Span<int> columns = stackalloc int[TupleGenerator.MaxColumns];
        int count = _plan.Structure.LtRow(isi, columns);
        SymbolKernels.Combine(destination, slab, _plan.ColumnSlots, columns[..count]);
    }

    /// <summary>A packet with encoding symbol <paramref name="encodingSymbolId"/> in a new array.</summary>
    /// <param name="encodingSymbolId">ESI, 0..2^24−1.</param>
    public EncodingPacket CreatePacket(int encodingSymbolId)
    {
        byte[] symbol = new byte[SymbolSize];
        WriteSymbol(encodingSymbolId, symbol);
        return new EncodingPacket(new PayloadId(SourceBlockNumber, encodingSymbolId), symbol);
    }

    /// <summary>The K source packets followed by <paramref name="repairCount"/> repair packets (ESIs K, K+1, …).</summary>
    /// <param name="repairCount">Repair packets to append.</param>
    public IEnumerable<EncodingPacket> Packets(int repairCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repairCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(repairCount, PayloadId.MaxEncodingSymbolId + 1 - SourceSymbolCount);
        return Iterate(SourceSymbolCount + repairCount);
    }

    /// <summary>Returns the symbol memory to the pool; the encoder cannot produce symbols afterwards.</summary>
    public void Dispose()
    {
        byte[]? slab = Interlocked.Exchange(ref _slab, null);
        if (slab is not null)
        {
            ArrayPool<byte>.Shared.Return(slab);
        }
    }

    /// <summary>Intermediate symbol <paramref name="index"/> (0..L−1), for conformance tests.</summary>
    internal ReadOnlySpan<byte> IntermediateSymbol(int index) => _slab.AsSpan(_plan.ColumnSlots[index] * SymbolSize, SymbolSize);

    /// <summary>Number of intermediate symbols L.</summary>
    internal int IntermediateSymbolCount => _parameters.L;

    private IEnumerable<EncodingPacket> Iterate(int total)
    {
        for (int esi = 0; esi < total; esi++)
        {
            yield return CreatePacket(esi);
        }
    }
}
