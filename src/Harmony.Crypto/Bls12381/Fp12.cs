using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>An element c0 + c1·w of 𝔽p¹² = 𝔽p⁶[w]/(w² − v), the pairing's target field.</summary>
[SkipLocalsInit]
internal struct Fp12 : IEquatable<Fp12>
{
    internal Fp6 C0;
    internal Fp6 C1;

    internal Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    internal static Fp12 One => new(Fp6.One, default);

    // ξ^((p−1)/6): the Frobenius twist of w.
    private static readonly Fp2 FrobeniusW = Fp2.Pow(Fp2.Xi, (Fp.Modulus - 1) / 6);

    internal readonly bool IsOne => C0 == Fp6.One && C1.IsZero;

    public readonly bool Equals(Fp12 other) => C0.Equals(other.C0) & C1.Equals(other.C1);

    public override readonly bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(C0, C1);

    public static bool operator ==(in Fp12 a, in Fp12 b) => a.Equals(b);

    public static bool operator !=(in Fp12 a, in Fp12 b) => !a.Equals(b);

    public static Fp12 operator *(in Fp12 a, in Fp12 b)
    {
        var aa = a.C0 * b.C0;
        var bb = a.C1 * b.C1;
        var c1 = (a.C0 + a.C1) * (b.C0 + b.C1) - aa - bb;
        return new Fp12(bb.MulByNonResidue() + aa, c1);
    }

    internal readonly Fp12 Square()
    {
        var ab = C0 * C1;
        var sum = C0 + C1;
        var c0 = (C1.MulByNonResidue() + C0) * sum - ab - ab.MulByNonResidue();
        return new Fp12(c0, ab + ab);
    }

    /// <summary>
    /// Multiplies by a sparse line value ℓ0 + ℓ1·v + ℓ4·v·w (coefficients 0, 1 and 4 of the 𝔽p² basis).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly Fp12 MulBy014(in Fp2 l0, in Fp2 l1, in Fp2 l4)
    {
        var aa = C0.MulBy01(l0, l1);
        var bb = C1.MulBy1(l4);
        var c1 = (C1 + C0).MulBy01(l0, l1 + l4) - aa - bb;
        return new Fp12(bb.MulByNonResidue() + aa, c1);
    }

    /// <summary>The conjugate c0 − c1·w, which is the inverse for elements of the cyclotomic subgroup.</summary>
    internal readonly Fp12 Conjugate() => new(C0, -C1);

    internal readonly Fp12 Inverse()
    {
        var t = (C0.Square() - C1.Square().MulByNonResidue()).Inverse();
        return new Fp12(C0 * t, -(C1 * t));
    }

    /// <summary>The p-power Frobenius map.</summary>
    internal readonly Fp12 Frobenius()
    {
        var c1 = C1.Frobenius().Scale(FrobeniusW);
        return new Fp12(C0.Frobenius(), c1);
    }

    /// <summary>Applies the p-power Frobenius map <paramref name="times"/> times.</summary>
    internal readonly Fp12 Frobenius(int times)
    {
        var r = this;
        for (int i = 0; i < times; i++)
        {
            r = r.Frobenius();
        }

        return r;
    }

    /// <summary>
    /// Granger–Scott squaring, valid only in the cyclotomic subgroup (after the easy part of the final
    /// exponentiation): three 𝔽p⁴ squarings instead of a full 𝔽p¹² squaring.
    /// </summary>
    internal readonly Fp12 CyclotomicSquare()
    {
        var z0 = C0.C0;
        var z4 = C0.C1;
        var z3 = C0.C2;
        var z2 = C1.C0;
        var z1 = C1.C1;
        var z5 = C1.C2;

        Fp4Square(z0, z1, out var t0, out var t1);
        z0 = t0 - z0;
        z0 = z0 + z0 + t0;
        z1 = t1 + z1;
        z1 = z1 + z1 + t1;

        Fp4Square(z2, z3, out t0, out t1);
        Fp4Square(z4, z5, out var t2, out var t3);

        z4 = t0 - z4;
        z4 = z4 + z4 + t0;
        z5 = t1 + z5;
        z5 = z5 + z5 + t1;

        t0 = t3.MulByNonResidue();
        z2 = t0 + z2;
        z2 = z2 + z2 + t0;
        z3 = t2 - z3;
        z3 = z3 + z3 + t2;

        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fp4Square(in Fp2 a, in Fp2 b, out Fp2 c0, out Fp2 c1)
    {
        var t0 = a.Square();
        var t1 = b.Square();
        c0 = t1.MulByNonResidue() + t0;
        c1 = (a + b).Square() - t0 - t1;
    }
}
