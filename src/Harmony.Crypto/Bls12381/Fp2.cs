using System.Numerics;
using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// An element c0 + c1·u of 𝔽p² = 𝔽p[u]/(u² + 1), the field of G2's coordinates.
/// </summary>
[SkipLocalsInit]
internal struct Fp2 : IField<Fp2>, IEquatable<Fp2>
{
    internal Fp C0;
    internal Fp C1;

    internal Fp2(in Fp c0, in Fp c1)
    {
        C0 = c0;
        C1 = c1;
    }

    internal static Fp2 Zero => default;

    internal static Fp2 One => new(Fp.One, default);

    /// <summary>ξ = 1 + u, the non-residue that builds 𝔽p⁶ and the twist.</summary>
    internal static Fp2 Xi => new(Fp.One, Fp.One);

    public readonly bool IsZero => C0.IsZero && C1.IsZero;

    public readonly bool Equals(Fp2 other) => C0.Equals(other.C0) & C1.Equals(other.C1);

    public override readonly bool Equals(object? obj) => obj is Fp2 other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(C0, C1);

    public static bool operator ==(in Fp2 a, in Fp2 b) => a.Equals(b);

    public static bool operator !=(in Fp2 a, in Fp2 b) => !a.Equals(b);

    public static Fp2 operator +(in Fp2 a, in Fp2 b) { Add(a, b, out var r); return r; }

    public static Fp2 operator -(in Fp2 a, in Fp2 b) { Sub(a, b, out var r); return r; }

    public static Fp2 operator -(in Fp2 a) { Neg(a, out var r); return r; }

    public static Fp2 operator *(in Fp2 a, in Fp2 b) { Mul(a, b, out var r); return r; }

    /// <summary>Multiplies both coordinates by a base-field element.</summary>
    public static Fp2 operator *(in Fp2 a, in Fp b)
    {
        Fp.Mul(a.C0, b, out var c0);
        Fp.Mul(a.C1, b, out var c1);
        return new Fp2(c0, c1);
    }

    /// <summary>(a + bu)² = (a + b)(a − b) + 2ab·u: two base-field products.</summary>
    internal readonly Fp2 Square() { Sqr(this, out var r); return r; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Add(a.C0, b.C0, out r.C0);
        Fp.Add(a.C1, b.C1, out r.C1);
    }

