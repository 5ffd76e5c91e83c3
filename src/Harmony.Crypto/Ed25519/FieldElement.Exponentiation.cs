namespace Harmony.Crypto.Ed25519;

/// <summary>Inversion, the (p-5)/8 power and square roots of ratios, by a fixed addition chain (constant-time).</summary>
internal readonly partial struct FieldElement
{
    /// <summary>1/a = a^(p-2) (and 0 for a = 0).</summary>
    internal static FieldElement Invert(in FieldElement a)
    {
        FieldElement t250 = Pow2To250MinusOne(a, out FieldElement a11);
        return Multiply(SquareTimes(t250, 5), a11);
    }

    /// <summary>a^((p-5)/8) = a^(2^252 - 3).</summary>
    internal static FieldElement Pow22523(in FieldElement a)
    {
        FieldElement t250 = Pow2To250MinusOne(a, out _);
        return Multiply(SquareTimes(t250, 2), a);
    }

    /// <summary>
    /// Computes x with v·x² = u when u/v is a square: x = u·v³·(u·v⁷)^((p-5)/8), times √-1 when that candidate
    /// squares to -u/v instead (RFC 8032 §5.1.3 step 3). Returns 1 when a root exists (x is then a root; 0 for
    /// u = 0), else 0. Constant-time.
    /// </summary>
    internal static ulong SqrtRatio(in FieldElement u, in FieldElement v, out FieldElement x)
    {
        FieldElement v3 = Multiply(Square(v), v);
        FieldElement v7 = Multiply(Square(v3), v);
        FieldElement candidate = Multiply(Multiply(u, v3), Pow22523(Multiply(u, v7)));
        FieldElement check = Multiply(v, Square(candidate));

        ulong isRoot = Subtract(check, u).IsZero();
        ulong isRootOfNegative = Add(check, u).IsZero();
        FieldElement rotated = Multiply(candidate, SqrtMinusOne);
        x = Select(candidate, rotated, 0 - isRootOfNegative);
        return isRoot | isRootOfNegative;
    }

    /// <summary>a^(2^250 - 1), also handing back a^11 for the inversion's tail.</summary>
    private static FieldElement Pow2To250MinusOne(in FieldElement a, out FieldElement a11)
    {
        FieldElement a2 = Square(a);
        FieldElement a9 = Multiply(SquareTimes(a2, 2), a);
        a11 = Multiply(a9, a2);
        FieldElement e5 = Multiply(Square(a11), a9);           // 2^5 - 1
        FieldElement e10 = Multiply(SquareTimes(e5, 5), e5);     // 2^10 - 1
        FieldElement e20 = Multiply(SquareTimes(e10, 10), e10);  // 2^20 - 1
        FieldElement e40 = Multiply(SquareTimes(e20, 20), e20);  // 2^40 - 1
        FieldElement e50 = Multiply(SquareTimes(e40, 10), e10);  // 2^50 - 1
        FieldElement e100 = Multiply(SquareTimes(e50, 50), e50); // 2^100 - 1
        FieldElement e200 = Multiply(SquareTimes(e100, 100), e100); // 2^200 - 1
        return Multiply(SquareTimes(e200, 50), e50);             // 2^250 - 1
    }
}
