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

    private const int SmallPrimeLimit = 2000;

    private static readonly int[] SmallPrimes = BuildSmallPrimes(SmallPrimeLimit);

    // Products of consecutive small primes that fit in 63 bits: one big-number remainder per chunk, then word arithmetic.
    private static readonly (ulong Product, int[] Primes)[] Chunks = BuildChunks(SmallPrimes);

    /// <summary>The odd primes below 2000, used for trial division and sieving.</summary>
    internal static ReadOnlySpan<int> OddSmallPrimes => SmallPrimes.AsSpan(1);

    /// <summary>Whether <paramref name="n"/> is (very probably) prime.</summary>
    internal static bool IsProbablePrime(BigInteger n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n < SmallPrimeLimit)
        {
            return Array.BinarySearch(SmallPrimes, (int)n) >= 0;
        }

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
