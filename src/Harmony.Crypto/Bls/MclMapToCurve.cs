using System.Numerics;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// The 2019 herumi mcl behaviour that Harmony's validators sign with (spec/harmony.md §3.2–§3.4): <c>SignHash</c>'s
/// message-to-field rule, the Fouque–Tibouchi map (mcl's <c>calcBN</c>) on G1 and on the twist, and the G1 generator
/// <c>mapToG1(1)</c>. Every square root is the one mcl computes (a^((p+1)/4) in 𝔽p, the norm method in 𝔽p²), so the
/// points match mcl's byte for byte. All of this works on public data and is variable-time.
/// </summary>
internal static class MclMapToCurve
{
    /// <summary>How many leading message bytes <c>SignHash</c> reads.</summary>
    internal const int MessageBytesRead = 48;

    /// <summary>c₁ = √−3 = (−3)^((p+1)/4).</summary>
    private static readonly Fp SqrtMinusThree = SqrtOf(-Fp.FromUInt64(3));

    /// <summary>c₂ = (c₁ − 1) / 2.</summary>
    private static readonly Fp HalfSqrtMinusThreeMinusOne = (SqrtMinusThree - Fp.One) * Fp.Inverse(Fp.FromUInt64(2));

    /// <summary>The G1 cofactor (z − 1)² / 3 that mcl multiplies by, as big-endian bytes.</summary>
    private static readonly byte[] G1Cofactor = (BigInteger.Pow(-new BigInteger(0xd201000000010000) - 1, 2) / 3).ToByteArray(isUnsigned: true, isBigEndian: true);

    private delegate bool SquareRoot<T>(in T value, out T root);

    /// <summary>mcl's G1 generator: <c>mapToG1(1)</c> = [(z − 1)²/3]·FT(1).</summary>
    internal static G1Affine Generator { get; } = ComputeGenerator();

    /// <summary>
    /// <c>SignHash</c>'s field element: the first ≤ 48 bytes as a little-endian integer masked to 381 bits, and to 380
    /// bits when still ≥ p. False for an empty message and for t = 0, which mcl refuses to map.
    /// </summary>
    internal static bool TryMessageToField(ReadOnlySpan<byte> message, out Fp t)
    {
        t = default;
        if (message.IsEmpty)
        {
            return false;
        }

        Span<byte> bigEndian = stackalloc byte[MessageBytesRead];
        bigEndian.Clear();
        var read = message[..Math.Min(message.Length, MessageBytesRead)];
        for (int i = 0; i < read.Length; i++)
        {
            bigEndian[MessageBytesRead - 1 - i] = read[i];
        }

        // 381 bits: clear the top three bits of the most significant byte.
        bigEndian[0] &= 0x1F;
        if (!Fp.TryFromBytesBigEndian(bigEndian, out t))
        {
            bigEndian[0] &= 0x0F;
            Fp.TryFromBytesBigEndian(bigEndian, out t);
        }

        return !t.IsZero;
    }

    /// <summary>H(m) of Harmony's <c>SignHash</c>: the map on the twist at (t, 0), then G2 cofactor clearing.</summary>
    internal static bool TryHashToG2(ReadOnlySpan<byte> message, out G2Jacobian hash)
    {
        hash = G2Jacobian.Infinity;
        if (!TryMessageToField(message, out var t) || !TryMapToTwist(new Fp2(t, default), out var point))
        {
            return false;
        }

        hash = G2.ClearCofactor(point.ToJacobian());
        return true;
    }

    /// <summary>mcl's <c>calcBN</c> on the twist y² = x³ + 4(1 + i), before cofactor clearing.</summary>
    internal static bool TryMapToTwist(in Fp2 t, out G2Affine point)
    {
        var norm = t.C0.Square() + t.C1.Square();
        bool negate = !norm.IsZero && !Fp.IsSquare(norm);
        bool mapped = TryFouqueTibouchi<Fp2, G2Curve>(t, new Fp2(SqrtMinusThree, default), new Fp2(HalfSqrtMinusThreeMinusOne, default), negate, Fp2.TrySqrt, out point);
        return mapped;
    }

    /// <summary>mcl's <c>calcBN</c> on G1 (y² = x³ + 4), before cofactor clearing.</summary>
    internal static bool TryMapToG1(in Fp t, out G1Affine point)
    {
        bool negate = !t.IsZero && !Fp.IsSquare(t);
        return TryFouqueTibouchi<Fp, G1Curve>(t, SqrtMinusThree, HalfSqrtMinusThreeMinusOne, negate, Fp.TrySqrt, out point);
    }

    /// <summary>
    /// w = c₁·t / (t² + b + 1); the first of x₁ = c₂ − t·w, x₂ = −1 − x₁, x₃ = 1 + 1/w² with x³ + b a square gives
    /// the point (x, ±√(x³ + b)), negated when mcl's sign rule says so.
    /// </summary>
    private static bool TryFouqueTibouchi<T, TCurve>(in T t, in T c1, in T c2, bool negate, SquareRoot<T> sqrt, out AffinePoint<T, TCurve> point)
        where T : unmanaged, IField<T>
        where TCurve : unmanaged, ICurve<T>
    {
        point = AffinePoint<T, TCurve>.Infinity;
        if (t.IsZero)
        {
            return false;
        }

        var denominator = T.Add(T.Add(T.Square(t), TCurve.B), T.One);
        if (denominator.IsZero)
        {
            return false;
        }

        var w = T.Mul(T.Mul(T.InverseVartime(denominator), c1), t);
        var x = T.Sub(c2, T.Mul(t, w));
        for (int candidate = 0; candidate < 3; candidate++)
        {
            if (candidate == 1)
            {
                x = T.Sub(T.Negate(x), T.One);
            }
            else if (candidate == 2)
            {
                x = T.Add(T.InverseVartime(T.Square(w)), T.One);
            }

            var rhs = T.Add(T.Mul(T.Square(x), x), TCurve.B);
            if (sqrt(rhs, out var y))
            {
                point = new AffinePoint<T, TCurve>(x, negate ? T.Negate(y) : y);
                return true;
            }
        }

        return false;
    }

    private static Fp SqrtOf(in Fp value)
    {
        Fp.TrySqrt(value, out var root);
        return root;
    }

    private static G1Affine ComputeGenerator()
    {
        TryMapToG1(Fp.One, out var point);
        return new G1Point(point).Multiply(G1Cofactor).Affine;
    }
}
