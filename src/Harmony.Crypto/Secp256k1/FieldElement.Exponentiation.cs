namespace Harmony.Crypto.Secp256k1;

/// <summary>Fixed addition chains in F_p: Fermat inversion and square roots (constant-time).</summary>
internal readonly partial struct FieldElement
{
    /// <summary>
    /// a^(p-2) = a^-1 mod p (0 maps to 0). Constant-time: a fixed chain of 255 squarings and 15 multiplications.
    /// </summary>
    /// <remarks>
    /// p - 2 in binary is 223 ones, a zero, 22 ones, then 0000101101.
    /// </remarks>
    internal static FieldElement Invert(in FieldElement a)
    {
        OnesChain(a, out FieldElement x1, out FieldElement x2, out FieldElement x22, out FieldElement x223);
        FieldElement t = SquareTimes(x223, 23);
        t = Multiply(t, x22);
        t = SquareTimes(t, 5);
        t = Multiply(t, x1);
        t = SquareTimes(t, 3);
        t = Multiply(t, x2);
        t = SquareTimes(t, 2);
        return Multiply(t, x1);
    }

    /// <summary>
    /// Computes a square root of <paramref name="a"/> as a^((p+1)/4) (valid because p = 3 mod 4) and returns
    /// whether it really is one, i.e. whether <paramref name="a"/> is a quadratic residue. Constant-time.
    /// </summary>
    /// <remarks>
    /// (p + 1) / 4 in binary is 223 ones, a zero, 22 ones, then 00001100.
    /// </remarks>
    internal static bool TrySqrt(in FieldElement a, out FieldElement root)
    {
        OnesChain(a, out _, out FieldElement x2, out FieldElement x22, out FieldElement x223);
        FieldElement t = SquareTimes(x223, 23);
        t = Multiply(t, x22);
        t = SquareTimes(t, 6);
        t = Multiply(t, x2);
        root = SquareTimes(t, 2);
        return Equals(Square(root), a);
    }

    /// <summary>Computes x_k = a^(2^k - 1) for k = 1, 2, 22 and 223, the building blocks of both chains.</summary>
    private static void OnesChain(
        in FieldElement a, out FieldElement x1, out FieldElement x2, out FieldElement x22, out FieldElement x223)
    {
        x1 = a;
        x2 = Multiply(Square(a), a);
        FieldElement x3 = Multiply(Square(x2), a);
        FieldElement x6 = Multiply(SquareTimes(x3, 3), x3);
        FieldElement x9 = Multiply(SquareTimes(x6, 3), x3);
        FieldElement x11 = Multiply(SquareTimes(x9, 2), x2);
        x22 = Multiply(SquareTimes(x11, 11), x11);
        FieldElement x44 = Multiply(SquareTimes(x22, 22), x22);
        FieldElement x88 = Multiply(SquareTimes(x44, 44), x44);
        FieldElement x176 = Multiply(SquareTimes(x88, 88), x88);
        FieldElement x220 = Multiply(SquareTimes(x176, 44), x44);
        x223 = Multiply(SquareTimes(x220, 3), x3);
    }
}
