using System.Numerics;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

/// <summary>Karabina's compressed cyclotomic squaring and the exponentiation by x built on it.</summary>
public class CompressedCyclotomicTests
{
    private static Fp12 RandomCyclotomic(Random random)
    {
        var f = FieldArithmeticTests.RandomFp12(random);
        var t = f.Conjugate() * f.Inverse();
        return t.Frobenius(2) * t;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(63)]
    public void Compressed_squarings_then_decompression_equal_cyclotomic_squarings(int k)
    {
        var random = new Random(1000 + k);
        for (int i = 0; i < 20; i++)
        {
            var g = RandomCyclotomic(random);
            var expected = g;
            CompressedCyclotomic.Compress(g, out var c);
            for (int j = 0; j < k; j++)
            {
                expected = expected.CyclotomicSquare();
                CompressedCyclotomic.Sqr(c, out c);
            }

            var result = new Fp12[1];
            CompressedCyclotomic.TryDecompress([c], result).ShouldBeTrue();
            result[0].ShouldBe(expected);
        }
    }

    [Fact]
    public void Batched_decompression_matches_single_decompressions()
    {
        var random = new Random(77);
        var values = new CompressedCyclotomic.Compressed[6];
        var expected = new Fp12[6];
        for (int i = 0; i < 6; i++)
        {
            var g = RandomCyclotomic(random).CyclotomicSquare();
            expected[i] = g;
            CompressedCyclotomic.Compress(g, out values[i]);
        }

        var batch = new Fp12[6];
        CompressedCyclotomic.TryDecompress(values, batch).ShouldBeTrue();
        batch.ShouldBe(expected);

        // A zero denominator (g1 = 0, e.g. the identity) declines the whole batch.
        CompressedCyclotomic.Compress(Fp12.One, out values[3]);
        CompressedCyclotomic.TryDecompress(values, batch).ShouldBeFalse();
    }

    [Fact]
    public void ExpByX_matches_the_uncompressed_chain()
    {
        var random = new Random(78);
        for (int i = 0; i < 20; i++)
        {
            var g = RandomCyclotomic(random);
            FinalExponentiation.ExpByX(g).ShouldBe(FinalExponentiation.ExpByXUncompressed(g));
        }

        // The identity has g1 = 0 and takes the uncompressed fallback.
        FinalExponentiation.ExpByX(Fp12.One).ShouldBe(Fp12.One);
        CompressedCyclotomic.TryPowAbsX(Fp12.One, out _).ShouldBeFalse();
    }

    [Fact]
    public void Final_exponentiation_is_the_power_3_p12_minus_1_over_r()
    {
        var random = new Random(79);
        var exponent = 3 * (BigInteger.Pow(Fp.Modulus, 12) - 1) / PairingTests.R;
        for (int i = 0; i < 2; i++)
        {
            var f = FieldArithmeticTests.RandomFp12(random);
            var expected = Fp12.One;
            for (int bit = (int)exponent.GetBitLength() - 1; bit >= 0; bit--)
            {
                expected = expected.Square();
                if (!(exponent >> bit).IsEven)
                {
                    expected *= f;
                }
            }

            FinalExponentiation.Run(f).ShouldBe(expected);
        }
    }
}