    /// <summary>r = 2a coefficient-wise (<see cref="Fp.Double(in Fp, out Fp)"/>: a shift instead of an addition chain). r may alias a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Double(in Fp2 a, out Fp2 r)
    {
        Fp.Double(a.C0, out r.C0);
        Fp.Double(a.C1, out r.C1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Sub(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Sub(a.C0, b.C0, out r.C0);
        Fp.Sub(a.C1, b.C1, out r.C1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Neg(in Fp2 a, out Fp2 r)
    {
        Fp.Neg(a.C0, out r.C0);
        Fp.Neg(a.C1, out r.C1);
    }

    /// <summary>
    /// r = a·b: Karatsuba on 768-bit products with one Montgomery reduction per coefficient (blst's mul_mont_384x).
    /// c0 = a0b0 − a1b1 (plus p·2³⁸⁴ when negative), c1 = (a0 + a1)(b0 + b1) − a0b0 − a1b1 = a0b1 + a1b0 &lt; 2p²; both
    /// below p·2³⁸⁴ as <see cref="Fp.Redc"/> requires. <paramref name="r"/> may alias an input.
    /// </summary>
    internal static void Mul(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.MulWide(a.C0, b.C0, out var aa);
        Fp.MulWide(a.C1, b.C1, out var bb);
        Fp.AddUnreduced(a.C0, a.C1, out var s);
        Fp.AddUnreduced(b.C0, b.C1, out var t);
        Fp.MulWide(s, t, out var st);
        FpWide.SubModP(aa, bb, out var d);
        FpWide.Add(aa, bb, out aa);
        FpWide.SubNoBorrow(st, aa, out st);
        Fp.Redc(d, out r.C0);
        Fp.Redc(st, out r.C1);
    }

    /// <summary>
    /// r = a·b as an unreduced <see cref="Fp2Wide"/> (Karatsuba, three 768-bit products, no reduction). Accepts
    /// coefficients below 2p (e.g. <see cref="Fp.AddUnreduced"/> sums of reduced values). Bounds: s = a0 + a1 and
    /// t = b0 + b1 are below 4p &lt; 2³⁸⁴ (valid <see cref="Fp.MulWide"/> inputs); a0b0, a1b1 &lt; 4p²; s·t &lt; 16p² &lt; 2⁷⁶⁸
    /// (held exactly, never reduced); c1 = s·t − a0b0 − a1b1 = a0b1 + a1b0 &lt; 8p² &lt; p·2³⁸⁴ (2³⁸⁴/p ≈ 9.84), exact and
    /// non-negative; c0 = a0b0 − a1b1 via <see cref="FpWide.SubModP"/> from operands below 4p² &lt; p·2³⁸⁴, so below p·2³⁸⁴.
    /// </summary>
    internal static void MulWide(in Fp2 a, in Fp2 b, out Fp2Wide r)
    {
        Fp.MulWide(a.C0, b.C0, out var aa);
        Fp.MulWide(a.C1, b.C1, out var bb);
        Fp.AddUnreduced(a.C0, a.C1, out var s);
        Fp.AddUnreduced(b.C0, b.C1, out var t);
        Fp.MulWide(s, t, out var st);
        FpWide.SubModP(aa, bb, out r.C0);
        FpWide.Add(aa, bb, out aa);
        FpWide.SubNoBorrow(st, aa, out r.C1);
    }

    /// <summary>r = a²: (a0 + a1)(a0 − a1) + 2a0a1·u with unreduced (below 2p) multiplication inputs. r may alias a.</summary>
    internal static void Sqr(in Fp2 a, out Fp2 r)
    {
        Fp.AddUnreduced(a.C0, a.C1, out var s);
        Fp.SubUnreduced(a.C0, a.C1, out var d);
        Fp.AddUnreduced(a.C0, a.C0, out var twoA);
        Fp.Mul(twoA, a.C1, out r.C1);
        Fp.Mul(s, d, out r.C0);
    }

    /// <summary>r = a/2. r may alias a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Half(in Fp2 a, out Fp2 r)
    {
        Fp.Half(a.C0, out r.C0);
        Fp.Half(a.C1, out r.C1);
    }

    /// <summary>r = a·b for b in 𝔽p. r may alias a.</summary>
    internal static void MulByFp(in Fp2 a, in Fp b, out Fp2 r)
    {
        Fp.Mul(a.C0, b, out r.C0);
        Fp.Mul(a.C1, b, out r.C1);
    }

    /// <summary>r = a·ξ = (a0 − a1) + (a0 + a1)u. r may alias a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MulByNonResidue(in Fp2 a, out Fp2 r)
    {
        Fp.Sub(a.C0, a.C1, out var c0);
        Fp.Add(a.C0, a.C1, out r.C1);
        r.C0 = c0;
    }

    internal readonly Fp2 Double() { Double(this, out var r); return r; }

    /// <summary>Multiplies by ξ = 1 + u: (c0 − c1) + (c0 + c1)u.</summary>
    internal readonly Fp2 MulByNonResidue()
    {
        MulByNonResidue(this, out var r);
        return r;
    }

    /// <summary>The p-power Frobenius map, which on 𝔽p² is conjugation.</summary>
    internal readonly Fp2 Conjugate()
    {
        Fp.Neg(C1, out var c1);
        return new Fp2(C0, c1);
    }

    /// <summary>Inverse (zero maps to zero): conj(a) / (c0² + c1²).</summary>
    internal readonly Fp2 Inverse()
    {
        var norm = C0.Square() + C1.Square();
        var inv = Fp.Inverse(norm);
        Fp.Mul(C0, inv, out var c0);
        Fp.Mul(C1, inv, out var c1);
        Fp.Neg(c1, out c1);
        return new Fp2(c0, c1);
    }

    /// <summary>Inverse (zero maps to zero) with the variable-time 𝔽p inversion: public data only.</summary>
    internal readonly Fp2 InverseVartime()
    {
        var norm = C0.Square() + C1.Square();
        var inv = Fp.InverseVartime(norm);
        Fp.Mul(C0, inv, out var c0);
        Fp.Mul(C1, inv, out var c1);
        Fp.Neg(c1, out c1);
        return new Fp2(c0, c1);
    }

    /// <summary>aᵉ for a public exponent (square and multiply, most significant bit first).</summary>
    internal static Fp2 Pow(in Fp2 a, BigInteger exponent)
    {
        var r = One;
        for (long bit = (long)exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            r = r.Square();
            if (!(exponent >> (int)bit).IsEven)
            {
                r *= a;
            }
        }

        return r;
    }

    internal static Fp2 Pow(in Fp2 a, ReadOnlySpan<ulong> exponent)
    {
        var r = One;
        bool started = false;
        for (int word = exponent.Length - 1; word >= 0; word--)
        {
            for (int bit = 63; bit >= 0; bit--)
            {
                if (started)
                {
                    r = r.Square();
                }

                if (((exponent[word] >> bit) & 1) != 0)
                {
                    r *= a;
                    started = true;
                }
            }
        }

        return r;
    }

    private static readonly Fp InverseOfTwo = Fp.Inverse(Fp.FromUInt64(2));

    /// <summary>
    /// A square root when one exists, by the norm ("complex") method: one 𝔽p square root of the norm, then one
    /// exponentiation that yields both √δ and 1/√δ. False for a non-square. Variable-time (public inputs only).
    /// </summary>
    internal static bool TrySqrt(in Fp2 a, out Fp2 root)
    {
        if (a.C1.IsZero)
        {
            if (Fp.TrySqrt(a.C0, out var s))
            {
                root = new Fp2(s, default);
                return true;
            }

            Fp.Neg(a.C0, out var negated);
            bool ok = Fp.TrySqrt(negated, out s);
            root = new Fp2(default, s);
            return ok;
        }

        var norm = a.C0.Square() + a.C1.Square();
        if (!Fp.TrySqrt(norm, out var alpha))
        {
            root = default;
            return false;
        }

        var delta = (a.C0 + alpha) * InverseOfTwo;
        var t = Fp.PowSqrtInverse(delta);
        var x0 = t * delta;
        if (x0.Square() != delta)
        {
            delta = (a.C0 - alpha) * InverseOfTwo;
            t = Fp.PowSqrtInverse(delta);
            x0 = t * delta;
            if (x0.Square() != delta)
            {
                root = default;
                return false;
            }
        }

        root = new Fp2(x0, a.C1 * t * InverseOfTwo);
        return root.Square() == a;
    }

    /// <summary>
    /// A square root when one exists, with the fewest exponentiations: one for the norm's root and one for
    /// δ^((p−3)/4), whichever of the two δ candidates is the square. When δ = (a₀ + α)/2 is not a square,
    /// x = δ^((p+1)/4) is a root of −δ, and (−a₁·δ^((p−3)/4)/2, x) is a root of a, so no second exponentiation is
    /// needed. The root may be the negative of <see cref="TrySqrt"/>'s: use it where the caller picks the sign
    /// itself (point decompression), and <see cref="TrySqrt"/> where the exact root matters (hash maps).
    /// Variable-time (public inputs only).
    /// </summary>
    internal static bool TrySqrtEitherRoot(in Fp2 a, out Fp2 root)
    {
        if (a.C1.IsZero)
        {
            return TrySqrt(a, out root);
        }

        var norm = a.C0.Square() + a.C1.Square();
        if (!Fp.TrySqrt(norm, out var alpha))
        {
            root = default;
            return false;
        }

        var delta = (a.C0 + alpha) * InverseOfTwo;
        var t = Fp.PowSqrtInverse(delta);
        var x0 = t * delta;
        var halfT = a.C1 * t * InverseOfTwo;
        root = x0.Square() == delta ? new Fp2(x0, halfT) : new Fp2(-halfT, x0);
        return root.Square() == a;
    }

    /// <summary>The sign of RFC 9380 §4.1 for m = 2.</summary>
    internal readonly bool Sgn0
    {
        get
        {
            bool sign0 = C0.Sgn0;
            bool zero0 = C0.IsZero;
            bool sign1 = C1.Sgn0;
            return sign0 | (zero0 & sign1);
        }
    }

    internal static Fp2 Select(in Fp2 a, in Fp2 b, bool choice) =>
        new(Fp.Select(a.C0, b.C0, choice), Fp.Select(a.C1, b.C1, choice));

    static Fp2 IField<Fp2>.Zero => default;

    static Fp2 IField<Fp2>.One => One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp2 IField<Fp2>.Add(in Fp2 a, in Fp2 b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp2 IField<Fp2>.Sub(in Fp2 a, in Fp2 b) => a - b;

    static Fp2 IField<Fp2>.Mul(in Fp2 a, in Fp2 b) => a * b;

    static Fp2 IField<Fp2>.Square(in Fp2 a) => a.Square();

    static Fp2 IField<Fp2>.Negate(in Fp2 a) => -a;

    static Fp2 IField<Fp2>.Inverse(in Fp2 a) => a.Inverse();

    static Fp2 IField<Fp2>.InverseVartime(in Fp2 a) => a.InverseVartime();

    static Fp2 IField<Fp2>.Select(in Fp2 a, in Fp2 b, bool choice) => Select(a, b, choice);

    static bool IField<Fp2>.AreEqual(in Fp2 a, in Fp2 b) => a.Equals(b);

    public override readonly string ToString() => $"({C0}, {C1})";
}
