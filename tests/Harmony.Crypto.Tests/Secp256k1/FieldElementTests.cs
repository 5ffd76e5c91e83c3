using System.Numerics;
using Harmony.Crypto.Secp256k1;
using static Harmony.Crypto.Tests.Secp256k1.Reference;

namespace Harmony.Crypto.Tests.Secp256k1;

public class FieldElementTests
{
    private const int Count = 3000;

    private static List<BigInteger> Inputs(int seed) => [.. Values256(seed, Count, P)];

    private static IEnumerable<(BigInteger A, BigInteger B)> Pairs(int seed)
    {
        List<BigInteger> values = Inputs(seed);
        for (int i = 0; i < values.Count; i++)
        {
            yield return (values[i], values[((i * 7) + 3) % values.Count]);
        }

        // Every pair of edge values.
        for (int i = 0; i < 21; i++)
        {
            for (int j = 0; j < 21; j++)
            {
                yield return (values[i], values[j]);
            }
        }
    }

    [Fact]
    public void Add_matches_BigInteger()
    {
        foreach ((BigInteger a, BigInteger b) in Pairs(1))
        {
            ToBig(FieldElement.Normalize(FieldElement.Add(FieldOf(a), FieldOf(b)))).ShouldBe(Mod(a + b, P), $"{a:x} + {b:x}");
        }
    }

    [Fact]
    public void Subtract_matches_BigInteger()
    {
        foreach ((BigInteger a, BigInteger b) in Pairs(2))
        {
            ToBig(FieldElement.Normalize(FieldElement.Subtract(FieldOf(a), FieldOf(b)))).ShouldBe(Mod(a - b, P), $"{a:x} - {b:x}");
        }
    }

    [Fact]
    public void Multiply_matches_BigInteger()
    {
        foreach ((BigInteger a, BigInteger b) in Pairs(3))
        {
            ToBig(FieldElement.Normalize(FieldElement.Multiply(FieldOf(a), FieldOf(b)))).ShouldBe(Mod(a * b, P), $"{a:x} * {b:x}");
        }
    }

    [Fact]
    public void Square_matches_BigInteger()
    {
        foreach (BigInteger a in Inputs(4))
        {
            ToBig(FieldElement.Normalize(FieldElement.Square(FieldOf(a)))).ShouldBe(Mod(a * a, P), $"{a:x}^2");
        }
    }

    [Fact]
    public void Negate_and_small_multiples_match_BigInteger()
    {
        var random = new Random(5);
        foreach (BigInteger a in Inputs(5))
        {
            ToBig(FieldElement.Normalize(FieldElement.Negate(FieldOf(a)))).ShouldBe(Mod(-a, P));
            uint k = (uint)random.Next() | (random.Next(2) == 0 ? 0x80000000u : 0u);
            for (int shift = 1; shift <= 3; shift++)
            {
                ToBig(FieldElement.Normalize(FieldElement.MultiplyByPowerOfTwo(FieldOf(a), shift))).ShouldBe(Mod(a << shift, P), $"{a:x} << {shift}");
            }

            ToBig(FieldElement.Normalize(FieldElement.Double(FieldOf(a)))).ShouldBe(Mod(2 * a, P));
            ToBig(FieldElement.Normalize(FieldElement.MultiplySmall(FieldOf(a), k))).ShouldBe(Mod(a * k, P));
            ToBig(FieldElement.Normalize(FieldElement.MultiplySmall(FieldOf(a), uint.MaxValue))).ShouldBe(Mod(a * uint.MaxValue, P));
        }
    }

    [Fact]
    public void Normalize_gives_the_canonical_value_and_IsCanonical_tells_it()
    {
        foreach (BigInteger a in Inputs(6))
        {
            FieldElement normal = FieldElement.Normalize(FieldOf(a));
            ToBig(normal).ShouldBe(Mod(a, P));
            FieldElement.IsCanonical(FieldOf(a)).ShouldBe(a < P);
            FieldOf(a).IsZero.ShouldBe(Mod(a, P) == 0);
            FieldOf(a).IsOdd.ShouldBe(!Mod(a, P).IsEven);
        }
    }

    [Fact]
    public void Inversions_match_BigInteger()
    {
        foreach (BigInteger a in Inputs(7).Take(600))
        {
            BigInteger expected = Mod(a, P) == 0 ? 0 : BigInteger.ModPow(Mod(a, P), P - 2, P);
            ToBig(FieldElement.Normalize(FieldElement.Invert(FieldOf(a)))).ShouldBe(expected, $"1/{a:x}");
            ToBig(FieldElement.Normalize(FieldElement.InvertVar(FieldOf(a)))).ShouldBe(expected, $"1/{a:x} (var)");
        }
    }

    [Fact]
    public void Variable_time_inversion_inverts_many_values()
    {
        var random = new Random(17);
        for (int i = 0; i < 20000; i++)
        {
            BigInteger a = RandomBelow(random, i % 2 == 0 ? P : BigInteger.Pow(2, random.Next(1, 257))) + 1;
            FieldElement inverse = FieldElement.InvertVar(FieldOf(a));
            Mod(ToBig(inverse) * a, P).ShouldBe(Mod(a, P) == 0 ? 0 : 1, $"{a:x}");
            FieldElement.IsCanonical(inverse).ShouldBeTrue();
        }
    }

    [Fact]
    public void Square_root_exists_exactly_for_residues()
    {
        foreach (BigInteger a in Inputs(8).Take(600))
        {
            BigInteger value = Mod(a, P);
            bool isResidue = value == 0 || BigInteger.ModPow(value, (P - 1) / 2, P) == 1;
            FieldElement.TrySqrt(FieldOf(a), out FieldElement root).ShouldBe(isResidue, $"sqrt {a:x}");
            if (isResidue)
            {
                Mod(ToBig(root) * ToBig(root), P).ShouldBe(value);
            }
        }
    }

    [Fact]
    public void Bytes_round_trip_and_range_check()
    {
        foreach (BigInteger a in Inputs(9))
        {
            byte[] bytes = ToBytes32(a);
            FieldElement.TryFromBytes(bytes, out FieldElement element).ShouldBe(a < P);
            ToBig(element).ShouldBe(a);
            byte[] written = new byte[32];
            element.WriteBytes(written);
            FromBytes(written).ShouldBe(Mod(a, P));
        }
    }

    [Fact]
    public void Select_and_conditional_negate_follow_the_mask()
    {
        FieldElement a = FieldOf(12345);
        FieldElement b = FieldOf(P - 5);
        ToBig(FieldElement.Select(a, b, 0)).ShouldBe(12345);
        ToBig(FieldElement.Select(a, b, ulong.MaxValue)).ShouldBe(P - 5);
        ToBig(FieldElement.Normalize(FieldElement.ConditionalNegate(a, ulong.MaxValue))).ShouldBe(P - 12345);
        ToBig(FieldElement.ConditionalNegate(a, 0)).ShouldBe(12345);
    }

    [Fact]
    public void Beta_is_a_nontrivial_cube_root_of_unity()
    {
        BigInteger beta = ToBig(AffinePoint.Beta);
        beta.ShouldNotBe(BigInteger.One);
        BigInteger.ModPow(beta, 3, P).ShouldBe(BigInteger.One);
    }
}
