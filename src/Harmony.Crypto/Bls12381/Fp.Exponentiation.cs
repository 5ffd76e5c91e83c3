using System.Numerics;

namespace Harmony.Crypto.Bls12381;

internal partial struct Fp : IField<Fp>
{
    // The fixed exponents (p + 1)/4, (p − 1)/2 and (p − 3)/4 as sliding-window plans.
    private static readonly FixedExponent SqrtExponent = new((Modulus + 1) / 4);
    private static readonly FixedExponent LegendreExponent = new((Modulus - 1) / 2);
    private static readonly FixedExponent SqrtInverseExponent = new((Modulus - 3) / 4);

    internal static ulong[] Words(BigInteger value)
    {
        var words = new ulong[(int)((value.GetBitLength() + 63) / 64)];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = (ulong)(value & ulong.MaxValue);
            value >>= 64;
        }

        return words;
    }

    /// <summary>
    /// aᵉ for a public exponent given as little-endian words. Fixed 4-bit windows: the sequence of operations
    /// depends only on the exponent, never on <paramref name="a"/>.
    /// </summary>
    internal static Fp Pow(in Fp a, ReadOnlySpan<ulong> exponent)
    {
        Span<Fp> table = stackalloc Fp[16];
        table[0] = One;
        table[1] = a;
        for (int i = 2; i < 16; i++)
        {
            Mul(table[i - 1], a, out table[i]);
        }

        var r = One;
        bool started = false;
        for (int word = exponent.Length - 1; word >= 0; word--)
        {
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                if (started)
                {
                    Sqr(r, out r);
                    Sqr(r, out r);
                    Sqr(r, out r);
                    Sqr(r, out r);
                }

                int nibble = (int)((exponent[word] >> shift) & 0xF);
                if (nibble != 0)
                {
                    Mul(r, table[nibble], out r);
                    started = true;
                }
            }
        }

        return r;
    }

    /// <summary>a⁻¹, constant-time (<see cref="InverseConstantTime"/>); the inverse of zero is zero.</summary>
    internal static Fp Inverse(in Fp a) => InverseConstantTime(a);

    /// <summary>Legendre symbol test: true when a is a square in 𝔽p (zero counts as a square).</summary>
    internal static bool IsSquare(in Fp a)
    {
        var l = LegendreExponent.Pow(a);
        return l.IsZero || l.IsOne;
    }

    /// <summary>A square root of a when one exists (p ≡ 3 mod 4, so a^((p+1)/4)); false otherwise.</summary>
    internal static bool TrySqrt(in Fp a, out Fp root)
    {
        root = SqrtExponent.Pow(a);
        Mul(root, root, out var check);
        return check == a;
    }

    /// <summary>a^((p − 3)/4): for a square a, a·t is √a and t is 1/√a.</summary>
    internal static Fp PowSqrtInverse(in Fp a) => SqrtInverseExponent.Pow(a);

    /// <summary>Montgomery's trick: replaces every nonzero element by its inverse with one field inversion.</summary>
    internal static void BatchInverse(Span<Fp> values, Span<Fp> scratch)
    {
        var acc = One;
        for (int i = 0; i < values.Length; i++)
        {
            scratch[i] = acc;
            if (!values[i].IsZero)
            {
                Mul(acc, values[i], out acc);
            }
        }

        acc = Inverse(acc);
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (values[i].IsZero)
            {
                continue;
            }

            Mul(acc, scratch[i], out var inv);
            Mul(acc, values[i], out acc);
            values[i] = inv;
        }
    }

    static Fp IField<Fp>.Zero => default;

    static Fp IField<Fp>.One => One;

    static Fp IField<Fp>.Add(in Fp a, in Fp b) { Add(a, b, out var r); return r; }

    static Fp IField<Fp>.Sub(in Fp a, in Fp b) { Sub(a, b, out var r); return r; }

    static Fp IField<Fp>.Mul(in Fp a, in Fp b) { Mul(a, b, out var r); return r; }

    static Fp IField<Fp>.Square(in Fp a) { Sqr(a, out var r); return r; }

    static Fp IField<Fp>.Negate(in Fp a) { Neg(a, out var r); return r; }

    static Fp IField<Fp>.Inverse(in Fp a) => Inverse(a);

    static Fp IField<Fp>.InverseVartime(in Fp a) => InverseVartime(a);

    static Fp IField<Fp>.Select(in Fp a, in Fp b, bool choice) => Select(a, b, choice);

    static bool IField<Fp>.AreEqual(in Fp a, in Fp b) => a.Equals(b);
}
