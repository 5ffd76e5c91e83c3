using System.Numerics;
using Harmony.Crypto.Ed25519;

namespace Harmony.Crypto.Tests.Ed25519;

/// <summary>GF(2^255 - 19) arithmetic against BigInteger on seeded random inputs, including loose (unreduced) limbs.</summary>
public class FieldElementTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private const int Count = 2000;

    [Fact]
    public void Multiply_square_add_subtract_and_negate_match_BigInteger()
    {
        var random = new Random(25519);
        for (int i = 0; i < Count; i++)
        {
            FieldElement a = RandomLoose(random, i);
            FieldElement b = RandomLoose(random, i + 1);
            BigInteger x = ValueOf(a), y = ValueOf(b);
            Check(FieldElement.Multiply(a, b), x * y);
            Check(FieldElement.Square(a), x * x);
            Check(FieldElement.Add(a, b), x + y);
            Check(FieldElement.Subtract(a, b), x - y);
            Check(FieldElement.Negate(a), -x);
            Check(FieldElement.MultiplySmall(a, 121665), x * 121665);
        }
    }

    [Fact]
    public void Invert_and_pow22523_match_BigInteger()
    {
        var random = new Random(2);
        for (int i = 0; i < 200; i++)
        {
            FieldElement a = RandomLoose(random, i);
            BigInteger x = ValueOf(a);
            Check(FieldElement.Invert(a), BigInteger.ModPow(Mod(x), P - 2, P));
            Check(FieldElement.Pow22523(a), BigInteger.ModPow(Mod(x), (P - 5) / 8, P));
        }

        Check(FieldElement.Invert(FieldElement.Zero), 0);
    }

    [Fact]
    public void SqrtRatio_finds_roots_exactly_when_they_exist()
    {
        var random = new Random(3);
        int roots = 0;
        for (int i = 0; i < 300; i++)
        {
            FieldElement u = RandomLoose(random, (2 * i) + 1);
            FieldElement v = RandomLoose(random, (2 * i) + 2);
            BigInteger ratio = Mod(ValueOf(u) * BigInteger.ModPow(Mod(ValueOf(v)), P - 2, P));
            bool isSquare = ratio.IsZero || BigInteger.ModPow(ratio, (P - 1) / 2, P).IsOne;
            ulong found = FieldElement.SqrtRatio(u, v, out FieldElement x);
            (found == 1).ShouldBe(isSquare);
            if (isSquare)
            {
                roots++;
                Mod(ValueOf(x) * ValueOf(x)).ShouldBe(ratio);
            }
        }

        roots.ShouldBeInRange(90, 210);
    }

    [Fact]
    public void Encoding_is_canonical_and_decoding_ignores_the_top_bit()
    {
        var random = new Random(4);
        byte[] buffer = new byte[32];
        for (int i = 0; i < Count; i++)
        {
            FieldElement a = RandomLoose(random, i);
            a.ToBytes(buffer);
            new BigInteger(buffer, isUnsigned: true).ShouldBe(Mod(ValueOf(a)));

            random.NextBytes(buffer);
            BigInteger raw = new BigInteger(buffer, isUnsigned: true) & ((BigInteger.One << 255) - 1);
            ValueOf(FieldElement.FromBytes(buffer)).ShouldBe(raw);
            FieldElement.IsCanonicalEncoding(buffer).ShouldBe(raw < P);
        }

        // Every value from p to 2^255 - 1 is non-canonical and reduces; p - 1 is the largest canonical one.
        for (int k = -1; k < 19; k++)
        {
            (P + k).TryWriteBytes(buffer, out _, isUnsigned: true);
            FieldElement.IsCanonicalEncoding(buffer).ShouldBe(k < 0);
            FieldElement.FromBytes(buffer).ToBytes(buffer);
            new BigInteger(buffer, isUnsigned: true).ShouldBe(Mod(P + k));
        }
    }

    [Fact]
    public void Select_and_swap_follow_the_mask()
    {
        var random = new Random(5);
        FieldElement a = RandomLoose(random, 0), b = RandomLoose(random, 1);
        ValueOf(FieldElement.Select(a, b, 0)).ShouldBe(ValueOf(a));
        ValueOf(FieldElement.Select(a, b, ulong.MaxValue)).ShouldBe(ValueOf(b));
        FieldElement c = a, d = b;
        FieldElement.ConditionalSwap(ref c, ref d, ulong.MaxValue);
        (ValueOf(c), ValueOf(d)).ShouldBe((ValueOf(b), ValueOf(a)));
        FieldElement.ConditionalSwap(ref c, ref d, 0);
        (ValueOf(c), ValueOf(d)).ShouldBe((ValueOf(b), ValueOf(a)));
        FieldElement.Zero.IsZero().ShouldBe(1UL);
        new FieldElement((1UL << 51) - 19, (1UL << 51) - 1, (1UL << 51) - 1, (1UL << 51) - 1, (1UL << 51) - 1).IsZero().ShouldBe(1UL);
        FieldElement.One.IsZero().ShouldBe(0UL);
    }

    /// <summary>
    /// Random limbs below 2^51 (reduced) or up to 2^52 (the most any operation accepts), and sometimes the extreme
    /// all-ones patterns.
    /// </summary>
    private static FieldElement RandomLoose(Random random, int i)
    {
        int bits = (i % 2 == 0) ? 51 : 52;
        ulong Limb() => i % 17 == 0 ? (1UL << bits) - 1 : (ulong)random.NextInt64() & ((1UL << bits) - 1);
        return new FieldElement(Limb(), Limb(), Limb(), Limb(), Limb());
    }

    private static BigInteger ValueOf(in FieldElement a) =>
        a.L0 + ((BigInteger)a.L1 << 51) + ((BigInteger)a.L2 << 102) + ((BigInteger)a.L3 << 153) + ((BigInteger)a.L4 << 204);

    private static BigInteger Mod(BigInteger x) => ((x % P) + P) % P;

    private static void Check(in FieldElement actual, BigInteger expected)
    {
        Mod(ValueOf(actual)).ShouldBe(Mod(expected));

        // Every output is carried: limbs below 2^51 + 2^10, inside the 2^52 every operation accepts.
        foreach (ulong limb in new[] { actual.L0, actual.L1, actual.L2, actual.L3, actual.L4 })
        {
            limb.ShouldBeLessThan((1UL << 51) + (1UL << 10));
        }
    }
}
