namespace Harmony.RaptorQ.Internal;

/// <summary>Replays recorded symbol operations on a slab of equally sized symbols.</summary>
internal static class OpExecutor
{
    /// <summary>
    /// Applies <paramref name="ops"/> to the symbols of <paramref name="slab"/>, where slot i occupies bytes
    /// [i·stride + offset, i·stride + offset + length). Running disjoint byte ranges of the same symbols is independent.
    /// </summary>
    public static void Execute(ReadOnlySpan<SymbolOp> ops, Span<byte> slab, int stride, int offset, int length)
    {
        for (int n = 0; n < ops.Length; n++)
        {
            SymbolOp op = ops[n];
            Span<byte> dst = slab.Slice((op.Destination * stride) + offset, length);
            switch (op.Kind)
            {
                case SymbolOpKind.Xor:
                    SymbolKernels.Xor(dst, slab.Slice((op.Source * stride) + offset, length));
                    break;
                case SymbolOpKind.Copy:
                    slab.Slice((op.Source * stride) + offset, length).CopyTo(dst);
                    break;
                case SymbolOpKind.MulAdd:
                    SymbolKernels.MulAdd(dst, slab.Slice((op.Source * stride) + offset, length), op.Factor);
                    break;
                case SymbolOpKind.MulTo:
                    SymbolKernels.MulTo(dst, slab.Slice((op.Source * stride) + offset, length), op.Factor);
                    break;
                case SymbolOpKind.Scale:
                    SymbolKernels.Scale(dst, op.Factor);
                    break;
                case SymbolOpKind.ScaleAdd:
                    SymbolKernels.ScaleAdd(dst, slab.Slice((op.Source * stride) + offset, length), op.Factor);
                    break;
                default:
                    dst.Clear();
                    break;
            }
        }
    }

    /// <summary>Applies <paramref name="ops"/> to whole symbols of <paramref name="symbolSize"/> bytes.</summary>
    public static void Execute(SymbolOp[] ops, byte[] slab, int symbolSize) => Execute(ops, slab, symbolSize, 0, symbolSize);

    /// <summary>Applies the recorder's operations to whole symbols of <paramref name="symbolSize"/> bytes.</summary>
    public static void Execute(OpRecorder recorder, byte[] slab, int symbolSize) => Execute(recorder.Operations, slab, symbolSize, 0, symbolSize);
}
