using System.Buffers;
using Harmony.RaptorQ.Internal;

namespace Harmony.RaptorQ;

/// <summary>
/// Maximum-likelihood decoder for one source block. Symbols are added as they arrive; as soon as the stored set has
/// full rank the block is recovered, otherwise <see cref="DecodeStatus.NeedMoreSymbols"/> is reported. A
/// rank-deficient set is never decoded into wrong bytes. Memory is bounded: at most K + <see cref="MaxSurplusSymbols"/>
/// symbols are kept, in one buffer rented from <see cref="ArrayPool{T}.Shared"/> that also holds the recovered block;
/// <see cref="Dispose"/> returns it. Not thread-safe.
/// </summary>
public sealed class SourceBlockDecoder : IDisposable
{
    /// <summary>Symbols beyond K that a decoder keeps; with K + 64 distinct symbols failure is below 10^-150.</summary>
    public const int MaxSurplusSymbols = 64;

    private readonly BlockParameters _parameters;
    private readonly int _maxSurplus;
    private readonly SubBlockLayout _layout;
    private readonly int[] _sourceIndex;
    private readonly Dictionary<int, int> _repairIndex = [];
    private uint[] _isis;
    private byte[]? _slab;
    private bool _decoded;
    private bool _disposed;
    private int _received;
    private int _sourceReceived;

    /// <summary>Creates a decoder for a block of <paramref name="blockLength"/> bytes with one sub-block.</summary>
    /// <param name="sourceBlockNumber">SBN, 0..255.</param>
    /// <param name="blockLength">Bytes of the block before padding (K = ⌈length / T⌉).</param>
    /// <param name="symbolSize">Symbol size T.</param>
    public SourceBlockDecoder(int sourceBlockNumber, int blockLength, int symbolSize)
        : this(sourceBlockNumber, blockLength, symbolSize, 1, 1)
    {
    }

    /// <summary>Creates a decoder for a block of <paramref name="blockLength"/> bytes cut into sub-blocks.</summary>
    /// <param name="sourceBlockNumber">SBN, 0..255.</param>
    /// <param name="blockLength">Bytes of the block before padding (K = ⌈length / T⌉).</param>
    /// <param name="symbolSize">Symbol size T, a multiple of <paramref name="alignment"/>.</param>
    /// <param name="subBlockCount">N, 1..T/Al.</param>
    /// <param name="alignment">Al.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the RFC limits.</exception>
    public SourceBlockDecoder(int sourceBlockNumber, int blockLength, int symbolSize, int subBlockCount, int alignment)
        : this(sourceBlockNumber, blockLength, symbolSize, subBlockCount, alignment, MaxSurplusSymbols)
    {
    }

    /// <summary>Creates a decoder that keeps at most K + <paramref name="maxSurplusSymbols"/> symbols (tests use 0).</summary>
    internal SourceBlockDecoder(int sourceBlockNumber, int blockLength, int symbolSize, int subBlockCount, int alignment, int maxSurplusSymbols)
    {
        _maxSurplus = maxSurplusSymbols;
        ArgumentOutOfRangeException.ThrowIfNegative(sourceBlockNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceBlockNumber, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(alignment, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbolSize, alignment);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(symbolSize, 65_535);
        ArgumentOutOfRangeException.ThrowIfLessThan(subBlockCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subBlockCount, symbolSize / alignment);
        if (symbolSize % alignment != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(symbolSize), symbolSize, $"Symbol size must be a multiple of the alignment {alignment}.");
        }

        long k = ((long)blockLength + symbolSize - 1) / symbolSize;
        if (k > BlockParameters.MaxSourceSymbols)
        {
            throw new ArgumentOutOfRangeException(nameof(blockLength), blockLength, $"A source block holds at most {BlockParameters.MaxSourceSymbols} symbols of {symbolSize} bytes.");
        }

        if (WorkingBytes((int)k, symbolSize, maxSurplusSymbols) > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(blockLength), blockLength, $"Decoding {k} symbols of {symbolSize} bytes needs more memory than one .NET array holds.");
        }

