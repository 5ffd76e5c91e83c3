using System.Numerics;
using Harmony.Crypto.Ed25519;

namespace Harmony.Crypto.Tests.Ed25519;

/// <summary>Arithmetic modulo the group order L and wNAF recoding, against BigInteger on seeded random inputs.</summary>
public class ScalarTests
{
    private static readonly BigInteger Order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");

    [Fact]
    public void Wide_reduction_matches_BigInteger()
    {
        var random = new Random(512);
        byte[] wide = new byte[64];
        byte[] result = new byte[32];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(wide);
            if (i == 0)
            {
                wide.AsSpan().Fill(0xFF);
            }
            else if (i == 1)
            {
                wide.AsSpan().Clear();
            }

            Scalar.FromBytesWide(wide).ToBytes(result);
            new BigInteger(result, isUnsigned: true).ShouldBe(new BigInteger(wide, isUnsigned: true) % Order);
        }
    }

    [Fact]
    public void MultiplyAdd_matches_BigInteger_for_clamped_and_reduced_operands()
    {
        var random = new Random(1);
        byte[] result = new byte[32];
        for (int i = 0; i < 2000; i++)
        {
            BigInteger k = RandomBelow(random, Order);
            BigInteger c = RandomBelow(random, Order);
            byte[] multiplier = new byte[32];
            random.NextBytes(multiplier);
            if (i % 2 == 0)
            {
                multiplier[0] &= 248;
                multiplier[31] = (byte)((multiplier[31] & 127) | 64);
            }
            else if (i % 5 == 1)
            {
                multiplier.AsSpan().Fill(0xFF);
            }

            BigInteger a = new(multiplier, isUnsigned: true);
            Scalar.MultiplyAdd(ScalarOf(k), Scalar.FromBytesUnreduced(multiplier), ScalarOf(c)).ToBytes(result);
            new BigInteger(result, isUnsigned: true).ShouldBe((c + (k * a)) % Order);
        }
    }

    [Fact]
    public void Canonical_check_accepts_exactly_the_values_below_L()
    {
        byte[] buffer = new byte[32];
        foreach (BigInteger value in new[] { BigInteger.Zero, Order - 1, Order, Order + 1, BigInteger.Pow(2, 253), BigInteger.Pow(2, 256) - 1 })
        {
            buffer.AsSpan().Clear();
            value.TryWriteBytes(buffer, out _, isUnsigned: true);
            Scalar.IsCanonical(buffer).ShouldBe(value < Order, value.ToString());
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public void Wnaf_digits_are_sparse_odd_and_sum_to_the_scalar(int width)
    {
        var random = new Random(width);
        Span<sbyte> digits = stackalloc sbyte[Wnaf.Length];
        for (int i = 0; i < 500; i++)
        {
            BigInteger value = i == 0 ? Order - 1 : RandomBelow(random, Order);
            byte[] scalar = new byte[32];
            value.TryWriteBytes(scalar, out _, isUnsigned: true);
            Wnaf.Compute(scalar, width, digits);

            BigInteger sum = 0;
            int lastNonZero = -width;
            for (int bit = 0; bit < Wnaf.Length; bit++)
            {
                int d = digits[bit];
                if (d == 0)
                {
                    continue;
                }

                (d & 1).ShouldBe(1);
                Math.Abs(d).ShouldBeLessThan(1 << (width - 1));
                (bit - lastNonZero).ShouldBeGreaterThanOrEqualTo(width);
                lastNonZero = bit;
                sum += d * BigInteger.Pow(2, bit);
            }

            sum.ShouldBe(value);
        }
    }

    private static Scalar ScalarOf(BigInteger value)
    {
        byte[] bytes = new byte[64];
        value.TryWriteBytes(bytes, out _, isUnsigned: true);
        return Scalar.FromBytesWide(bytes);
    }

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        byte[] bytes = new byte[40];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }
}
