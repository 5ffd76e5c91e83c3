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
        int n = 0;
        while (n < ops.Length)
        {
            SymbolOp op = ops[n];
            Span<byte> dst = slab.Slice((op.Destination * stride) + offset, length);
            if (op.Kind is SymbolOpKind.Xor or SymbolOpKind.Copy)
            {
                // A copy or XOR followed by XORs into the same destination runs as fused passes of up to 4 sources.
                bool accumulate = op.Kind == SymbolOpKind.Xor;
                int count = 1;
                while (count < 4 && n + count < ops.Length && ops[n + count].Kind == SymbolOpKind.Xor && ops[n + count].Destination == op.Destination)
                {
                    count++;
                }

                SymbolKernels.XorMany(
                    dst,
                    accumulate,
                    count,
                    slab.Slice((op.Source * stride) + offset, length),
                    count > 1 ? slab.Slice((ops[n + 1].Source * stride) + offset, length) : default,
                    count > 2 ? slab.Slice((ops[n + 2].Source * stride) + offset, length) : default,
                    count > 3 ? slab.Slice((ops[n + 3].Source * stride) + offset, length) : default);
                n += count;
                continue;
            }

            switch (op.Kind)
            {
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

            n++;
        }
    }

    /// <summary>Applies <paramref name="ops"/> to whole symbols of <paramref name="symbolSize"/> bytes.</summary>
    public static void Execute(SymbolOp[] ops, byte[] slab, int symbolSize) => Execute(ops, slab, symbolSize, 0, symbolSize);

    /// <summary>Applies the recorder's operations to whole symbols of <paramref name="symbolSize"/> bytes.</summary>
    public static void Execute(OpRecorder recorder, byte[] slab, int symbolSize) => Execute(recorder.Operations, slab, symbolSize, 0, symbolSize);
}
