namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// GLV decomposition: k = k1 + k2 * lambda (mod n) with k1 and k2 of about 128 bits, where lambda is the
/// cube root of unity mod n for which lambda * (x, y) = (beta * x, y) on the curve.
/// </summary>
/// <remarks>
/// The short lattice basis of {(a, b) : a + b * lambda = 0 mod n} is v1 = (a1, b1), v2 = (a2, b2) with
/// a1 = b2 = 0x3086d221a7d46bcde86c90e49284eb15, b1 = -0xe4437ed6010e88286f547fa90abfe4c3 and
/// a2 = 0x114ca50f7a8e2f3f657c1108d9d44cfd8 (its determinant is n). Writing (k, 0) in that basis gives the
/// rational coordinates k * b2 / n and -k * b1 / n; rounding them to c1, c2 leaves the short remainder
/// (k1, k2) = (k, 0) - c1 * v1 - c2 * v2. The divisions are replaced by multiplications with
/// g1 = round(2^384 * b2 / n) and g2 = round(2^384 * -b1 / n) followed by a rounded shift of 384 bits.
/// Variable-time: used on public scalars only.
/// </remarks>
internal readonly partial struct Scalar
{
    /// <summary>lambda, with lambda^3 = 1 mod n.</summary>
    internal static Scalar Lambda => new(0xDF02967C1B23BD72UL, 0x122E22EA20816678UL, 0xA5261C028812645AUL, 0x5363AD4CC05C30E0UL);

    private static Scalar G1 => new(0xE893209A45DBB031UL, 0x3DAA8A1471E8CA7FUL, 0xE86C90E49284EB15UL, 0x3086D221A7D46BCDUL);

    private static Scalar G2 => new(0x1571B4AE8AC47F71UL, 0x221208AC9DF506C6UL, 0x6F547FA90ABFE4C4UL, 0xE4437ED6010E8828UL);

    /// <summary>-b1 mod n.</summary>
    private static Scalar MinusB1 => new(0x6F547FA90ABFE4C3UL, 0xE4437ED6010E8828UL, 0, 0);

    /// <summary>-b2 mod n = n - a1.</summary>
    private static Scalar MinusB2 => new(0xD765CDA83DB1562CUL, 0x8A280AC50774346DUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL);

    /// <summary>
    /// Splits <paramref name="k"/> into k1 + k2 * lambda (mod n), returned as magnitudes below about 2^128 with
    /// a flag telling whether each part stands for its negation.
    /// </summary>
    internal static void SplitLambdaVar(
        in Scalar k, out Scalar k1, out bool k1Negative, out Scalar k2, out bool k2Negative)
    {
        Scalar c1 = MultiplyShift384(k, G1);
        Scalar c2 = MultiplyShift384(k, G2);
        Scalar r2 = Add(Multiply(c1, MinusB1), Multiply(c2, MinusB2));
        Scalar r1 = Add(k, Negate(Multiply(r2, Lambda)));

        k1Negative = r1.IsHigh;
        k1 = k1Negative ? Negate(r1) : r1;
        k2Negative = r2.IsHigh;
        k2 = k2Negative ? Negate(r2) : r2;
    }

    /// <summary>round(a * b / 2^384) for a, b below 2^256 (the result is below 2^128).</summary>
    internal static Scalar MultiplyShift384(in Scalar a, in Scalar b)
    {
        Span<ulong> product = stackalloc ulong[8];
        MultiplyFull(a, b, product);
        ulong round = product[5] >> 63;
        ulong carry = 0;
        ulong r0 = Limbs.AddCarry(product[6], round, ref carry);
        ulong r1 = Limbs.AddCarry(product[7], 0, ref carry);
        return new Scalar(r0, r1, carry, 0);
    }

    /// <summary>The full 512-bit product a * b, least significant limb first.</summary>
    private static void MultiplyFull(in Scalar a, in Scalar b, Span<ulong> product)
    {
        product.Clear();
        for (int i = 0; i < 4; i++)
        {
            ulong carry = 0;
            ulong ai = a.Limb(i);
            for (int j = 0; j < 4; j++)
            {
                product[i + j] = Limbs.MulAdd(ai, b.Limb(j), product[i + j], ref carry);
            }

            product[i + 4] = carry;
        }
    }
}
