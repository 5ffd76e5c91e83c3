using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Harmony.RaptorQ.Internal;

/// <summary>
/// Whole-symbol operations over GF(256) (polynomial 0x11D): XOR, multiply-add and scaling. Multiplication by a
/// constant uses split-nibble table look-ups (<c>vpshufb</c>) on Vector512 (AVX-512BW), Vector256 (AVX2), Vector128
/// (SSSE3 or AdvSimd) and a scalar table as the fallback. GF2P8MULB is not used: it hard-wires the AES polynomial.
/// </summary>
internal static partial class SymbolKernels
{
    // For each constant c: 16 bytes c·x for x in 0..15, then 16 bytes c·(x << 4).
    private static readonly byte[] NibbleTables = BuildNibbleTables();

    // Full 256 × 256 product table for the scalar tails: Products[c * 256 + x] = c·x.
    private static readonly byte[] Products = BuildProducts();

    /// <summary>destination ^= source.</summary>
    public static void Xor(Span<byte> destination, ReadOnlySpan<byte> source)
    {
        int n = destination.Length;
        ref byte d = ref MemoryMarshal.GetReference(destination);
        ref byte s = ref MemoryMarshal.GetReference(source);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 64; i += 64)
            {
                Vector512<byte> r = Vector512.LoadUnsafe(ref d, (nuint)i) ^ Vector512.LoadUnsafe(ref s, (nuint)i);
                r.StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 32; i += 32)
            {
                Vector256<byte> r = Vector256.LoadUnsafe(ref d, (nuint)i) ^ Vector256.LoadUnsafe(ref s, (nuint)i);
                r.StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
            {
                Vector128<byte> r = Vector128.LoadUnsafe(ref d, (nuint)i) ^ Vector128.LoadUnsafe(ref s, (nuint)i);
                r.StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i <= n - 8; i += 8)
        {
            ulong r = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref d, i)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, i));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, i), r);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) ^= Unsafe.Add(ref s, i);
        }
    }

    /// <summary>destination ^= factor · source.</summary>
    public static void MulAdd(Span<byte> destination, ReadOnlySpan<byte> source, byte factor)
    {
        if (factor == 0)
        {
            return;
        }

        if (factor == 1)
        {
            Xor(destination, source);
            return;
        }

        MulCore(destination, source, destination, factor, add: true);
    }

    /// <summary>destination = factor · source.</summary>
    public static void MulTo(Span<byte> destination, ReadOnlySpan<byte> source, byte factor)
    {
        if (factor == 0)
        {
            destination.Clear();
            return;
        }

        if (factor == 1)
        {
            source.CopyTo(destination);
            return;
        }

        MulCore(destination, source, destination, factor, add: false);
    }

    /// <summary>destination = factor · destination ⊕ addend (one pass; used by the HDPC recurrence).</summary>
    public static void ScaleAdd(Span<byte> destination, ReadOnlySpan<byte> addend, byte factor)
    {
        if (factor == 1)
        {
            Xor(destination, addend);
            return;
        }

        MulCore(destination, destination, addend, factor, add: true);
    }

    /// <summary>symbol = factor · symbol.</summary>
    public static void Scale(Span<byte> symbol, byte factor)
    {
        if (factor != 1)
        {
            MulTo(symbol, symbol, factor);
        }
    }

    private static void MulCore(Span<byte> destination, ReadOnlySpan<byte> source, ReadOnlySpan<byte> addend, byte factor, bool add)
    {
        int n = destination.Length;
        ref byte d = ref MemoryMarshal.GetReference(destination);
        ref byte s = ref MemoryMarshal.GetReference(source);
        ref byte e = ref MemoryMarshal.GetReference(addend);
        ref byte table = ref MemoryMarshal.GetArrayDataReference(NibbleTables);
        table = ref Unsafe.Add(ref table, factor * 32);
        int i = 0;
        if (Avx512BW.IsSupported && n >= 64)
        {
            Vector512<byte> lo = Vector512.Create(Vector128.LoadUnsafe(ref table));
            Vector512<byte> hi = Vector512.Create(Vector128.LoadUnsafe(ref table, 16));
            Vector512<byte> mask = Vector512.Create((byte)0x0F);
            for (; i <= n - 64; i += 64)
            {
                Vector512<byte> v = Vector512.LoadUnsafe(ref s, (nuint)i);
                Vector512<byte> p = Avx512BW.Shuffle(lo, v & mask) ^ Avx512BW.Shuffle(hi, Vector512.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & mask);
                if (add)
                {
                    p ^= Vector512.LoadUnsafe(ref e, (nuint)i);
                }

                p.StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Avx2.IsSupported && n - i >= 32)
        {
            Vector256<byte> lo = Vector256.Create(Vector128.LoadUnsafe(ref table));
            Vector256<byte> hi = Vector256.Create(Vector128.LoadUnsafe(ref table, 16));
            Vector256<byte> mask = Vector256.Create((byte)0x0F);
            for (; i <= n - 32; i += 32)
            {
                Vector256<byte> v = Vector256.LoadUnsafe(ref s, (nuint)i);
                Vector256<byte> p = Avx2.Shuffle(lo, v & mask) ^ Avx2.Shuffle(hi, Vector256.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & mask);
                if (add)
                {
                    p ^= Vector256.LoadUnsafe(ref e, (nuint)i);
                }

                p.StoreUnsafe(ref d, (nuint)i);
            }
        }

        if ((Ssse3.IsSupported || AdvSimd.Arm64.IsSupported) && n - i >= 16)
        {
            Vector128<byte> lo = Vector128.LoadUnsafe(ref table);
            Vector128<byte> hi = Vector128.LoadUnsafe(ref table, 16);
            Vector128<byte> mask = Vector128.Create((byte)0x0F);
            for (; i <= n - 16; i += 16)
            {
                Vector128<byte> v = Vector128.LoadUnsafe(ref s, (nuint)i);
                Vector128<byte> low = v & mask;
                Vector128<byte> high = Vector128.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & mask;
                Vector128<byte> p = Ssse3.IsSupported
                    ? Ssse3.Shuffle(lo, low) ^ Ssse3.Shuffle(hi, high)
                    : AdvSimd.Arm64.VectorTableLookup(lo, low) ^ AdvSimd.Arm64.VectorTableLookup(hi, high);
                if (add)
                {
                    p ^= Vector128.LoadUnsafe(ref e, (nuint)i);
                }

                p.StoreUnsafe(ref d, (nuint)i);
            }
        }

        ref byte products = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Products), factor * 256);
        for (; i < n; i++)
        {
            byte p = Unsafe.Add(ref products, Unsafe.Add(ref s, i));
            Unsafe.Add(ref d, i) = add ? (byte)(Unsafe.Add(ref e, i) ^ p) : p;
        }
    }

    private static byte[] BuildNibbleTables()
    {
        byte[] tables = new byte[256 * 32];
        for (int c = 0; c < 256; c++)
        {
            for (int x = 0; x < 16; x++)
            {
                tables[(c * 32) + x] = Octet.Mul((byte)c, (byte)x);
                tables[(c * 32) + 16 + x] = Octet.Mul((byte)c, (byte)(x << 4));
            }
        }

        return tables;
    }

    private static byte[] BuildProducts()
    {
        byte[] products = new byte[256 * 256];
        for (int c = 0; c < 256; c++)
        {
            for (int x = 0; x < 256; x++)
            {
                products[(c * 256) + x] = Octet.Mul((byte)c, (byte)x);
            }
        }

        return products;
    }
}
