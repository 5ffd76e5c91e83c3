namespace Harmony.Crypto.Bls12381;

/// <summary>The constant b of a short Weierstrass curve y² = x³ + b over <typeparamref name="TField"/>.</summary>
internal interface ICurve<TField>
    where TField : unmanaged, IField<TField>
{
    static abstract TField B { get; }

    /// <summary>3·b, used by the complete addition formulas.</summary>
    static abstract TField B3 { get; }
}

/// <summary>E: y² = x³ + 4 over 𝔽p, the curve of G1.</summary>
internal readonly struct G1Curve : ICurve<Fp>
{
    private static readonly Fp BValue = Fp.FromUInt64(4);
    private static readonly Fp B3Value = Fp.FromUInt64(12);

    public static Fp B => BValue;

    public static Fp B3 => B3Value;
}

/// <summary>E′: y² = x³ + 4(1 + u) over 𝔽p², the M-type sextic twist that holds G2.</summary>
internal readonly struct G2Curve : ICurve<Fp2>
{
    private static readonly Fp2 BValue = new(Fp.FromUInt64(4), Fp.FromUInt64(4));
    private static readonly Fp2 B3Value = new(Fp.FromUInt64(12), Fp.FromUInt64(12));

    public static Fp2 B => BValue;

    public static Fp2 B3 => B3Value;
}
