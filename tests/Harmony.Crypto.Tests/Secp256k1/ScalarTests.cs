using System.Numerics;
using Harmony.Crypto.Secp256k1;
using static Harmony.Crypto.Tests.Secp256k1.Reference;

namespace Harmony.Crypto.Tests.Secp256k1;

public class ScalarTests
{
    private const int Count = 3000;

    /// <summary>Canonical scalars (inputs reduced mod n), edges included.</summary>
    private static List<BigInteger> Inputs(int seed)
    {
        var values = new List<BigInteger>();
        foreach (BigInteger v in Values256(seed, Count, N))
        {
            values.Add(Mod(v, N));
        }

        return values;
    }

    private static IEnumerable<(BigInteger A, BigInteger B)> Pairs(int seed)
    {
        List<BigInteger> values = Inputs(seed);
        for (int i = 0; i < values.Count; i++)
        {
            yield return (values[i], values[((i * 11) + 5) % values.Count]);
        }

        for (int i = 0; i < 21; i++)
        {
            for (int j = 0; j < 21; j++)
            {
                yield return (values[i], values[j]);
            }
        }
    }

    [Fact]
    public void FromBytes_reduces_and_reports_overflow()
    {
        foreach (BigInteger a in Values256(10, Count, N))
        {
            Scalar s = Scalar.FromBytes(ToBytes32(a), out bool overflow);
            overflow.ShouldBe(a >= N, $"{a:x}");
            ToBig(s).ShouldBe(Mod(a, N));
            Scalar.TryFromBytes(ToBytes32(a), out _).ShouldBe(a < N);
            Scalar.IsBelowOrder(FieldOf(a).L0, FieldOf(a).L1, FieldOf(a).L2, FieldOf(a).L3).ShouldBe(a < N);
        }
    }

    [Fact]
    public void Add_and_negate_match_BigInteger()
    {
        foreach ((BigInteger a, BigInteger b) in Pairs(11))
        {
            ToBig(Scalar.Add(ScalarOf(a), ScalarOf(b))).ShouldBe(Mod(a + b, N));
            ToBig(Scalar.Negate(ScalarOf(a))).ShouldBe(Mod(-a, N));
        }
    }

    [Fact]
    public void Multiply_matches_BigInteger()
    {
        foreach ((BigInteger a, BigInteger b) in Pairs(12))
        {
            ToBig(Scalar.Multiply(ScalarOf(a), ScalarOf(b))).ShouldBe(Mod(a * b, N), $"{a:x} * {b:x}");
            ToBig(Scalar.Square(ScalarOf(a))).ShouldBe(Mod(a * a, N), $"{a:x}^2");
        }
    }

    [Fact]
    public void Reduce512_handles_any_512_bit_input()
    {
        var random = new Random(13);
        BigInteger max = BigInteger.Pow(2, 512) - 1;
        var inputs = new List<BigInteger> { 0, max, max - 1, N * N, (N * N) - 1, N, BigInteger.Pow(2, 256), BigInteger.Pow(2, 384) };
        for (int i = 0; i < Count; i++)
        {
            inputs.Add(RandomBelow(random, TwoTo256) + (RandomBelow(random, TwoTo256) << 256));
        }

        foreach (BigInteger t in inputs)
        {
            ToLimbs(t, out ulong t0, out ulong t1, out ulong t2, out ulong t3);
            ToLimbs(t >> 256, out ulong t4, out ulong t5, out ulong t6, out ulong t7);
            ToBig(Scalar.Reduce512(t0, t1, t2, t3, t4, t5, t6, t7)).ShouldBe(Mod(t, N), $"{t:x}");
        }
    }

    [Fact]
    public void Inversions_match_BigInteger()
    {
        foreach (BigInteger a in Inputs(14).Take(600))
        {
            BigInteger expected = a == 0 ? 0 : BigInteger.ModPow(a, N - 2, N);
            ToBig(Scalar.Invert(ScalarOf(a))).ShouldBe(expected, $"1/{a:x}");
            ToBig(Scalar.InvertVar(ScalarOf(a))).ShouldBe(expected, $"1/{a:x} (var)");
        }
    }

    [Fact]
    public void Variable_time_inversion_inverts_many_values()
    {
        var random = new Random(19);
        for (int i = 0; i < 20000; i++)
        {
            BigInteger a = Mod(RandomBelow(random, i % 2 == 0 ? N : BigInteger.Pow(2, random.Next(1, 257))), N - 1) + 1;
            Scalar inverse = Scalar.InvertVar(ScalarOf(a));
            Mod(ToBig(inverse) * a, N).ShouldBe(BigInteger.One, $"{a:x}");
            ToBig(inverse).ShouldBeLessThan(N);
        }
    }

    [Fact]
    public void IsHigh_compares_with_half_the_order()
    {
        BigInteger half = (N - 1) / 2;
        foreach (BigInteger a in Inputs(15))
        {
            ScalarOf(a).IsHigh.ShouldBe(a > half, $"{a:x}");
        }
    }

    [Fact]
    public void GetBits_extracts_windows_across_limbs()
    {
        var random = new Random(16);
        foreach (BigInteger a in Inputs(16).Take(300))
        {
            Scalar s = ScalarOf(a);
            for (int i = 0; i < 20; i++)
            {
                int count = random.Next(1, 33);
                int offset = random.Next(0, 257 - count);
                s.GetBits(offset, count).ShouldBe((uint)((a >> offset) & ((BigInteger.One << count) - 1)));
            }

            s.BitLengthVar().ShouldBe((int)a.GetBitLength());
        }
    }

    [Fact]
    public void Lambda_is_the_eigenvalue_of_the_endomorphism()
    {
        BigInteger lambda = ToBig(Scalar.Lambda);
        BigInteger.ModPow(lambda, 3, N).ShouldBe(BigInteger.One);
        (BigInteger X, BigInteger Y)? lambdaG = Multiply(lambda, G);
        lambdaG!.Value.X.ShouldBe(Mod(Gx * ToBig(AffinePoint.Beta), P));
        lambdaG.Value.Y.ShouldBe(Gy);
    }

    [Fact]
    public void Lambda_split_recombines_to_the_scalar_with_short_halves()
    {
        BigInteger lambda = ToBig(Scalar.Lambda);
        BigInteger bound = BigInteger.Pow(2, 128);
        foreach (BigInteger k in Inputs(17))
        {
            Scalar.SplitLambdaVar(ScalarOf(k), out Scalar k1, out bool k1Negative, out Scalar k2, out bool k2Negative);
            BigInteger v1 = k1Negative ? -ToBig(k1) : ToBig(k1);
            BigInteger v2 = k2Negative ? -ToBig(k2) : ToBig(k2);
            Mod(v1 + (v2 * lambda), N).ShouldBe(k, $"{k:x}");
            ToBig(k1).ShouldBeLessThan(bound);
            ToBig(k2).ShouldBeLessThan(bound);
        }
    }

    [Fact]
    public void MultiplyShift384_rounds_the_high_part()
    {
        foreach ((BigInteger a, BigInteger b) in Pairs(18).Take(1000))
        {
            BigInteger product = a * b;
            BigInteger expected = (product >> 384) + ((product >> 383) & 1);
            ToBig(Scalar.MultiplyShift384(ScalarOf(a), ScalarOf(b))).ShouldBe(expected);
        }
    }
}
