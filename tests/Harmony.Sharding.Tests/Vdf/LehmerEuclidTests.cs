using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Harmony.Sharding.Vdf;

namespace Harmony.Sharding.Tests.Vdf;

public class LehmerEuclidTests
{
    [Fact]
    public void The_accelerated_sequence_stops_where_plain_euclid_stops()
    {
        var inputs = Gen.Choose(1, int.MaxValue).Three();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(inputs.ToArbitrary(), t =>
        {
            var (seedA, seedB, seedBound) = t;
            var random = new Random(seedA ^ (seedB << 7));
            BigInteger r0 = RandomBits(random, 40 + (seedA % 600));
            BigInteger r1 = RandomBits(random, 1 + (seedB % 640)) % (r0 + 1);
            BigInteger bound = seedBound % 3 == 0 ? BigInteger.Zero : RandomBits(random, seedBound % (int)r0.GetBitLength() + 1);

            BigInteger p0 = r0, p1 = r1, pv0 = 0, pv1 = 1;
            int plainSteps = 0;
            while (p1 > bound)
            {
                BigInteger q = BigInteger.DivRem(p0, p1, out BigInteger rem);
                (p0, p1) = (p1, rem);
                (pv0, pv1) = (pv1, pv0 - (q * pv1));
                plainSteps++;
            }

            BigInteger l0 = r0, l1 = r1, lv0 = 0, lv1 = 1;
            int steps = LehmerEuclid.Run(ref l0, ref l1, ref lv0, ref lv1, bound);
            steps.ShouldBe(plainSteps);
            (l0, l1, lv0, lv1).ShouldBe((p0, p1, pv0, pv1));
        }));
    }

    [Fact]
    public void The_gcd_cofactor_inverts_the_input_modulo_m()
    {
        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            BigInteger m = RandomBits(random, 1 + random.Next(700)) + 1;
            BigInteger a = RandomBits(random, 1 + random.Next(700)) - RandomBits(random, 600);
            BigInteger g = LehmerEuclid.GcdWithCofactor(a, m, out BigInteger y);
            g.ShouldBe(BigInteger.GreatestCommonDivisor(a, m));
            (((y * a) - g) % m).IsZero.ShouldBeTrue();
        }
    }

    private static BigInteger RandomBits(Random random, int bits)
    {
        byte[] bytes = new byte[(bits + 8) / 8];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) >> ((bytes.Length * 8) - bits);
    }
}
