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

    public static Fp6 operator +(in Fp6 a, in Fp6 b) => new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2);

    public static Fp6 operator -(in Fp6 a, in Fp6 b) => new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2);

    public static Fp6 operator -(in Fp6 a) => new(-a.C0, -a.C1, -a.C2);

    /// <summary>Karatsuba over the cubic extension: six 𝔽p² products.</summary>
    public static Fp6 operator *(in Fp6 a, in Fp6 b)
    {
        var aa = a.C0 * b.C0;
        var bb = a.C1 * b.C1;
        var cc = a.C2 * b.C2;
        var t1 = ((a.C1 + a.C2) * (b.C1 + b.C2) - bb - cc).MulByNonResidue() + aa;
        var t2 = (a.C0 + a.C1) * (b.C0 + b.C1) - aa - bb + cc.MulByNonResidue();
        var t3 = (a.C0 + a.C2) * (b.C0 + b.C2) - aa + bb - cc;
        return new Fp6(t1, t2, t3);
    }

    /// <summary>Chung–Hasan SQR2: two squarings and three products in 𝔽p².</summary>
    internal readonly Fp6 Square()
    {
        var s0 = C0.Square();
        var ab = C0 * C1;
        var s1 = ab + ab;
        var s2 = (C0 - C1 + C2).Square();
        var bc = C1 * C2;
        var s3 = bc + bc;
        var s4 = C2.Square();
        return new Fp6(s3.MulByNonResidue() + s0, s4.MulByNonResidue() + s1, s1 + s2 + s3 - s0 - s4);
    }

    /// <summary>Multiplies by v: (c0, c1, c2) ↦ (ξ·c2, c0, c1).</summary>
    internal readonly Fp6 MulByNonResidue() => new(C2.MulByNonResidue(), C0, C1);

    /// <summary>Multiplies by the sparse element b0 + b1·v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly Fp6 MulBy01(in Fp2 b0, in Fp2 b1)
    {
        var aa = C0 * b0;
        var bb = C1 * b1;
        var t1 = (C2 * b1).MulByNonResidue() + aa;
        var t2 = (b0 + b1) * (C0 + C1) - aa - bb;
        var t3 = C2 * b0 + bb;
        return new Fp6(t1, t2, t3);
    }

    /// <summary>Multiplies by the sparse element b1·v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly Fp6 MulBy1(in Fp2 b1) => new((C2 * b1).MulByNonResidue(), C0 * b1, C1 * b1);

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

    /// <summary>The p-power Frobenius map.</summary>
    internal readonly Fp6 Frobenius() =>
        new(C0.Conjugate(), C1.Conjugate() * FrobeniusV, C2.Conjugate() * FrobeniusV2);
}
