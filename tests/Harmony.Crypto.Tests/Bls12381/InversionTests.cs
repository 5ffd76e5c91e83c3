using System.Numerics;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

/// <summary>
/// The variable-time and the constant-time (fixed-length, branch-free) safegcd inversions agree with each other and with
/// Fermat's a^(p−2) computed by <see cref="BigInteger"/>.
/// </summary>
public class InversionTests
{
    private static readonly BigInteger P = Fp.Modulus;

    private static BigInteger RandomBelowP(Random random)
    {
        var bytes = new byte[48];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % P;
    }

    private static Fp RandomFp(Random random) => Fp.FromBigInteger(RandomBelowP(random));

    [Fact]
    public void Fp_variable_and_constant_time_inverses_match_BigInteger()
    {
        var random = new Random(1381);
        var edge = new List<BigInteger>
        {
            0, 1, 2, 3, P - 1, P - 2, P - 3, (P - 1) / 2, (P + 1) / 2, BigInteger.Pow(2, 380), BigInteger.Pow(2, 380) - 1,
            BigInteger.Pow(2, 62), BigInteger.Pow(2, 64), BigInteger.Pow(2, 372), BigInteger.Pow(2, 381) - P,
            BigInteger.Pow(2, 384) % P, BigInteger.Pow(2, 768) % P, ulong.MaxValue,
        };
        for (int i = 4; i < 64; i++)
        {
            edge.Add(i);
        }

        for (int i = 0; i < 2000 + edge.Count; i++)
        {
            var a = i < edge.Count ? edge[i] : RandomBelowP(random);
            var fa = Fp.FromBigInteger(a);
            var expected = a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, P - 2, P);
            Fp.InverseVartime(fa).ToBigInteger().ShouldBe(expected);
            Fp.InverseConstantTime(fa).ToBigInteger().ShouldBe(expected);
        }
    }

    [Fact]
    public void Fp_InverseVartime_on_raw_Montgomery_edge_limbs()
    {
        // Representations (not values) at the edges: the safegcd works on the Montgomery limbs directly.
        var raws = new[]
        {
            new Fp(1, 0, 0, 0, 0, 0),
            new Fp(2, 0, 0, 0, 0, 0),
            new Fp(Fp.P0 - 1, Fp.P1, Fp.P2, Fp.P3, Fp.P4, Fp.P5),
            new Fp(Fp.P0 - 2, Fp.P1, Fp.P2, Fp.P3, Fp.P4, Fp.P5),
            new Fp(0, 0, 0, 0, 0, 1UL << 60),
            new Fp(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0x0fffffffffffffff),
        };
        foreach (var raw in raws)
        {
            var inv = Fp.InverseVartime(raw);
            inv.ShouldBe(Fp.InverseConstantTime(raw));
            (inv * raw).ShouldBe(Fp.One);
        }
    }

    [Fact]
    public void Zero_maps_to_zero()
    {
        Fp.InverseVartime(Fp.Zero).IsZero.ShouldBeTrue();
        Fp.InverseConstantTime(Fp.Zero).IsZero.ShouldBeTrue();
        Fp2.Zero.Inverse().IsZero.ShouldBeTrue();
        Fp2.Zero.InverseVartime().IsZero.ShouldBeTrue();
    }

    [Fact]
    public void Extension_field_InverseVartime_matches_constant_time_inverse()
    {
        var random = new Random(2381);
        for (int i = 0; i < 200; i++)
        {
            var a2 = new Fp2(RandomFp(random), RandomFp(random));
            a2.InverseVartime().ShouldBe(a2.Inverse());
            (a2 * a2.InverseVartime()).ShouldBe(Fp2.One);

            var a6 = new Fp6(a2, new Fp2(RandomFp(random), RandomFp(random)), new Fp2(RandomFp(random), RandomFp(random)));
            a6.InverseVartime().ShouldBe(a6.Inverse());

            var a12 = new Fp12(a6, new Fp6(new Fp2(RandomFp(random), RandomFp(random)), a2, new Fp2(RandomFp(random), RandomFp(random))));
            a12.InverseVartime().ShouldBe(a12.Inverse());
        }
    }
}
