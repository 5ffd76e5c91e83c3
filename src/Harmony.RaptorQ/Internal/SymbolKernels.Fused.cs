using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Harmony.RaptorQ.Internal;

/// <summary>Fused XOR of several sources into one destination: one pass over the destination instead of one per source.</summary>
internal static partial class SymbolKernels
{
    /// <summary>
    /// destination = XOR of the symbols in slots <paramref name="slots"/>[<paramref name="columns"/>[i]] of
    /// <paramref name="slab"/> (the LT encoding of one ISI), four sources per pass.
    /// </summary>
    public static void Combine(Span<byte> destination, ReadOnlySpan<byte> slab, ReadOnlySpan<int> slots, ReadOnlySpan<int> columns)
    {
        int t = destination.Length;
        for (int i = 0; i < columns.Length; i += 4)
        {
            int count = Math.Min(4, columns.Length - i);
            XorMany(
                destination,
                i > 0,
                count,
                slab.Slice(slots[columns[i]] * t, t),
                count > 1 ? slab.Slice(slots[columns[i + 1]] * t, t) : default,
                count > 2 ? slab.Slice(slots[columns[i + 2]] * t, t) : default,
                count > 3 ? slab.Slice(slots[columns[i + 3]] * t, t) : default);
        }
    }

    /// <summary>
    /// destination = (<paramref name="accumulate"/> ? destination : 0) ⊕ s0 ⊕ … ⊕ s(count−1), for 1 ≤ count ≤ 4
    /// (unused sources may be empty).
    /// </summary>
    public static void XorMany(Span<byte> destination, bool accumulate, int count, ReadOnlySpan<byte> s0, ReadOnlySpan<byte> s1, ReadOnlySpan<byte> s2, ReadOnlySpan<byte> s3)
    {
        int n = destination.Length;
        ref byte d = ref MemoryMarshal.GetReference(destination);
        ref byte a = ref MemoryMarshal.GetReference(s0);
        ref byte b = ref count > 1 ? ref MemoryMarshal.GetReference(s1) : ref a;
        ref byte c = ref count > 2 ? ref MemoryMarshal.GetReference(s2) : ref a;
        ref byte e = ref count > 3 ? ref MemoryMarshal.GetReference(s3) : ref a;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 64; i += 64)
            {
                Vector512<byte> r = Vector512.LoadUnsafe(ref a, (nuint)i);
                if (count > 1)
                {
                    r ^= Vector512.LoadUnsafe(ref b, (nuint)i);
                }

                if (count > 2)
                {
                    r ^= Vector512.LoadUnsafe(ref c, (nuint)i);
                }

                if (count > 3)
                {
                    r ^= Vector512.LoadUnsafe(ref e, (nuint)i);
                }

                if (accumulate)
                {
                    r ^= Vector512.LoadUnsafe(ref d, (nuint)i);
                }

                r.StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 32; i += 32)
            {
                Vector256<byte> r = Vector256.LoadUnsafe(ref a, (nuint)i);
                if (count > 1)
                {
                    r ^= Vector256.LoadUnsafe(ref b, (nuint)i);
                }

                if (count > 2)
                {
                    r ^= Vector256.LoadUnsafe(ref c, (nuint)i);
                }

                if (count > 3)
                {
                    r ^= Vector256.LoadUnsafe(ref e, (nuint)i);
                }

                if (accumulate)
                {
                    r ^= Vector256.LoadUnsafe(ref d, (nuint)i);
                }

                r.StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            byte r = Unsafe.Add(ref a, i);
            if (count > 1)
            {
                r ^= Unsafe.Add(ref b, i);
            }

            if (count > 2)
            {
                r ^= Unsafe.Add(ref c, i);
            }

            if (count > 3)
            {
                r ^= Unsafe.Add(ref e, i);
            }

            Unsafe.Add(ref d, i) = accumulate ? (byte)(Unsafe.Add(ref d, i) ^ r) : r;
        }
    }
}
