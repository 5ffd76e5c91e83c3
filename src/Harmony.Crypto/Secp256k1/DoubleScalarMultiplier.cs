using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Secp256k1;

/// <summary>
/// Variable-time a * G + b * Q for public scalars and points (verification and recovery).
/// </summary>
/// <remarks>
/// Strauss–Shamir interleaving with one shared chain of doublings over four half-length wNAF expansions:
/// a is cut at bit 128 into a_lo * G + a_hi * (2^128 G), each using a static width-8 table; b is split by the
/// GLV endomorphism into b1 * Q + b2 * (lambda Q), each using a width-5 table of Q built per call, with
/// lambda Q's table derived from Q's by multiplying abscissas by beta. About 130 doublings in all.
/// </remarks>
[SkipLocalsInit]
internal static class DoubleScalarMultiplier
{
    /// <summary>wNAF window for the per-call point.</summary>
    internal const int PointWindow = 5;

    private const int PointTableSize = 1 << (PointWindow - 2);

    /// <summary>Digits for a half-length (about 129-bit) scalar plus carry room.</summary>
    private const int HalfLength = 128 + 16;

    /// <summary>a * G + b * Q in Jacobian coordinates (possibly infinity).</summary>
    internal static JacobianPoint MultiplyAddVar(in Scalar a, in Scalar b, in AffinePoint q)
    {
        Scalar.SplitLambdaVar(b, out Scalar b1, out bool b1Negative, out Scalar b2, out bool b2Negative);
        var aLow = new Scalar(a.L0, a.L1, 0, 0);
        var aHigh = new Scalar(a.L2, a.L3, 0, 0);

        Span<short> digitsB1 = stackalloc short[Wnaf.MaxLength];
        Span<short> digitsB2 = stackalloc short[Wnaf.MaxLength];
        Span<short> digitsALow = stackalloc short[HalfLength];
        Span<short> digitsAHigh = stackalloc short[HalfLength];
        int lengthB1 = Wnaf.Compute(b1, PointWindow, b1Negative, digitsB1);
        int lengthB2 = Wnaf.Compute(b2, PointWindow, b2Negative, digitsB2);
        int lengthALow = Wnaf.Compute(aLow, VerificationTables.Window, false, digitsALow);
        int lengthAHigh = Wnaf.Compute(aHigh, VerificationTables.Window, false, digitsAHigh);
        int length = Math.Max(Math.Max(lengthB1, lengthB2), Math.Max(lengthALow, lengthAHigh));

        // Q's multiples share the denominator zQ: the accumulator runs on the curve scaled by zQ, where they
        // are affine, and the fixed G points are added through the isomorphism.
        Span<AffinePoint> tableQ = stackalloc AffinePoint[PointTableSize];
        Span<AffinePoint> tableLambdaQ = stackalloc AffinePoint[PointTableSize];
        Span<FieldElement> ratios = stackalloc FieldElement[PointTableSize];
        OddMultiples.BuildSharedZ(q, tableQ, ratios, out FieldElement zQ);
        for (int i = 0; i < PointTableSize; i++)
        {
            tableLambdaQ[i] = tableQ[i].MultiplyLambda();
        }

        AffinePoint[] tableG = VerificationTables.G;
        AffinePoint[] tableG128 = VerificationTables.G128;
        JacobianPoint r = JacobianPoint.Infinity;
        for (int i = length - 1; i >= 0; i--)
        {
            r = JacobianPoint.DoubleVar(r);
            if (i < lengthB1 && digitsB1[i] != 0)
            {
                r = JacobianPoint.AddVar(r, Pick(tableQ, digitsB1[i]));
            }

            if (i < lengthB2 && digitsB2[i] != 0)
            {
                r = JacobianPoint.AddVar(r, Pick(tableLambdaQ, digitsB2[i]));
            }

            if (i < lengthALow && digitsALow[i] != 0)
            {
                r = JacobianPoint.AddVar(r, Pick(tableG, digitsALow[i]), zQ);
            }

            if (i < lengthAHigh && digitsAHigh[i] != 0)
            {
                r = JacobianPoint.AddVar(r, Pick(tableG128, digitsAHigh[i]), zQ);
            }
        }

        // Back from the scaled curve: (X, Y, Z) there is (X, Y, Z zQ) here.
        return r.IsInfinity ? r : new JacobianPoint(r.X, r.Y, FieldElement.Multiply(r.Z, zQ));
    }

    /// <summary>The table point for an odd non-zero wNAF digit: |d| * P, negated for d &lt; 0.</summary>
    private static AffinePoint Pick(ReadOnlySpan<AffinePoint> table, int digit) =>
        digit > 0 ? table[(digit - 1) >> 1] : table[(-digit - 1) >> 1].Negate();
}
