using System.Numerics;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// Probable-prime testing for the discriminant and the Wesolowski challenge: trial division by the small primes below
/// 2000, then the Baillie–PSW test (<see cref="IsBailliePswPrime"/>: a strong test to base 2 and a strong Lucas test
/// with Selfridge's parameters; no composite passing it is known, and it costs about three modular exponentiations).
/// </summary>
/// <remarks>
/// Both callers test numbers that come out of SHA-256, so nobody can choose them.
/// </remarks>
internal static class Primality
{
    private const int SmallPrimeLimit = 2000;

    private static readonly int[] SmallPrimes = BuildSmallPrimes(SmallPrimeLimit);

    // Products of consecutive small primes that fit in 63 bits: one big-number remainder per chunk, then word arithmetic.
    private static readonly (ulong Product, int[] Primes)[] Chunks = BuildChunks(SmallPrimes);

    /// <summary>The odd primes below 2000, used for trial division and sieving.</summary>
    internal static ReadOnlySpan<int> OddSmallPrimes => SmallPrimes.AsSpan(1);

    /// <summary>Whether <paramref name="n"/> passes trial division and the Baillie–PSW test.</summary>
    internal static bool IsBailliePswPrime(BigInteger n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n < SmallPrimeLimit)
        {
            return Array.BinarySearch(SmallPrimes, (int)n) >= 0;
        }

        return PassesTrialDivision(n) && PassesStrongTest(n, 2) && PassesStrongLucasTest(n);
    }

    /// <summary>The strong probable-prime test to one base, for odd n &gt; base.</summary>
    internal static bool PassesStrongTest(BigInteger n, int witness)
    {
        BigInteger nMinusOne = n - 1;
        int s = 0;
        BigInteger d = nMinusOne;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        BigInteger x = BigInteger.ModPow(witness, d, n);
        if (x.IsOne || x == nMinusOne)
        {
            return true;
        }

        for (int r = 1; r < s; r++)
        {
            x = BigInteger.ModPow(x, 2, n);
            if (x == nMinusOne)
            {
                return true;
            }

            if (x.IsOne)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The strong Lucas probable-prime test with Selfridge's method A: D is the first of 5, −7, 9, −11, … with Jacobi
    /// symbol (D/n) = −1, P = 1, Q = (1 − D)/4; with n + 1 = d·2^s, n passes when U_d ≡ 0 or V_(d·2^r) ≡ 0 for some r &lt; s.
    /// </summary>
    internal static bool PassesStrongLucasTest(BigInteger n)
    {
        if (n.IsEven || BigMath.IntegerSquareRoot(n) is var root && root * root == n)
        {
            return false;
        }

        long dParameter = 5;
        while (true)
        {
            int jacobi = Jacobi(dParameter, n);
            if (jacobi == -1)
            {
                break;
            }

            if (jacobi == 0 && BigInteger.Abs(dParameter) != n)
            {
                return false;
            }

            dParameter = dParameter > 0 ? -(dParameter + 2) : -dParameter + 2;
        }

        BigInteger q = (1 - dParameter) / 4;
        BigInteger nPlusOne = n + 1;
        int s = 0;
        BigInteger d = nPlusOne;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        // Left-to-right over the bits of d, from U_1 = 1, V_1 = P = 1, Q^1.
        BigInteger u = BigInteger.One, v = BigInteger.One, qk = BigMath.Mod(q, n);
        BigInteger qMod = qk, dMod = BigMath.Mod(dParameter, n);
        for (long bit = d.GetBitLength() - 2; bit >= 0; bit--)
        {
            u = u * v % n;
            v = BigMath.Mod((v * v) - (2 * qk), n);
            qk = qk * qk % n;
            if (!(d >> (int)bit).IsEven)
            {
                BigInteger nextU = Half(u + v, n);
                v = Half((dMod * u) + v, n);
                u = nextU;
                qk = qk * qMod % n;
            }
        }

        if (u.IsZero || v.IsZero)
        {
            return true;
        }

        for (int r = 1; r < s; r++)
        {
            v = BigMath.Mod((v * v) - (2 * qk), n);
            qk = qk * qk % n;
            if (v.IsZero)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Jacobi symbol (a/n) for odd n &gt; 0.</summary>
    internal static int Jacobi(BigInteger a, BigInteger n)
    {
        a = BigMath.Mod(a, n);
        int result = 1;
        while (!a.IsZero)
        {
            while (a.IsEven)
            {
                a >>= 1;
                int r = (int)(n % 8);
                if (r is 3 or 5)
                {
                    result = -result;
                }
            }

            (a, n) = (n, a);
            if (a % 4 == 3 && n % 4 == 3)
            {
                result = -result;
            }

            a %= n;
        }

        return n.IsOne ? result : 0;
    }

    private static BigInteger Half(BigInteger x, BigInteger n)
    {
        x = BigMath.Mod(x, n);
        return (x.IsEven ? x : x + n) >> 1;
    }

    private static bool PassesTrialDivision(BigInteger n)
    {
        foreach (var (product, primes) in Chunks)
        {
            ulong remainder = (ulong)(n % product);
            foreach (int p in primes)
            {
                if (remainder % (ulong)p == 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static (ulong, int[])[] BuildChunks(int[] primes)
    {
        var chunks = new List<(ulong, int[])>();
        var current = new List<int>();
        ulong product = 1;
        foreach (int p in primes)
        {
            if (product > (ulong)long.MaxValue / (ulong)p)
            {
                chunks.Add((product, [.. current]));
                current.Clear();
                product = 1;
            }

            product *= (ulong)p;
            current.Add(p);
        }

        chunks.Add((product, [.. current]));
        return [.. chunks];
    }

    private static int[] BuildSmallPrimes(int limit)
    {
        var composite = new bool[limit];
        var primes = new List<int>();
        for (int i = 2; i < limit; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (int j = i * i; j < limit; j += i)
            {
                composite[j] = true;
            }
        }

        return [.. primes];
    }
}
