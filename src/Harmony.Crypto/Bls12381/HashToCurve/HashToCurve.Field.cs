using System.Buffers.Binary;
using System.Numerics;

namespace Harmony.Crypto.Bls12381;

internal static partial class HashToCurve
{
    /// <summary>L = ⌈(⌈log2 p⌉ + k) / 8⌉ = 64 bytes per field coordinate for k = 128.</summary>
    internal const int FieldElementLength = 64;

    /// <summary>2²⁵⁶ mod p in Montgomery form (its limbs are 2²⁵⁶·R² mod p, R = 2³⁸⁴).</summary>
    private static readonly Fp TwoTo256Montgomery = Fp.FromBigInteger(BigInteger.ModPow(2, 256 + 384, Fp.Modulus));

    /// <summary>
    /// hash_to_field of RFC 9380 §5.2 for 𝔽p (m = 1, L = 64): fills <paramref name="output"/> with count =
    /// output.Length elements derived from expand_message_xmd(msg, DST, count·64).
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="dst">The domain separation tag.</param>
    /// <param name="output">Receives the field elements (at most 127).</param>
    internal static void HashToFieldFp(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, Span<Fp> output)
    {
        int length = output.Length * FieldElementLength;
        Span<byte> uniform = length <= 4 * FieldElementLength ? stackalloc byte[4 * FieldElementLength] : new byte[length];
        uniform = uniform[..length];
        ExpandMessageXmd(message, dst, uniform);
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = ReduceWide(uniform.Slice(i * FieldElementLength, FieldElementLength));
        }
    }

    /// <summary>
    /// hash_to_field of RFC 9380 §5.2 for 𝔽p² (m = 2, L = 64): element i takes bytes [128i, 128i + 64) for c0
    /// and [128i + 64, 128i + 128) for c1.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="dst">The domain separation tag.</param>
    /// <param name="output">Receives the field elements (at most 63).</param>
    internal static void HashToFieldFp2(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, Span<Fp2> output)
    {
        int length = output.Length * 2 * FieldElementLength;
        Span<byte> uniform = length <= 4 * FieldElementLength ? stackalloc byte[4 * FieldElementLength] : new byte[length];
        uniform = uniform[..length];
        ExpandMessageXmd(message, dst, uniform);
        for (int i = 0; i < output.Length; i++)
        {
            var c0 = ReduceWide(uniform.Slice(2 * i * FieldElementLength, FieldElementLength));
            var c1 = ReduceWide(uniform.Slice(((2 * i) + 1) * FieldElementLength, FieldElementLength));
            output[i] = new Fp2(c0, c1);
        }
    }

    /// <summary>
    /// OS2IP(64 bytes) mod p, as hi·2²⁵⁶ + lo with both 256-bit halves below p: two Montgomery products, one
    /// addition, no division.
    /// </summary>
    /// <param name="bytes">Exactly 64 big-endian bytes.</param>
    /// <returns>The reduced element in Montgomery form.</returns>
    internal static Fp ReduceWide(ReadOnlySpan<byte> bytes)
    {
        var hi = new Fp(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), BinaryPrimitives.ReadUInt64BigEndian(bytes), 0, 0);
        var lo = new Fp(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[56..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[48..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[40..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]), 0, 0);

        // Mont(hi, 2²⁵⁶·R²) = hi·2²⁵⁶·R and Mont(lo, R²) = lo·R: the Montgomery forms of hi·2²⁵⁶ and lo.
        var twoTo256 = TwoTo256Montgomery;
        var r2 = Fp.R2;
        Fp.Mul(hi, twoTo256, out var high);
        Fp.Mul(lo, r2, out var low);
        Fp.Add(high, low, out var result);
        return result;
    }
}
