namespace Harmony.Crypto.Bls12381;

/// <summary>
/// The arithmetic that the curve formulas need from a coordinate field, as static members so that the JIT
/// specialises every generic caller for 𝔽p and 𝔽p² with no interface dispatch.
/// </summary>
internal interface IField<T>
    where T : unmanaged, IField<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    bool IsZero { get; }

    static abstract T Add(in T a, in T b);

    static abstract T Sub(in T a, in T b);

    static abstract T Mul(in T a, in T b);

    static abstract T Square(in T a);

    static abstract T Negate(in T a);

    static abstract T Inverse(in T a);

    /// <summary>a⁻¹ (zero maps to zero), variable-time: public data only.</summary>
    static abstract T InverseVartime(in T a);

    static abstract T Select(in T a, in T b, bool choice);

    static abstract bool AreEqual(in T a, in T b);
}
