namespace Harmony.Crypto.Bls12381;

/// <summary>The constant b of a short Weierstrass curve y² = x³ + b over <typeparamref name="TField"/>.</summary>
internal interface ICurve<TField>
    where TField : unmanaged, IField<TField>
{
    static abstract TField B { get; }

    /// <summary>3·b·a with additions only, for the complete addition formulas (3b = 12 on G1, 12(1 + u) on G2).</summary>
    static abstract TField MulByB3(in TField a);
}

/// <summary>E: y² = x³ + 4 over 𝔽p, the curve of G1.</summary>
internal readonly struct G1Curve : ICurve<Fp>
{
    private static readonly Fp BValue = Fp.FromUInt64(4);

    public static Fp B => BValue;

    public static Fp MulByB3(in Fp a)
    {
        var twice = a + a;
        var four = twice + twice;
        var eight = four + four;
        return eight + four;
    }
}

/// <summary>E′: y² = x³ + 4(1 + u) over 𝔽p², the M-type sextic twist that holds G2.</summary>
internal readonly struct G2Curve : ICurve<Fp2>
{
    private static readonly Fp2 BValue = new(Fp.FromUInt64(4), Fp.FromUInt64(4));

    public static Fp2 B => BValue;

    public static Fp2 MulByB3(in Fp2 a)
    {
        var xi = a.MulByNonResidue();
        var twice = xi + xi;
        var four = twice + twice;
        var eight = four + four;
        return eight + four;
    }
}
