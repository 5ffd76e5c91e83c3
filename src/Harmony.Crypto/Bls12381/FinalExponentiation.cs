namespace Harmony.Crypto.Bls12381;

/// <summary>
/// The final exponentiation f ↦ f^(3·(p¹² − 1)/r): the easy part (p⁶ − 1)(p² + 1) with one inversion, then the hard
/// part as the x-addition chain of Hayashida, Hayasaka and Teruya (eprint 2020/875) in cyclotomic squarings
/// (Karabina-compressed within each exponentiation by x, decompressed with a variable-time batched inversion:
/// the pairing value is public).
/// </summary>
internal static class FinalExponentiation
{
    internal static Fp12 Run(in Fp12 f)
    {
        // Easy part: f^(p⁶ − 1) = conj(f) / f, then ·(p² + 1). The pairing value is public, so the inversion
        // may be variable-time.
        var t = f.Conjugate() * f.InverseVartime();
        var r = t.Frobenius(2) * t;

        // Hard part.
        var y0 = r.CyclotomicSquare().Conjugate();
        var y5 = ExpByX(r);
        var y1 = y5.CyclotomicSquare();
        var y3 = y0 * y5;
        y0 = ExpByX(y3);
        var y2 = ExpByX(y0);
        var y4 = ExpByX(y2);
        y4 *= y1;
        y1 = ExpByX(y4);
        y3 = y3.Conjugate();
        y1 *= y3;
        y1 *= r;
        y3 = r.Conjugate();
        y0 *= r;
        y0 = y0.Frobenius(3);
        y4 *= y3;
        y4 = y4.Frobenius(1);
        y5 *= y2;
        y5 = y5.Frobenius(2);
        y5 *= y0;
        y5 *= y4;
        y5 *= y1;
        return y5;
    }

    /// <summary>
    /// f^x for the negative curve parameter x, valid in the cyclotomic subgroup: Karabina's compressed squarings with one
    /// batched variable-time inversion for the decompressions (<see cref="CompressedCyclotomic"/>; the final
    /// exponentiation works on public pairing values), falling back to <see cref="ExpByXUncompressed"/> when a
    /// decompression denominator is zero.
    /// </summary>
    internal static Fp12 ExpByX(in Fp12 f)
    {
        if (CompressedCyclotomic.TryPowAbsX(f, out var r))
        {
            return r.Conjugate();
        }

        return ExpByXUncompressed(f);
    }

    /// <summary>f^x by Granger–Scott cyclotomic squarings and a multiplication at each set bit of |x|.</summary>
    internal static Fp12 ExpByXUncompressed(in Fp12 f)
    {
        var r = f;
        for (int bit = 62; bit >= 0; bit--)
        {
            Fp12.CyclotomicSqr(r, out r);
            if (((MillerLoop.AbsX >> bit) & 1) != 0)
            {
                Fp12.Mul(r, f, out r);
            }
        }

        return r.Conjugate();
    }
}
