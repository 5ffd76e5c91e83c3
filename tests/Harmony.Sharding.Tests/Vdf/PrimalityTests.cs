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
    public void Primes_are_recognised(string value) => Primality.IsProbablePrime(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeTrue();

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
    public void Composites_are_rejected(string value) => Primality.IsProbablePrime(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeFalse();
}
