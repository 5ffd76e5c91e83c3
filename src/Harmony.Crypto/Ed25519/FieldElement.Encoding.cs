using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>Canonical 32-byte little-endian encoding, constant-time selection and predicates.</summary>
internal readonly partial struct FieldElement
{
    /// <summary>
    /// Reads 32 little-endian bytes, ignoring the top bit (bit 255). Values from p to 2^255 - 1 are accepted and
    /// reduced; callers that must reject them check <see cref="IsCanonicalEncoding"/> first.
    /// </summary>
    internal static FieldElement FromBytes(ReadOnlySpan<byte> bytes)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new FieldElement(
            w0 & Mask51,
            ((w0 >> 51) | (w1 << 13)) & Mask51,
            ((w1 >> 38) | (w2 << 26)) & Mask51,
            ((w2 >> 25) | (w3 << 39)) & Mask51,
            (w3 >> 12) & Mask51);
    }

    /// <summary>
    /// Whether 32 bytes, with the top bit ignored, encode a value below p (RFC 8032 §5.1.3 step 1). Not constant-time:
    /// for public inputs only.
    /// </summary>
    internal static bool IsCanonicalEncoding(ReadOnlySpan<byte> bytes)
    {
        // The only 255-bit values at or above p are p .. 2^255 - 1: ED FF .. FF 7F (top bit ignored) and above.
        if ((bytes[31] & 0x7F) != 0x7F || bytes[0] < 0xED)
        {
            return true;
        }

        for (int i = 1; i < 31; i++)
        {
            if (bytes[i] != 0xFF)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the unique representative in [0, p) as 32 little-endian bytes (top bit clear).</summary>
    internal void ToBytes(Span<byte> destination)
    {
        FieldElement r = Reduce();
        BinaryPrimitives.WriteUInt64LittleEndian(destination, r.L0 | (r.L1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (r.L1 >> 13) | (r.L2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (r.L2 >> 26) | (r.L3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (r.L3 >> 39) | (r.L4 << 12));
    }

    /// <summary>The representative in [0, p) with limbs below 2^51 (constant-time).</summary>
    internal FieldElement Reduce()
    {
        // Bring the limbs under 2^51 + small, then compute q = 1 exactly when the value is at least p by
        // propagating the carry of value + 19 through bit 255.
        FieldElement t = Carry(L0, L1, L2, L3, L4);
        ulong q = (t.L0 + 19) >> 51;
        q = (t.L1 + q) >> 51;
        q = (t.L2 + q) >> 51;
        q = (t.L3 + q) >> 51;
        q = (t.L4 + q) >> 51;

        // Subtract q·p = add 19q and drop bit 255.
        ulong l0 = t.L0 + (19 * q);
        ulong l1 = t.L1 + (l0 >> 51);
        l0 &= Mask51;
        ulong l2 = t.L2 + (l1 >> 51);
        l1 &= Mask51;
        ulong l3 = t.L3 + (l2 >> 51);
        l2 &= Mask51;
        ulong l4 = t.L4 + (l3 >> 51);
        l3 &= Mask51;
        l4 &= Mask51;
        return new FieldElement(l0, l1, l2, l3, l4);
    }

    /// <summary>1 when the canonical value is odd ("negative" in RFC 8032's sign convention), else 0.</summary>
    internal ulong IsNegative() => Reduce().L0 & 1;

    /// <summary>1 when the value is 0 mod p, else 0 (constant-time).</summary>
    internal ulong IsZero()
    {
        FieldElement r = Reduce();
        ulong any = r.L0 | r.L1 | r.L2 | r.L3 | r.L4;
        return ((any | (0 - any)) >> 63) ^ 1;
    }

    /// <summary>Returns b when mask is all ones and a when it is zero, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Select(in FieldElement a, in FieldElement b, ulong mask) => new(
        a.L0 ^ ((a.L0 ^ b.L0) & mask),
        a.L1 ^ ((a.L1 ^ b.L1) & mask),
        a.L2 ^ ((a.L2 ^ b.L2) & mask),
        a.L3 ^ ((a.L3 ^ b.L3) & mask),
        a.L4 ^ ((a.L4 ^ b.L4) & mask));

    /// <summary>Swaps a and b when mask is all ones, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ConditionalSwap(ref FieldElement a, ref FieldElement b, ulong mask)
    {
        FieldElement x = a;
        FieldElement y = b;
        a = Select(x, y, mask);
        b = Select(y, x, mask);
    }
}