        SourceBlockNumber = sourceBlockNumber;
        BlockLength = blockLength;
        SymbolSize = symbolSize;
        SourceSymbolCount = (int)k;
        _parameters = BlockParameters.ForSourceSymbols(SourceSymbolCount);
        _layout = new SubBlockLayout(symbolSize, subBlockCount, alignment);
        _sourceIndex = new int[SourceSymbolCount];
        Array.Fill(_sourceIndex, -1);
        _isis = new uint[Math.Min(SourceSymbolCount + _maxSurplus, 64)];
    }

    /// <summary>Source block number (SBN).</summary>
    public int SourceBlockNumber { get; }

    /// <summary>Bytes of the block (after truncating the padding).</summary>
    public int BlockLength { get; }

    /// <summary>Symbol size T.</summary>
    public int SymbolSize { get; }

    /// <summary>Number of source symbols K.</summary>
    public int SourceSymbolCount { get; }

    /// <summary>Distinct symbols stored so far.</summary>
    public int ReceivedCount => _received;

    /// <summary>Whether the block has been recovered.</summary>
    public bool IsDecoded => _decoded;

    /// <summary>Adds a packet; its SBN must be this block's.</summary>
    /// <param name="packet">The received packet.</param>
    public DecodeStatus AddPacket(EncodingPacket packet) => packet.Id.SourceBlockNumber != SourceBlockNumber
        ? DecodeStatus.RejectedUnknownSourceBlock
        : AddSymbol(packet.Id.EncodingSymbolId, packet.Symbol.Span);

    /// <summary>
    /// Adds one received symbol. Returns <see cref="DecodeStatus.Decoded"/> once the block is recovered (also for every
    /// later call), <see cref="DecodeStatus.NeedMoreSymbols"/> while it is not, or why the symbol was dropped.
    /// </summary>
    /// <param name="encodingSymbolId">ESI, 0..2^24−1.</param>
    /// <param name="symbol">Exactly T bytes.</param>
    public DecodeStatus AddSymbol(int encodingSymbolId, ReadOnlySpan<byte> symbol)
    {
        if (_decoded)
        {
            return DecodeStatus.Decoded;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        if (encodingSymbolId < 0 || encodingSymbolId > PayloadId.MaxEncodingSymbolId)
        {
            return DecodeStatus.RejectedSymbolIdOutOfRange;
        }

        if (symbol.Length != SymbolSize)
        {
            return DecodeStatus.RejectedWrongSymbolSize;
        }

        int existing = encodingSymbolId < SourceSymbolCount
            ? _sourceIndex[encodingSymbolId]
            : _repairIndex.GetValueOrDefault(encodingSymbolId, -1);
        if (existing >= 0)
        {
            return SlotSpan(FirstReceivedSlot + existing).SequenceEqual(symbol)
                ? DecodeStatus.Duplicate
                : DecodeStatus.RejectedConflictingSymbol;
        }

        if (_received >= SourceSymbolCount + _maxSurplus)
        {
            return DecodeStatus.RejectedCapacityExceeded;
        }

        int index = _received++;
        EnsureSlots(FirstReceivedSlot + _received);
        if (_isis.Length < _received)
        {
            Array.Resize(ref _isis, Math.Min(_isis.Length * 2, SourceSymbolCount + _maxSurplus));
        }

        symbol.CopyTo(SlotSpan(FirstReceivedSlot + index));
        if (encodingSymbolId < SourceSymbolCount)
        {
            _sourceIndex[encodingSymbolId] = index;
            _isis[index] = (uint)encodingSymbolId;
            _sourceReceived++;
        }
        else
        {
            _repairIndex[encodingSymbolId] = index;
            _isis[index] = (uint)(encodingSymbolId + _parameters.Padding);
        }

        if (_received < SourceSymbolCount)
        {
            return DecodeStatus.NeedMoreSymbols;
        }

        return TryDecode() ? DecodeStatus.Decoded : DecodeStatus.NeedMoreSymbols;
    }

    /// <summary>Copies the recovered block (<see cref="BlockLength"/> bytes, in object order) to <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="BlockLength"/> bytes.</param>
    /// <exception cref="RaptorQException">The block is not decoded yet.</exception>
    public void CopyTo(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_decoded)
        {
            throw new RaptorQException($"Source block {SourceBlockNumber} is not decoded yet ({_received} of at least {SourceSymbolCount} symbols).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, BlockLength, nameof(destination));
        _layout.Gather(_slab.AsSpan(0, SourceSymbolCount * SymbolSize), destination[..BlockLength], SourceSymbolCount, SymbolSize);
    }

    /// <summary>The recovered block as a new array.</summary>
    /// <exception cref="RaptorQException">The block is not decoded yet.</exception>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[BlockLength];
        CopyTo(bytes);
        return bytes;
    }

    private int FirstRowSlot => SourceSymbolCount;

    private int FirstReceivedSlot => SourceSymbolCount + _parameters.S + _parameters.H;

    private Span<byte> SlotSpan(int slot) => _slab.AsSpan(slot * SymbolSize, SymbolSize);

    private void EnsureSlots(int slots)
    {
        // The first symbol allocates everything a decode can need (bounded by K, the surplus and L), so symbols are
        // never copied again and the solve needs no second buffer.
        _slab ??= ArrayPool<byte>.Shared.Rent(MaxSlots * SymbolSize);

        if ((long)slots * SymbolSize > _slab.Length)
        {
            throw new InvalidOperationException($"Slot {slots} is past the decoder's bound of {MaxSlots}.");
        }
    }

    /// <summary>Bytes of the one buffer a decoder of <paramref name="k"/> symbols of <paramref name="symbolSize"/> bytes rents.</summary>
    internal static long WorkingBytes(int k, int symbolSize, int maxSurplus = MaxSurplusSymbols)
    {
        BlockParameters p = BlockParameters.ForSourceSymbols(k);
        return (long)(k + p.S + p.H + k + maxSurplus + p.Padding + p.L + 1) * symbolSize;
    }

    private int MaxSlots => SourceSymbolCount + _parameters.S + _parameters.H + SourceSymbolCount + _maxSurplus + _parameters.Padding + _parameters.L + 1;

    private bool TryDecode()
    {
        int t = SymbolSize;
        int k = SourceSymbolCount;
        byte[] slab = _slab!;
        Span<byte> result = slab.AsSpan(0, k * t);
        if (_sourceReceived == k)
        {
            for (int esi = 0; esi < k; esi++)
            {
                SlotSpan(FirstReceivedSlot + _sourceIndex[esi]).CopyTo(result.Slice(esi * t, t));
            }

            Finish();
            return true;
        }

        BlockParameters p = _parameters;
        int rowsBeforePadding = p.S + p.H + _received;
        int rows = rowsBeforePadding + p.Padding;
        int scratch = FirstRowSlot + rows;
        EnsureSlots(scratch + p.L + 1);
        BlockStructure structure = BlockStructure.For(p.KPrime);
        SolverWorkspace workspace = structure.RentWorkspace();
        try
        {
            int ltRows = _received + p.Padding;
            workspace.Reserve(ltRows, rows);
            Span<uint> isis = workspace.Isis.AsSpan(0, ltRows);
            _isis.AsSpan(0, _received).CopyTo(isis);
            for (int i = 0; i < p.Padding; i++)
            {
                isis[_received + i] = (uint)(k + i);
            }

            Span<int> rowSlots = workspace.RowSlots.AsSpan(0, rows);
            for (int r = 0; r < rows; r++)
            {
                rowSlots[r] = FirstRowSlot + r;
            }

            OpRecorder recorder = workspace.Recorder;
            recorder.Reset(scratch + p.L + 1);
            for (int r = 0; r < p.S + p.H; r++)
            {
                recorder.MarkZero(FirstRowSlot + r);
            }

            for (int r = rowsBeforePadding; r < rows; r++)
            {
                recorder.MarkZero(FirstRowSlot + r);
            }

            int[] columnSlots = workspace.ColumnSlots;
            if (!workspace.Solver.TrySolve(isis, rowSlots, scratch, recorder, columnSlots))
            {
                return false;
            }

            // The solve overwrites the row symbols, so the received source symbols are taken out first.
            for (int esi = 0; esi < k; esi++)
            {
                int index = _sourceIndex[esi];
                if (index >= 0)
                {
                    SlotSpan(FirstReceivedSlot + index).CopyTo(result.Slice(esi * t, t));
                }
            }

            OpExecutor.Execute(recorder, slab, t);
            Span<int> columns = stackalloc int[TupleGenerator.MaxColumns];
            for (int esi = 0; esi < k; esi++)
            {
                if (_sourceIndex[esi] >= 0)
                {
                    continue;
                }

                int count = structure.LtRow((uint)esi, columns);
                SymbolKernels.Combine(result.Slice(esi * t, t), slab, columnSlots, columns[..count]);
            }
        }
        finally
        {
            structure.ReturnWorkspace(workspace);
        }

        Finish();
        return true;
    }

    private void Finish()
    {
        _decoded = true;
        _repairIndex.Clear();
    }

    /// <summary>Returns the pooled buffer (received symbols and the recovered block); the decoder is unusable afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        _decoded = false;
        byte[]? slab = _slab;
        _slab = null;
        if (slab is not null)
        {
            ArrayPool<byte>.Shared.Return(slab);
        }
    }
}
