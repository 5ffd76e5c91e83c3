using System.Runtime.CompilerServices;

namespace Harmony.RaptorQ.Internal;

/// <summary>
/// Collects the symbol operations of one solve. It tracks which slots are known to hold zero, so that operations
/// reading a zero slot are dropped and the first write into a zero slot becomes a copy.
/// </summary>
internal sealed class OpRecorder
{
    private SymbolOp[] _ops;
    private bool[] _zero = [];

    /// <summary>Creates a recorder with room for <paramref name="capacity"/> operations before it grows.</summary>
    public OpRecorder(int capacity = 256)
    {
        _ops = new SymbolOp[Math.Max(16, capacity)];
    }

    /// <summary>Number of operations recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The backing array; the first <see cref="Count"/> entries are the operations.</summary>
    public SymbolOp[] Buffer => _ops;

    /// <summary>The recorded operations.</summary>
    public ReadOnlySpan<SymbolOp> Operations => _ops.AsSpan(0, Count);

    /// <summary>Forgets every operation and marks all <paramref name="slotCount"/> slots as non-zero.</summary>
    public void Reset(int slotCount)
    {
        Count = 0;
        if (_zero.Length < slotCount)
        {
            _zero = new bool[slotCount];
        }
        else
        {
            Array.Clear(_zero, 0, slotCount);
        }
    }

    /// <summary>Declares that <paramref name="slot"/> holds zero before the first operation.</summary>
    public void MarkZero(int slot) => _zero[slot] = true;

    /// <summary>Whether <paramref name="slot"/> is known to be zero at this point.</summary>
    public bool IsZero(int slot) => _zero[slot];

    /// <summary>dst ^= src.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Xor(int dst, int src)
    {
        if (_zero[src])
        {
            return;
        }

        if (_zero[dst])
        {
            Add(SymbolOpKind.Copy, 1, dst, src);
            _zero[dst] = false;
            return;
        }

        Add(SymbolOpKind.Xor, 1, dst, src);
    }

    /// <summary>dst = src.</summary>
    public void Copy(int dst, int src)
    {
        if (_zero[src])
        {
            _zero[dst] = true;
            return;
        }

        Add(SymbolOpKind.Copy, 1, dst, src);
        _zero[dst] = false;
    }

    /// <summary>dst ^= factor · src.</summary>
    public void MulAdd(int dst, int src, byte factor)
    {
        if (factor == 1)
        {
            Xor(dst, src);
            return;
        }

        if (factor == 0 || _zero[src])
        {
            return;
        }

        if (_zero[dst])
        {
            Add(SymbolOpKind.MulTo, factor, dst, src);
            _zero[dst] = false;
            return;
        }

        Add(SymbolOpKind.MulAdd, factor, dst, src);
    }

    /// <summary>dst = factor · dst.</summary>
    public void Scale(int dst, byte factor)
    {
        if (factor != 1 && !_zero[dst])
        {
            Add(SymbolOpKind.Scale, factor, dst, dst);
        }
    }

    /// <summary>dst = factor · dst ⊕ src.</summary>
    public void ScaleAdd(int dst, int src, byte factor)
    {
        if (_zero[dst])
        {
            Copy(dst, src);
            return;
        }

        if (_zero[src])
        {
            Scale(dst, factor);
            return;
        }

        Add(factor == 1 ? SymbolOpKind.Xor : SymbolOpKind.ScaleAdd, factor, dst, src);
    }

    /// <summary>Makes sure a slot that is read as a result really holds its value (zero slots are cleared).</summary>
    public void Materialize(int slot)
    {
        if (_zero[slot])
        {
            Add(SymbolOpKind.Zero, 0, slot, slot);
            _zero[slot] = false;
        }
    }

    /// <summary>A copy of the recorded operations.</summary>
    public SymbolOp[] ToArray() => Operations.ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(SymbolOpKind kind, byte factor, int dst, int src)
    {
        if (Count == _ops.Length)
        {
            Array.Resize(ref _ops, _ops.Length * 2);
        }

        _ops[Count++] = new SymbolOp(kind, factor, dst, src);
    }
}
