using Harmony.Crypto.Bls12381;
using H2C = Harmony.Crypto.Bls12381.HashToCurve;

namespace Harmony.Crypto.Tests.Bls12381.HashToCurve;

/// <summary>Properties of the maps on random inputs: outputs on the curve and in the subgroup; sqrt_ratio's contract.</summary>
public class HashToCurvePropertyTests
{
    private static readonly byte[] Dst = "HARMONY-TEST-V01-CS01-with-BLS12381_XMD:SHA-256_SSWU_RO_"u8.ToArray();

    [Fact]
    public void Hash_outputs_are_on_the_curve_and_in_the_subgroup()
    {
        var random = new Random(2537);
        for (int i = 0; i < 24; i++)
        {
            byte[] message = new byte[random.Next(0, 300)];
            random.NextBytes(message);

            var p1 = H2C.HashToG1(message, Dst).ToAffine();
            p1.IsInfinity.ShouldBeFalse();
            p1.IsOnCurve().ShouldBeTrue();
            G1.IsInSubgroup(p1).ShouldBeTrue();

            var p2 = H2C.HashToG2(message, Dst).ToAffine();
            p2.IsInfinity.ShouldBeFalse();
            p2.IsOnCurve().ShouldBeTrue();
            G2.IsInSubgroup(p2).ShouldBeTrue();

            H2C.EncodeToG1(message, Dst).ToAffine().IsOnCurve().ShouldBeTrue();
            H2C.EncodeToG2(message, Dst).ToAffine().IsOnCurve().ShouldBeTrue();
        }
    }

    [Fact]
    public void Maps_of_special_field_elements_are_on_the_curve()
    {
        // u = 0 and u = ±1 exercise the exceptional branch (tv2 = 0) and sign handling.
        foreach (var u in new[] { Fp.Zero, Fp.One, -Fp.One })
        {
            H2C.MapToG1(u).ToAffine().IsOnCurve().ShouldBeTrue();
            G1.IsInSubgroup(H2C.MapFpToG1(u).ToAffine()).ShouldBeTrue();
        }

        foreach (var u in new[] { Fp2.Zero, Fp2.One, -Fp2.One, new Fp2(Fp.Zero, Fp.One) })
        {
            H2C.MapToG2(u).ToAffine().IsOnCurve().ShouldBeTrue();
            G2.IsInSubgroup(H2C.MapFp2ToG2(u).ToAffine()).ShouldBeTrue();
        }
    }

    [Fact]
    public void Sqrt_ratio_meets_its_contract()
    {
        var random = new Random(9380);
        var z1 = Fp.FromUInt64(11);
        var z2 = new Fp2(-Fp.FromUInt64(2), -Fp.One);
        int squares = 0;
        for (int i = 0; i < 200; i++)
        {
            var u = RandomFp(random);
            var v = RandomFp(random);
            if (v.IsZero)
            {
                continue;
            }

            bool isQr = H2C.SqrtRatioFp(u, v, out var y);
            (y.Square() * v).ShouldBe(isQr ? u : z1 * u);
            isQr.ShouldBe(Fp.IsSquare(u * v));

            // Fp2, including inputs in 𝔽p and on the imaginary axis.
            var u2 = (i % 4) switch
            {
                0 => new Fp2(RandomFp(random), Fp.Zero),
                1 => new Fp2(Fp.Zero, RandomFp(random)),
                2 => Fp2.Zero,
                _ => new Fp2(RandomFp(random), RandomFp(random)),
            };
            var v2 = i % 5 == 0 ? new Fp2(v, Fp.Zero) : new Fp2(v, RandomFp(random));
            bool isQr2 = H2C.SqrtRatioFp2(u2, v2, out var y2);
            (y2.Square() * v2).ShouldBe(isQr2 ? u2 : z2 * u2, $"iteration {i}");
            isQr2.ShouldBe(Fp2.TrySqrt(u2 * v2, out _), $"iteration {i}");
            squares += isQr2 ? 1 : 0;
        }

        squares.ShouldBeInRange(50, 190);
    }

    [Fact]
    public void Wide_reduction_matches_big_integer_arithmetic()
    {
        var random = new Random(64);
        byte[] bytes = new byte[64];
        for (int i = 0; i < 100; i++)
        {
            random.NextBytes(bytes);
            if (i == 0)
            {
                Array.Fill(bytes, (byte)0xff);
            }

            var expected = Fp.FromBigInteger(new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true));
            H2C.ReduceWide(bytes).ShouldBe(expected);
        }
    }

    [Fact]
    public void Squaring_kernel_and_fixed_exponentiation_match_the_core()
    {
        var random = new Random(381);
        var samples = new List<Fp> { Fp.Zero, Fp.One, -Fp.One, -Fp.FromUInt64(2) };
        for (int i = 0; i < 2000; i++)
        {
            samples.Add(RandomFp(random));
        }

        foreach (var x in samples)
        {
            Fp.Sqr(x, out var square);
            square.ShouldBe(x * x);
        }

        foreach (var x in samples.Take(40))
        {
            Fp.PowSqrtInverse(x).ShouldBe(Fp.Pow(x, Fp.Words((Fp.Modulus - 3) / 4)));
        }
    }

    private static Fp RandomFp(Random random)
    {
        byte[] bytes = new byte[64];
        random.NextBytes(bytes);
        return H2C.ReduceWide(bytes);
    }
}
