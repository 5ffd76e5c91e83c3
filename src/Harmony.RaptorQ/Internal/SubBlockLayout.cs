namespace Harmony.RaptorQ.Internal;

/// <summary>
/// RFC 6330 §4.4.1.2 sub-blocking: a block is cut into N contiguous sub-blocks of K sub-symbols each, and source
/// symbol j is the concatenation of sub-symbol j of every sub-block. That is a byte permutation between the block
/// as it appears in the object and the symbol array the code works on.
/// </summary>
internal readonly struct SubBlockLayout
{
    private readonly Partition _partition;
    private readonly int _alignment;

    /// <summary>Creates the layout for symbols of <paramref name="symbolSize"/> bytes cut into <paramref name="subBlocks"/> sub-symbols.</summary>
    public SubBlockLayout(int symbolSize, int subBlocks, int alignment)
    {
        SubBlocks = subBlocks;
        _alignment = alignment;
        _partition = Partition.Of(symbolSize / alignment, subBlocks);
    }

    /// <summary>Number of sub-blocks N.</summary>
    public int SubBlocks { get; }

    /// <summary>Size in bytes of the sub-symbols of sub-block <paramref name="index"/>.</summary>
    public int SubSymbolSize(int index) => (int)_partition.SizeOf(index) * _alignment;

    /// <summary>Offset of sub-block <paramref name="index"/>'s sub-symbol within a symbol.</summary>
    public int SubSymbolOffset(int index) => (int)_partition.OffsetOf(index) * _alignment;

    /// <summary>
    /// Fills <paramref name="symbols"/> (K symbols of T bytes) from the block bytes in object order; bytes past the end
    /// of <paramref name="block"/> are zero.
    /// </summary>
    public void Scatter(ReadOnlySpan<byte> block, Span<byte> symbols, int k, int symbolSize)
    {
        if (SubBlocks == 1)
        {
            block.CopyTo(symbols);
            symbols[block.Length..(k * symbolSize)].Clear();
            return;
        }

        for (int s = 0; s < SubBlocks; s++)
        {
            int size = SubSymbolSize(s);
            int symbolOffset = SubSymbolOffset(s);
            int blockOffset = k * symbolOffset;
            for (int j = 0; j < k; j++)
            {
                Span<byte> target = symbols.Slice((j * symbolSize) + symbolOffset, size);
                int from = blockOffset + (j * size);
                int available = Math.Clamp(block.Length - from, 0, size);
                block.Slice(Math.Min(from, block.Length), available).CopyTo(target);
                target[available..].Clear();
            }
        }
    }

    /// <summary>Writes the first <paramref name="block"/>.Length bytes of the block in object order from its symbols.</summary>
    public void Gather(ReadOnlySpan<byte> symbols, Span<byte> block, int k, int symbolSize)
    {
        if (SubBlocks == 1)
        {
            symbols[..block.Length].CopyTo(block);
            return;
        }

        for (int s = 0; s < SubBlocks; s++)
        {
            int size = SubSymbolSize(s);
            int symbolOffset = SubSymbolOffset(s);
            int blockOffset = k * symbolOffset;
            for (int j = 0; j < k; j++)
            {
                int from = blockOffset + (j * size);
                int available = Math.Clamp(block.Length - from, 0, size);
                if (available == 0)
                {
                    return;
                }

                symbols.Slice((j * symbolSize) + symbolOffset, available).CopyTo(block.Slice(from, available));
            }
        }
    }
}
