using System.Numerics;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// Probable-prime testing for the discriminant and the Wesolowski challenge: trial division by the small primes below
/// 2000, then Miller–Rabin to the first <see cref="WitnessCount"/> prime bases.
/// </summary>
/// <remarks>
/// Both callers test numbers that come out of SHA-256, so nobody can choose them; a composite that passes 32 fixed
/// strong-probable-prime bases is not something a hash produces in practice.
/// </remarks>
internal static class Primality
{
    /// <summary>How many prime bases Miller–Rabin uses.</summary>
    internal const int WitnessCount = 32;

    private static readonly int[] SmallPrimes = BuildSmallPrimes(2000);

    /// <summary>The odd primes below 2000, used for trial division and sieving.</summary>
    internal static ReadOnlySpan<int> OddSmallPrimes => SmallPrimes.AsSpan(1);

    /// <summary>Whether <paramref name="n"/> is (very probably) prime.</summary>
    internal static bool IsProbablePrime(BigInteger n)
    {
        if (n < 2)
        {
            return false;
        }

        foreach (int p in SmallPrimes)
        {
            if (n == p)
            {
                return true;
            }

            if ((n % p).IsZero)
            {
                return false;
            }
        }

        BigInteger nMinusOne = n - 1;
        int s = 0;
        BigInteger d = nMinusOne;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        for (int i = 0; i < WitnessCount; i++)
        {
            if (!PassesStrongTest(n, nMinusOne, d, s, SmallPrimes[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PassesStrongTest(BigInteger n, BigInteger nMinusOne, BigInteger d, int s, int witness)
    {
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
