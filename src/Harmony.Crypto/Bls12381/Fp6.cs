using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>An element c0 + c1·v + c2·v² of 𝔽p⁶ = 𝔽p²[v]/(v³ − ξ).</summary>
[SkipLocalsInit]
internal struct Fp6 : IEquatable<Fp6>
{
    internal Fp2 C0;
    internal Fp2 C1;
    internal Fp2 C2;

    internal Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    internal static Fp6 Zero => default;

    internal static Fp6 One => new(Fp2.One, default, default);

    // ξ^((p−1)/3) and ξ^(2(p−1)/3): the Frobenius twists of v and v².
    private static readonly Fp2 FrobeniusV = Fp2.Pow(Fp2.Xi, (Fp.Modulus - 1) / 3);
    private static readonly Fp2 FrobeniusV2 = Fp2.Pow(Fp2.Xi, 2 * (Fp.Modulus - 1) / 3);

    internal readonly bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    public readonly bool Equals(Fp6 other) => C0.Equals(other.C0) & C1.Equals(other.C1) & C2.Equals(other.C2);

    public override readonly bool Equals(object? obj) => obj is Fp6 other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(C0, C1, C2);

    public static bool operator ==(in Fp6 a, in Fp6 b) => a.Equals(b);

    public static bool operator !=(in Fp6 a, in Fp6 b) => !a.Equals(b);

    public static Fp6 operator +(in Fp6 a, in Fp6 b) { Add(a, b, out var r); return r; }

    public static Fp6 operator -(in Fp6 a, in Fp6 b) { Sub(a, b, out var r); return r; }

    public static Fp6 operator -(in Fp6 a) { Neg(a, out var r); return r; }

    /// <summary>Karatsuba over the cubic extension: six 𝔽p² products.</summary>
    public static Fp6 operator *(in Fp6 a, in Fp6 b) { Mul(a, b, out var r); return r; }

    /// <summary>Chung–Hasan SQR2: two squarings and three products in 𝔽p².</summary>
    internal readonly Fp6 Square() { Sqr(this, out var r); return r; }

    /// <summary>Multiplies by v: (c0, c1, c2) ↦ (ξ·c2, c0, c1).</summary>
    internal readonly Fp6 MulByNonResidue() { MulByNonResidue(this, out var r); return r; }

    /// <summary>Multiplies by the sparse element b0 + b1·v.</summary>
    internal readonly Fp6 MulBy01(in Fp2 b0, in Fp2 b1) { MulBy01(this, b0, b1, out var r); return r; }

