using System.Numerics;
using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// An element of the BLS12-381 base field 𝔽p, stored as six 64-bit limbs in Montgomery form (x·2³⁸⁴ mod p).
/// Every operation keeps values fully reduced to [0, p). Arithmetic is constant-time unless a method says
/// "variable-time".
/// </summary>
[SkipLocalsInit]
internal partial struct Fp : IEquatable<Fp>
{
    internal ulong L0, L1, L2, L3, L4, L5;

    internal const ulong P0 = 0xb9feffffffffaaab, P1 = 0x1eabfffeb153ffff, P2 = 0x6730d2a0f6b0f624,
        P3 = 0x64774b84f38512bf, P4 = 0x4b1ba7b6434bacd7, P5 = 0x1a0111ea397fe69a;

    /// <summary>The field modulus p.</summary>
    internal static readonly BigInteger Modulus = BigInteger.Parse(
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
        System.Globalization.NumberStyles.HexNumber);

    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3; L4 = l4; L5 = l5;
    }

    internal static Fp Zero => default;

    /// <summary>1 in Montgomery form (2³⁸⁴ mod p).</summary>
    internal static Fp One => new(0x760900000002fffd, 0xebf4000bc40c0002, 0x5f48985753c758ba,
        0x77ce585370525745, 0x5c071a97a256ec6d, 0x15f65ec3fa80e493);

    /// <summary>2⁷⁶⁸ mod p, used to enter Montgomery form.</summary>
    internal static Fp R2 => new(0xf4df1f341c341746, 0x0a76e6a609d104f1, 0x8de5476c4c95b6d5,
        0x67eb88a9939d83c0, 0x9a793e85b519952d, 0x11988fe592cae3aa);

    public readonly bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5) == 0;

    internal readonly bool IsOne => Equals(One);

    public readonly bool Equals(Fp other) =>
        ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4) | (L5 ^ other.L5)) == 0;

    public override readonly bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4, L5);

    public static bool operator ==(in Fp a, in Fp b) => a.Equals(b);

    public static bool operator !=(in Fp a, in Fp b) => !a.Equals(b);

    public static Fp operator +(in Fp a, in Fp b) { Add(a, b, out var r); return r; }

    public static Fp operator -(in Fp a, in Fp b) { Sub(a, b, out var r); return r; }

    public static Fp operator -(in Fp a) { Neg(a, out var r); return r; }

    public static Fp operator *(in Fp a, in Fp b) { Mul(a, b, out var r); return r; }

    internal readonly Fp Square() { Sqr(this, out var r); return r; }

    internal readonly Fp Double() { Double(this, out var r); return r; }

    /// <summary>r = a + b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(in Fp a, in Fp b, out Fp r)
    {
        // a + b < 2p < 2^382, so the sum never leaves six limbs.
        ulong c = 0;
        ulong s0 = Carry.Add(a.L0, b.L0, ref c);
        ulong s1 = Carry.Add(a.L1, b.L1, ref c);
        ulong s2 = Carry.Add(a.L2, b.L2, ref c);
        ulong s3 = Carry.Add(a.L3, b.L3, ref c);
        ulong s4 = Carry.Add(a.L4, b.L4, ref c);
        ulong s5 = a.L5 + b.L5 + c;
        SubtractModulusIfNeeded(s0, s1, s2, s3, s4, s5, out r);
    }

    /// <summary>
    /// r = 2a mod p for a &lt; p: a one-bit shift across the limbs (2a &lt; 2p &lt; 2³⁸², no carry chain) and one
    /// conditional subtraction. Cheaper than <see cref="Add"/>(a, a, …), which pays a full carry chain for the sum.
    /// Branch-free and constant-time. r may alias a.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Double(in Fp a, out Fp r)
    {
        ulong s0 = a.L0 << 1;
        ulong s1 = (a.L1 << 1) | (a.L0 >> 63);
        ulong s2 = (a.L2 << 1) | (a.L1 >> 63);
        ulong s3 = (a.L3 << 1) | (a.L2 >> 63);
        ulong s4 = (a.L4 << 1) | (a.L3 >> 63);
        ulong s5 = (a.L5 << 1) | (a.L4 >> 63);
        SubtractModulusIfNeeded(s0, s1, s2, s3, s4, s5, out r);
    }

    /// <summary>r = a − b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Sub(in Fp a, in Fp b, out Fp r)
    {
        ulong bw = 0;
        ulong d0 = Carry.Sub(a.L0, b.L0, ref bw);
        ulong d1 = Carry.Sub(a.L1, b.L1, ref bw);
        ulong d2 = Carry.Sub(a.L2, b.L2, ref bw);
        ulong d3 = Carry.Sub(a.L3, b.L3, ref bw);
        ulong d4 = Carry.Sub(a.L4, b.L4, ref bw);
        ulong d5 = Carry.Sub(a.L5, b.L5, ref bw);

        // Add p back when the subtraction borrowed.
        ulong mask = 0UL - bw;
        ulong c = 0;
        ulong s0 = Carry.Add(d0, P0 & mask, ref c);
        ulong s1 = Carry.Add(d1, P1 & mask, ref c);
        ulong s2 = Carry.Add(d2, P2 & mask, ref c);
        ulong s3 = Carry.Add(d3, P3 & mask, ref c);
        ulong s4 = Carry.Add(d4, P4 & mask, ref c);
        ulong s5 = d5 + (P5 & mask) + c;
        r = new Fp(s0, s1, s2, s3, s4, s5);
    }

    /// <summary>r = −a mod p (zero stays zero).</summary>
    internal static void Neg(in Fp a, out Fp r)
    {
        ulong nonZero = (a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5) == 0 ? 0UL : ulong.MaxValue;
        ulong d0 = P0 - a.L0; ulong bw = P0 < a.L0 ? 1UL : 0UL;
        ulong d1 = P1 - a.L1; ulong b1 = P1 < a.L1 ? 1UL : 0UL; b1 |= d1 < bw ? 1UL : 0UL; d1 -= bw; bw = b1;
        ulong d2 = P2 - a.L2; b1 = P2 < a.L2 ? 1UL : 0UL; b1 |= d2 < bw ? 1UL : 0UL; d2 -= bw; bw = b1;
        ulong d3 = P3 - a.L3; b1 = P3 < a.L3 ? 1UL : 0UL; b1 |= d3 < bw ? 1UL : 0UL; d3 -= bw; bw = b1;
        ulong d4 = P4 - a.L4; b1 = P4 < a.L4 ? 1UL : 0UL; b1 |= d4 < bw ? 1UL : 0UL; d4 -= bw; bw = b1;
        ulong d5 = P5 - a.L5 - bw;
        r = new Fp(d0 & nonZero, d1 & nonZero, d2 & nonZero, d3 & nonZero, d4 & nonZero, d5 & nonZero);
    }

    /// <summary>Reduces a six-limb value in [0, 2p) to [0, p) without branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SubtractModulusIfNeeded(ulong s0, ulong s1, ulong s2, ulong s3, ulong s4, ulong s5, out Fp r)
    {
        ulong bw = 0;
        ulong d0 = Carry.Sub(s0, P0, ref bw);
        ulong d1 = Carry.Sub(s1, P1, ref bw);
        ulong d2 = Carry.Sub(s2, P2, ref bw);
        ulong d3 = Carry.Sub(s3, P3, ref bw);
        ulong d4 = Carry.Sub(s4, P4, ref bw);
        ulong d5 = Carry.Sub(s5, P5, ref bw);

        // bw = 1: s < p, keep s; bw = 0: keep s − p.
        ulong keep = 0UL - bw;
        r = new Fp(
            (s0 & keep) | (d0 & ~keep), (s1 & keep) | (d1 & ~keep), (s2 & keep) | (d2 & ~keep),
            (s3 & keep) | (d3 & ~keep), (s4 & keep) | (d4 & ~keep), (s5 & keep) | (d5 & ~keep));
    }

    /// <summary>Returns <paramref name="b"/> when <paramref name="choice"/> is true, else <paramref name="a"/>, without branches.</summary>
    internal static Fp Select(in Fp a, in Fp b, bool choice)
    {
        ulong m = 0UL - (ulong)(choice ? 1 : 0);
        return new Fp(
            a.L0 ^ ((a.L0 ^ b.L0) & m), a.L1 ^ ((a.L1 ^ b.L1) & m), a.L2 ^ ((a.L2 ^ b.L2) & m),
            a.L3 ^ ((a.L3 ^ b.L3) & m), a.L4 ^ ((a.L4 ^ b.L4) & m), a.L5 ^ ((a.L5 ^ b.L5) & m));
    }

    /// <summary>Leaves Montgomery form: returns the canonical integer's six limbs.</summary>
    internal readonly Fp FromMontgomery()
    {
        var one = new Fp(1, 0, 0, 0, 0, 0);
        Mul(this, one, out var r);
        return r;
    }

    /// <summary>Enters Montgomery form from canonical limbs (which must be below p).</summary>
    internal static Fp ToMontgomery(in Fp canonical)
    {
        var r2 = R2;
        Mul(canonical, r2, out var r);
        return r;
    }

    /// <summary>Creates the element equal to a small integer.</summary>
    internal static Fp FromUInt64(ulong value) => ToMontgomery(new Fp(value, 0, 0, 0, 0, 0));

    /// <summary>Returns true when the canonical limbs are below p (variable-time in nothing secret: a comparison chain).</summary>
    internal static bool IsCanonical(in Fp canonical)
    {
        ulong bw = canonical.L0 < P0 ? 1UL : 0UL;
        bw = (canonical.L1 < P1 || (canonical.L1 == P1 && bw == 1)) ? 1UL : 0UL;
        bw = (canonical.L2 < P2 || (canonical.L2 == P2 && bw == 1)) ? 1UL : 0UL;
        bw = (canonical.L3 < P3 || (canonical.L3 == P3 && bw == 1)) ? 1UL : 0UL;
        bw = (canonical.L4 < P4 || (canonical.L4 == P4 && bw == 1)) ? 1UL : 0UL;
        bw = (canonical.L5 < P5 || (canonical.L5 == P5 && bw == 1)) ? 1UL : 0UL;
        return bw == 1;
    }

    /// <summary>Reads 48 big-endian bytes; false when the integer is not below p.</summary>
    internal static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes, out Fp value)
    {
        var canonical = new Fp(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[40..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes));
        if (!IsCanonical(canonical))
        {
            value = default;
            return false;
        }

        value = ToMontgomery(canonical);
        return true;
    }

    /// <summary>Writes the canonical value as 48 big-endian bytes.</summary>
    internal readonly void WriteBigEndian(Span<byte> destination)
    {
        var c = FromMontgomery();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, c.L5);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[8..], c.L4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c.L3);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[24..], c.L2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[32..], c.L1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[40..], c.L0);
    }

    /// <summary>Converts from an integer (reduced mod p first).</summary>
    internal static Fp FromBigInteger(BigInteger value)
    {
        value %= Modulus;
        if (value.Sign < 0)
        {
            value += Modulus;
        }

        byte[] raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        Span<byte> aligned = stackalloc byte[48];
        aligned.Clear();
        raw.CopyTo(aligned[(48 - raw.Length)..]);
        TryFromBytesBigEndian(aligned, out var r);
        return r;
    }

    /// <summary>Parses a hexadecimal constant (no prefix).</summary>
    internal static Fp FromHex(string hex) =>
        FromBigInteger(BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber));

    /// <summary>Converts to a non-negative integer below p.</summary>
    internal readonly BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[48];
        WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>The "sign" of RFC 9380 §4.1: the parity of the canonical integer.</summary>
    internal readonly bool Sgn0 => (FromMontgomery().L0 & 1) == 1;

    /// <summary>True when the canonical value exceeds (p − 1) / 2 (the ZCash "lexicographically largest" flag).</summary>
    internal readonly bool IsLexicographicallyLargest()
    {
        // Compare the canonical value with (p − 1)/2.
        var c = FromMontgomery();
        const ulong H0 = 0xdcff7fffffffd555, H1 = 0x0f55ffff58a9ffff, H2 = 0xb39869507b587b12,
            H3 = 0xb23ba5c279c2895f, H4 = 0x258dd3db21a5d66b, H5 = 0x0d0088f51cbff34d;
        ReadOnlySpan<ulong> h = [H5, H4, H3, H2, H1, H0];
        ReadOnlySpan<ulong> v = [c.L5, c.L4, c.L3, c.L2, c.L1, c.L0];
        for (int i = 0; i < 6; i++)
        {
            if (v[i] != h[i])
            {
                return v[i] > h[i];
            }
        }

        return false;
    }

    public override readonly string ToString() => ToBigInteger().ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
