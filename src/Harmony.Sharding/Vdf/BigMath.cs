using System.Numerics;

namespace Harmony.Sharding.Vdf;

/// <summary>Integer helpers over <see cref="BigInteger"/> that the class-group code needs: floor division, gcd with cofactors, roots.</summary>
internal static class BigMath
{
    /// <summary>⌊n / d⌋ for d &gt; 0 (BigInteger.Divide truncates toward zero instead).</summary>
    internal static BigInteger FloorDivide(BigInteger n, BigInteger d)
    {
        BigInteger q = BigInteger.DivRem(n, d, out BigInteger r);
        return r.Sign < 0 ? q - BigInteger.One : q;
    }

    /// <summary>n mod m in [0, m) for m &gt; 0.</summary>
    internal static BigInteger Mod(BigInteger n, BigInteger m)
    {
        BigInteger r = BigInteger.Remainder(n, m);
        return r.Sign < 0 ? r + m : r;
    }

    /// <summary>⌊√n⌋ for n ≥ 0 by Newton's iteration.</summary>
    internal static BigInteger IntegerSquareRoot(BigInteger n)
    {
        if (n.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "The square root of a negative number is not an integer.");
        }

        if (n < 2)
        {
            return n;
        }

        int bits = (int)n.GetBitLength();
        BigInteger x = BigInteger.One << ((bits + 1) / 2);
        while (true)
        {
            BigInteger next = (x + (n / x)) >> 1;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }
}
