using System.Numerics;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// The Euclidean remainder sequence with one cofactor, accelerated by Lehmer's method: runs of quotients are found from
/// the leading 62 bits in machine words (Knuth's Algorithm L, with Collins' two-sided quotient check so that every
/// simulated quotient is the true one) and applied to the big numbers as one 2×2 matrix. This replaces roughly 30 big
/// divisions and 60 big multiplications by four multiplications per run.
/// </summary>
internal static class LehmerEuclid
{
    private const int WordBits = 62;

    /// <summary>
    /// Runs Euclid steps <c>(r0, r1) → (r1, r0 mod r1)</c>, <c>(v0, v1) → (v1, v0 − q·v1)</c> while <c>r1 &gt; bound</c>,
    /// i.e. stops at the first remainder ≤ bound (bound 0 runs to the gcd, which is then in r0).
    /// </summary>
    /// <param name="r0">The larger remainder, ≥ r1 ≥ 0.</param>
    /// <param name="r1">The smaller remainder.</param>
    /// <param name="v0">The cofactor of r0.</param>
    /// <param name="v1">The cofactor of r1.</param>
    /// <param name="bound">Where to stop, ≥ 0.</param>
    /// <returns>The number of steps taken (its parity is the sign of the transformation's determinant).</returns>
    internal static int Run(ref BigInteger r0, ref BigInteger r1, ref BigInteger v0, ref BigInteger v1, BigInteger bound)
    {
        int steps = 0;
        while (r1 > bound)
        {
            long bits = r0.GetBitLength();
            if (bits <= WordBits)
            {
                steps += RunInWords(ref r0, ref r1, ref v0, ref v1, (long)bound);
                return steps;
            }

            int shift = (int)bits - WordBits;
            BigInteger scaledBound = bound >> shift;
            if (TryLehmerRun(r0, r1, shift, scaledBound, out Matrix m) && m.Steps > 0)
            {
                BigInteger next1 = (m.C * r0) + (m.D * r1);
                if (next1 > bound)
                {
                    BigInteger next0 = (m.A * r0) + (m.B * r1);
                    BigInteger nextV0 = (m.A * v0) + (m.B * v1);
                    v1 = (m.C * v0) + (m.D * v1);
                    v0 = nextV0;
                    r0 = next0;
                    r1 = next1;
                    steps += m.Steps;
                    continue;
                }
            }

            BigInteger q = BigInteger.DivRem(r0, r1, out BigInteger remainder);
            r0 = r1;
            r1 = remainder;
            (v0, v1) = (v1, v0 - (q * v1));
            steps++;
        }

        return steps;
    }

    /// <summary>
    /// For m &gt; 0: g = gcd(a mod m, m) and a cofactor y with <c>y·a ≡ g (mod m)</c>.
    /// </summary>
    internal static BigInteger GcdWithCofactor(BigInteger a, BigInteger m, out BigInteger cofactor)
    {
        BigInteger r0 = m, r1 = BigMath.Mod(a, m), v0 = BigInteger.Zero, v1 = BigInteger.One;
        Run(ref r0, ref r1, ref v0, ref v1, BigInteger.Zero);
        cofactor = v0;
        return r0;
    }

    private static bool TryLehmerRun(BigInteger r0, BigInteger r1, int shift, BigInteger scaledBound, out Matrix matrix)
    {
        matrix = default;
        if (scaledBound >= (BigInteger.One << WordBits))
        {
            return false;
        }

        long floor = (long)scaledBound + 1;
        long u = (long)(r0 >> shift);
        long v = (long)(r1 >> shift);
        long a = 1, b = 0, c = 0, d = 1;
        int steps = 0;
        while (v + c != 0 && v + d != 0)
        {
            long q = (u + a) / (v + c);
            if (q != (u + b) / (v + d))
            {
                break;
            }

            long next = u - (q * v);
            if (next <= floor)
            {
                // Keep the run clear of the stopping bound; the last steps are taken one at a time.
                break;
            }

            (a, c) = (c, a - (q * c));
            (b, d) = (d, b - (q * d));
            u = v;
            v = next;
            steps++;
        }

        matrix = new Matrix(a, b, c, d, steps);
        return true;
    }

    private static int RunInWords(ref BigInteger r0, ref BigInteger r1, ref BigInteger v0, ref BigInteger v1, long bound)
    {
        long x = (long)r0, y = (long)r1;
        Int128 a = 1, b = 0, c = 0, d = 1;
        int steps = 0;
        while (y > bound)
        {
            long q = x / y;
            (x, y) = (y, x - (q * y));
            (a, c) = (c, a - (q * c));
            (b, d) = (d, b - (q * d));
            steps++;
        }

        BigInteger nextV0 = ((BigInteger)a * v0) + ((BigInteger)b * v1);
        v1 = ((BigInteger)c * v0) + ((BigInteger)d * v1);
        v0 = nextV0;
        r0 = x;
        r1 = y;
        return steps;
    }

    private readonly record struct Matrix(long A, long B, long C, long D, int Steps);
}
