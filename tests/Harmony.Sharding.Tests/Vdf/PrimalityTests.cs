using System.Numerics;
using Harmony.Sharding.Vdf;

namespace Harmony.Sharding.Tests.Vdf;

public class PrimalityTests
{
    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("1999")]
    [InlineData("2003")]
    [InlineData("4000037")] // a prime above 2000², so only Miller–Rabin can accept it
    [InlineData("170141183460469231731687303715884105727")] // 2^127 − 1
    [InlineData("57896044618658097711785492504343953926634992332820282019728792003956564819949")] // 2^255 − 19
    public void Primes_are_recognised(string value)
    {
        var n = BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Primality.IsBailliePswPrime(n).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1995")]
    [InlineData("4000036")]
    [InlineData("2047")] // strong pseudoprime to base 2
    [InlineData("3215031751")] // strong pseudoprime to bases 2, 3, 5 and 7
    [InlineData("3825123056546413051")] // strong pseudoprime to the first nine prime bases
    [InlineData("561")] // Carmichael number
    [InlineData("4028033")] // 2003 · 2011: no factor below 2000, so Miller–Rabin must reject it
    public void Composites_are_rejected(string value)
    {
        var n = BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Primality.IsBailliePswPrime(n).ShouldBeFalse();
    }

    [Theory]
    [InlineData(5459)]
    [InlineData(5777)]
    [InlineData(10877)]
    [InlineData(16109)]
    [InlineData(18971)]
    [InlineData(22499)]
    [InlineData(58519)]
    public void Strong_lucas_pseudoprimes_pass_the_lucas_half_and_fail_the_base_two_half(int n)
    {
        Primality.PassesStrongLucasTest(n).ShouldBeTrue();
        Primality.PassesStrongTest(n, 2).ShouldBeFalse();
    }

    [Theory]
    [InlineData(2047)]
    [InlineData(3277)]
    [InlineData(4033)]
    [InlineData(4681)]
    [InlineData(8321)]
    [InlineData(15841)]
    [InlineData(29341)]
    public void Strong_base_two_pseudoprimes_fail_the_lucas_half(int n)
    {
        Primality.PassesStrongTest(n, 2).ShouldBeTrue();
        Primality.PassesStrongLucasTest(n).ShouldBeFalse();
    }

    [Fact]
    public void Both_tests_agree_with_trial_division_on_every_odd_number_below_100000()
    {
        for (int n = 2001; n < 100_000; n += 2)
        {
            bool prime = true;
            for (int d = 3; d * d <= n; d += 2)
            {
                if (n % d == 0)
                {
                    prime = false;
                    break;
                }
            }

            Primality.IsBailliePswPrime(n).ShouldBe(prime, $"{n}");
            if (prime)
            {
                Primality.PassesStrongLucasTest(n).ShouldBeTrue($"{n}");
            }
        }
    }

    [Theory]
    [InlineData(1, 3, 1)]
    [InlineData(2, 3, -1)]
    [InlineData(5, 21, 1)]
    [InlineData(-7, 9, 1)]
    [InlineData(3, 15, 0)]
    [InlineData(1001, 9907, -1)]
    public void The_jacobi_symbol_matches_known_values(int a, int n, int expected) => Primality.Jacobi(a, n).ShouldBe(expected);
}