    /// <summary>Multiplies by the sparse element b1·v.</summary>
    internal readonly Fp6 MulBy1(in Fp2 b1) { MulBy1(this, b1, out var r); return r; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2.Add(a.C0, b.C0, out r.C0);
        Fp2.Add(a.C1, b.C1, out r.C1);
        Fp2.Add(a.C2, b.C2, out r.C2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Sub(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2.Sub(a.C0, b.C0, out r.C0);
        Fp2.Sub(a.C1, b.C1, out r.C1);
        Fp2.Sub(a.C2, b.C2, out r.C2);
    }

    /// <summary>r = 2a coefficient-wise by <see cref="Fp2.Double(in Fp2, out Fp2)"/>. r may alias a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Double(in Fp6 a, out Fp6 r)
    {
        Fp2.Double(a.C0, out r.C0);
        Fp2.Double(a.C1, out r.C1);
        Fp2.Double(a.C2, out r.C2);
    }

    internal static void Neg(in Fp6 a, out Fp6 r)
    {
        Fp2.Neg(a.C0, out r.C0);
        Fp2.Neg(a.C1, out r.C1);
        Fp2.Neg(a.C2, out r.C2);
    }

    /// <summary>r = a·v = (ξ·a2, a0, a1). r may alias a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MulByNonResidue(in Fp6 a, out Fp6 r)
    {
        Fp2.MulByNonResidue(a.C2, out var t);
        r.C2 = a.C1;
        r.C1 = a.C0;
        r.C0 = t;
    }

    /// <summary>r = a·b (Karatsuba, six 𝔽p² products, six Montgomery reductions). r may alias a or b.</summary>
    internal static void Mul(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        MulWide(a, b, out var w);
        Fp6Wide.Redc(w, out r);
    }

    /// <summary>
    /// r = a·b unreduced (Karatsuba, six <see cref="Fp2.MulWide"/> products combined modulo p·2³⁸⁴, blst's mul_fp6x2).
    /// Inputs must be reduced (coefficients below p): the pairwise sums a_i + a_j are then below 2p, the bound
    /// <see cref="Fp2.MulWide"/> accepts. Every result coefficient keeps the <see cref="Fp2Wide"/> invariant.
    /// </summary>
    internal static void MulWide(in Fp6 a, in Fp6 b, out Fp6Wide r)
    {
        Fp2.MulWide(a.C0, b.C0, out var aa);
        Fp2.MulWide(a.C1, b.C1, out var bb);
        Fp2.MulWide(a.C2, b.C2, out var cc);

        // c0 = ((a1 + a2)(b1 + b2) − bb − cc)·ξ + aa
        AddUnreduced(a.C1, a.C2, out var s);
        AddUnreduced(b.C1, b.C2, out var t);
        Fp2.MulWide(s, t, out var w);
        Fp2Wide.Sub(w, bb, out w);
        Fp2Wide.Sub(w, cc, out w);
        Fp2Wide.MulByNonResidue(w, out w);
        Fp2Wide.Add(w, aa, out r.C0);

        // c1 = (a0 + a1)(b0 + b1) − aa − bb + ξ·cc
        AddUnreduced(a.C0, a.C1, out s);
        AddUnreduced(b.C0, b.C1, out t);
        Fp2.MulWide(s, t, out w);
        Fp2Wide.Sub(w, aa, out w);
        Fp2Wide.Sub(w, bb, out w);
        Fp2Wide.MulByNonResidue(cc, out var x);
        Fp2Wide.Add(w, x, out r.C1);

        // c2 = (a0 + a2)(b0 + b2) − aa − cc + bb
        AddUnreduced(a.C0, a.C2, out s);
        AddUnreduced(b.C0, b.C2, out t);
        Fp2.MulWide(s, t, out w);
        Fp2Wide.Sub(w, aa, out w);
        Fp2Wide.Sub(w, cc, out w);
        Fp2Wide.Add(w, bb, out r.C2);
    }

    /// <summary>Coefficient-wise <see cref="Fp.AddUnreduced"/>: for reduced inputs the result is below 2p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddUnreduced(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.AddUnreduced(a.C0, b.C0, out r.C0);
        Fp.AddUnreduced(a.C1, b.C1, out r.C1);
    }

    /// <summary>r = a² (Chung–Hasan SQR2: two squarings and three products in 𝔽p²). r may alias a.</summary>
    internal static void Sqr(in Fp6 a, out Fp6 r)
    {
        Fp2.Sqr(a.C0, out var s0);
        Fp2.Mul(a.C0, a.C1, out var s1);
        Fp2.Double(s1, out s1);
        Fp2.Sub(a.C0, a.C1, out var s2);
        Fp2.Add(s2, a.C2, out s2);
        Fp2.Sqr(s2, out s2);
        Fp2.Mul(a.C1, a.C2, out var s3);
        Fp2.Double(s3, out s3);
        Fp2.Sqr(a.C2, out var s4);

        // c2 = s1 + s2 + s3 − s0 − s4
        Fp2.Add(s1, s2, out var c2);
        Fp2.Add(c2, s3, out c2);
        Fp2.Sub(c2, s0, out c2);
        Fp2.Sub(c2, s4, out r.C2);

        Fp2.MulByNonResidue(s3, out s3);
        Fp2.Add(s3, s0, out r.C0);
        Fp2.MulByNonResidue(s4, out s4);
        Fp2.Add(s4, s1, out r.C1);
    }

    /// <summary>r = a·(b0 + b1·v): five 𝔽p² products, six Montgomery reductions. r may alias a.</summary>
    internal static void MulBy01(in Fp6 a, in Fp2 b0, in Fp2 b1, out Fp6 r)
    {
        MulBy01Wide(a, b0, b1, out var w);
        Fp6Wide.Redc(w, out r);
    }

    /// <summary>
    /// r = a·(b0 + b1·v) unreduced: five <see cref="Fp2.MulWide"/> products combined modulo p·2³⁸⁴. All inputs reduced
    /// (so a0 + a1 and b0 + b1 are below 2p); every result coefficient keeps the <see cref="Fp2Wide"/> invariant.
    /// </summary>
    internal static void MulBy01Wide(in Fp6 a, in Fp2 b0, in Fp2 b1, out Fp6Wide r)
    {
        Fp2.MulWide(a.C0, b0, out var aa);
        Fp2.MulWide(a.C1, b1, out var bb);

        // c0 = ξ·a2·b1 + aa
        Fp2.MulWide(a.C2, b1, out var w);
        Fp2Wide.MulByNonResidue(w, out w);
        Fp2Wide.Add(w, aa, out r.C0);

        // c1 = (a0 + a1)(b0 + b1) − aa − bb
        AddUnreduced(b0, b1, out var s);
        AddUnreduced(a.C0, a.C1, out var t);
        Fp2.MulWide(s, t, out w);
        Fp2Wide.Sub(w, aa, out w);
        Fp2Wide.Sub(w, bb, out r.C1);

        // c2 = a2·b0 + bb
        Fp2.MulWide(a.C2, b0, out w);
        Fp2Wide.Add(w, bb, out r.C2);
    }

    /// <summary>r = a·(b1·v) = (ξ·a2·b1, a0·b1, a1·b1), six Montgomery reductions. r may alias a.</summary>
    internal static void MulBy1(in Fp6 a, in Fp2 b1, out Fp6 r)
    {
        MulBy1Wide(a, b1, out var w);
        Fp6Wide.Redc(w, out r);
    }

    /// <summary>r = a·(b1·v) unreduced; reduced inputs, result coefficients keep the <see cref="Fp2Wide"/> invariant.</summary>
    internal static void MulBy1Wide(in Fp6 a, in Fp2 b1, out Fp6Wide r)
    {
        Fp2.MulWide(a.C2, b1, out var w);
        Fp2Wide.MulByNonResidue(w, out r.C0);
        Fp2.MulWide(a.C0, b1, out r.C1);
        Fp2.MulWide(a.C1, b1, out r.C2);
    }

    /// <summary>Multiplies every coefficient by an 𝔽p² element.</summary>
    internal readonly Fp6 Scale(in Fp2 s) => new(C0 * s, C1 * s, C2 * s);

    internal readonly Fp6 Inverse()
    {
        var c0 = C0.Square() - (C1 * C2).MulByNonResidue();
        var c1 = C2.Square().MulByNonResidue() - C0 * C1;
        var c2 = C1.Square() - C0 * C2;
        var t = (C0 * c0 + (C2 * c1 + C1 * c2).MulByNonResidue()).Inverse();
        return new Fp6(c0 * t, c1 * t, c2 * t);
    }

    /// <summary>Inverse with the variable-time 𝔽p inversion underneath: public data only.</summary>
    internal readonly Fp6 InverseVartime()
    {
        var c0 = C0.Square() - (C1 * C2).MulByNonResidue();
        var c1 = C2.Square().MulByNonResidue() - C0 * C1;
        var c2 = C1.Square() - C0 * C2;
        var t = (C0 * c0 + (C2 * c1 + C1 * c2).MulByNonResidue()).InverseVartime();
        return new Fp6(c0 * t, c1 * t, c2 * t);
    }

    /// <summary>The p-power Frobenius map.</summary>
    internal readonly Fp6 Frobenius() =>
        new(C0.Conjugate(), C1.Conjugate() * FrobeniusV, C2.Conjugate() * FrobeniusV2);
}
