using System.Numerics;
using Harmony.Sharding.Vdf;

namespace Harmony.Sharding.Tests.Vdf;

public class DiscriminantDerivationTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(128)]
    [InlineData(1024)]
    public void Derived_discriminants_are_negated_primes_of_the_requested_size_and_one_mod_eight(int bits)
    {
        BigInteger d = DiscriminantDerivation.FromSeed("epoch 7"u8, bits);
        d.Sign.ShouldBe(-1);
        BigInteger p = -d;
        p.GetBitLength().ShouldBe(bits);
        (p % 8).ShouldBe(new BigInteger(7));
        IsPrimeByIndependentMillerRabin(p).ShouldBeTrue();
        ClassGroup.TryCreate(d, out _, out _).ShouldBeTrue();
    }

    [Fact]
    public void Derivation_is_deterministic_and_depends_on_the_seed()
    {
        DiscriminantDerivation.FromSeed("a"u8, 256).ShouldBe(DiscriminantDerivation.FromSeed("a"u8, 256));
        DiscriminantDerivation.FromSeed("a"u8, 256).ShouldNotBe(DiscriminantDerivation.FromSeed("b"u8, 256));
        DiscriminantDerivation.FromSeed("a"u8, 256).ShouldNotBe(DiscriminantDerivation.FromSeed("a"u8, 264));
    }

    private static bool IsPrimeByIndependentMillerRabin(BigInteger n)
    {
        // Random bases from a fixed-seed generator, unrelated to the fixed bases the library uses.
        var random = new Random(12345);
        BigInteger d = n - 1;
        int s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        byte[] buffer = new byte[(int)((n.GetBitLength() + 7) / 8)];
        for (int round = 0; round < 20; round++)
        {
            random.NextBytes(buffer);
            BigInteger a = (new BigInteger(buffer, isUnsigned: true) % (n - 3)) + 2;
            BigInteger x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1)
            {
                continue;
            }

            bool composite = true;
            for (int r = 1; r < s && composite; r++)
            {
                x = BigInteger.ModPow(x, 2, n);
                composite = x != n - 1;
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }
}
