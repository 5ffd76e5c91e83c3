using System.Numerics;
using Harmony.Crypto.Secp256k1;
using static Harmony.Crypto.Tests.Secp256k1.Reference;

namespace Harmony.Crypto.Tests.Secp256k1;

public class GroupLawTests
{
    // Published coordinates of G, and abscissas of 2G and 3G.
    private static readonly BigInteger TwoGx = Hex("C6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5");
    private static readonly BigInteger ThreeGx = Hex("F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9");

    private static JacobianPoint Jacobian(BigInteger k) => JacobianPoint.FromAffine(Affine(Multiply(k, G)));

    /// <summary>The same point with a random Z, so that formulas are exercised with Z != 1.</summary>
    private static JacobianPoint Rescale(JacobianPoint p, BigInteger t)
    {
        FieldElement tf = FieldOf(t);
        FieldElement t2 = FieldElement.Square(tf);
        return new JacobianPoint(
            FieldElement.Multiply(p.X, t2), FieldElement.Multiply(p.Y, FieldElement.Multiply(t2, tf)), FieldElement.Multiply(p.Z, tf));
    }

    [Fact]
    public void Generator_and_its_small_multiples_have_the_published_coordinates()
    {
        AffinePoint g = AffinePoint.Generator;
        g.IsOnCurve.ShouldBeTrue();
        ToBig(g).ShouldBe((Gx, Gy));

        ToBig(JacobianPoint.DoubleVar(JacobianPoint.FromAffine(g))).ShouldBe(Multiply(2, G));
        ToBig(JacobianPoint.DoubleVar(JacobianPoint.FromAffine(g)))!.Value.X.ShouldBe(TwoGx);
        JacobianPoint three = JacobianPoint.AddVar(JacobianPoint.DoubleVar(JacobianPoint.FromAffine(g)), g);
        ToBig(three)!.Value.X.ShouldBe(ThreeGx);

        ToBig(GeneratorMultiplier.Multiply(Scalar.One)).ShouldBe((Gx, Gy));
        ToBig(GeneratorMultiplier.Multiply(ScalarOf(2))).X.ShouldBe(TwoGx);
        ToBig(GeneratorMultiplier.Multiply(ScalarOf(3))).X.ShouldBe(ThreeGx);
    }

    [Fact]
    public void Order_times_G_is_infinity_and_n_minus_1_times_G_is_minus_G()
    {
        Multiply(N, G).ShouldBeNull();
        AffinePoint minusG = GeneratorMultiplier.Multiply(ScalarOf(N - 1));
        ToBig(minusG).ShouldBe((Gx, P - Gy));
        JacobianPoint.AddVar(JacobianPoint.FromAffine(minusG), AffinePoint.Generator).IsInfinity.ShouldBeTrue();
    }

    [Fact]
    public void Mixed_and_general_additions_agree_with_the_reference_including_exceptional_cases()
    {
        var random = new Random(21);
        for (int i = 0; i < 40; i++)
        {
            BigInteger a = RandomBelow(random, N);
            BigInteger b = i % 4 == 0 ? a : i % 4 == 1 ? N - a : RandomBelow(random, N);
            BigInteger t = RandomBelow(random, P - 1) + 1;
            JacobianPoint pa = Rescale(Jacobian(a), t);
            AffinePoint pb = Affine(Multiply(b, G));
            (BigInteger X, BigInteger Y)? expected = Add(Multiply(a, G), Multiply(b, G));

            ToBig(JacobianPoint.AddVar(pa, pb)).ShouldBe(expected);
            ToBig(JacobianPoint.AddVar(pa, Rescale(JacobianPoint.FromAffine(pb), t + 1))).ShouldBe(expected);
            ToBig(JacobianPoint.AddVar(JacobianPoint.Infinity, pb)).ShouldBe(Multiply(b, G));
            ToBig(JacobianPoint.AddVar(pa, JacobianPoint.Infinity)).ShouldBe(Multiply(a, G));
            ToBig(JacobianPoint.DoubleVar(pa)).ShouldBe(Multiply(2 * a, G));
        }
    }

    [Fact]
    public void Addition_with_a_scaled_affine_point_maps_through_the_isomorphism()
    {
        var random = new Random(22);
        for (int i = 0; i < 30; i++)
        {
            BigInteger a = RandomBelow(random, N);
            BigInteger b = i % 3 == 0 ? a : RandomBelow(random, N);
            BigInteger s = RandomBelow(random, P - 1) + 1;

            // On the curve scaled by s, P becomes (x s^2, y s^3) and G-points are (x, y, 1/s).
            AffinePoint pa = Affine(Multiply(a, G));
            FieldElement sf = FieldOf(s);
            FieldElement s2 = FieldElement.Square(sf);
            var scaled = new JacobianPoint(FieldElement.Multiply(pa.X, s2), FieldElement.Multiply(pa.Y, FieldElement.Multiply(s2, sf)), FieldElement.One);
            JacobianPoint sum = JacobianPoint.AddVar(scaled, Affine(Multiply(b, G)), sf);

            // Back on the real curve the result is (X, Y, Z s).
            var back = new JacobianPoint(sum.X, sum.Y, FieldElement.Multiply(sum.Z, sf));
            ToBig(back).ShouldBe(Add(Multiply(a, G), Multiply(b, G)));
        }
    }

    [Fact]
    public void Addition_is_associative_and_commutative_and_has_inverses()
    {
        var random = new Random(23);
        for (int i = 0; i < 20; i++)
        {
            JacobianPoint a = Jacobian(RandomBelow(random, N));
            JacobianPoint b = Jacobian(RandomBelow(random, N));
            JacobianPoint c = Jacobian(RandomBelow(random, N));
            ToBig(JacobianPoint.AddVar(JacobianPoint.AddVar(a, b), c)).ShouldBe(ToBig(JacobianPoint.AddVar(a, JacobianPoint.AddVar(b, c))));
            ToBig(JacobianPoint.AddVar(a, b)).ShouldBe(ToBig(JacobianPoint.AddVar(b, a)));
            JacobianPoint.AddVar(a, a.Negate()).IsInfinity.ShouldBeTrue();
            ToBig(JacobianPoint.AddVar(a, a)).ShouldBe(ToBig(JacobianPoint.DoubleVar(a)));
        }
    }

    [Fact]
    public void Complete_projective_addition_covers_doubling_inverses_and_identity()
    {
        var random = new Random(24);
        for (int i = 0; i < 30; i++)
        {
            BigInteger a = RandomBelow(random, N - 1) + 1;
            BigInteger b = i % 3 == 0 ? a : i % 3 == 1 ? N - a : RandomBelow(random, N - 1) + 1;
            AffinePoint pa = Affine(Multiply(a, G));
            AffinePoint pb = Affine(Multiply(b, G));
            var projective = new ProjectivePoint(pa.X, pa.Y, FieldElement.One);
            ProjectivePoint sum = ProjectivePoint.Add(projective, pb);
            (BigInteger X, BigInteger Y)? expected = Add(Multiply(a, G), Multiply(b, G));
            if (expected is null)
            {
                sum.Z.IsZero.ShouldBeTrue();
            }
            else
            {
                ToBig(sum.ToAffine()).ShouldBe(expected.Value);
            }

            ToBig(ProjectivePoint.Add(ProjectivePoint.Identity, pb).ToAffine()).ShouldBe(ToBig(pb));
        }
    }

    [Fact]
    public void Constant_time_generator_multiplication_matches_double_and_add()
    {
        var random = new Random(25);
        var scalars = new List<BigInteger> { 1, 2, 3, 15, 16, 17, 31, 32, 33, N - 1, N - 2, (N - 1) / 2, BigInteger.Pow(2, 252), BigInteger.Pow(2, 255), BigInteger.Pow(2, 255) + 1, BigInteger.Pow(2, 250) - 1, BigInteger.Pow(2, 128) - 1, N - BigInteger.Pow(2, 200) };
        for (int i = 0; i < 60; i++)
        {
            scalars.Add(RandomBelow(random, N - 1) + 1);
        }

        foreach (BigInteger k in scalars)
        {
            ToBig(GeneratorMultiplier.Multiply(ScalarOf(k))).ShouldBe(Multiply(k, G)!.Value, $"{k:x}");
        }
    }

    [Fact]
    public void Double_scalar_multiplication_matches_the_reference()
    {
        var random = new Random(26);
        for (int i = 0; i < 40; i++)
        {
            BigInteger a = i % 5 == 0 ? 0 : RandomBelow(random, N);
            BigInteger b = i % 7 == 1 ? 0 : RandomBelow(random, N);
            BigInteger q = RandomBelow(random, N - 1) + 1;
            (BigInteger X, BigInteger Y)? qPoint = Multiply(q, G);
            JacobianPoint result = DoubleScalarMultiplier.MultiplyAddVar(ScalarOf(a), ScalarOf(b), Affine(qPoint));
            ToBig(result).ShouldBe(Add(Multiply(a, G), Multiply(b, qPoint)), $"{a:x} G + {b:x} Q");
        }
    }

    [Fact]
    public void Double_scalar_multiplication_handles_cancellation_to_infinity()
    {
        // a G + b (c G) = infinity when a = -b c mod n.
        var random = new Random(27);
        for (int i = 0; i < 10; i++)
        {
            BigInteger b = RandomBelow(random, N - 1) + 1;
            BigInteger c = RandomBelow(random, N - 1) + 1;
            BigInteger a = Mod(-b * c, N);
            DoubleScalarMultiplier.MultiplyAddVar(ScalarOf(a), ScalarOf(b), Affine(Multiply(c, G))).IsInfinity.ShouldBeTrue();
        }
    }

    [Fact]
    public void Wnaf_digits_reconstruct_the_scalar()
    {
        var random = new Random(28);
        short[] digits = new short[Wnaf.MaxLength];
        foreach (int width in new[] { 4, 5, 8 })
        {
            for (int i = 0; i < 300; i++)
            {
                BigInteger k = i < 3 ? new BigInteger[] { 0, 1, N - 1 }[i] : RandomBelow(random, N);
                int length = Wnaf.Compute(ScalarOf(k), width, i % 2 == 0, digits);
                BigInteger sum = 0;
                for (int j = length - 1; j >= 0; j--)
                {
                    sum = (sum * 2) + digits[j];
                    if (digits[j] != 0)
                    {
                        (digits[j] % 2).ShouldNotBe(0);
                        Math.Abs((int)digits[j]).ShouldBeLessThan(1 << (width - 1));
                        for (int gap = 1; gap < width && j + gap < length; gap++)
                        {
                            digits[j + gap].ShouldBe((short)0);
                        }
                    }
                }

                sum.ShouldBe(i % 2 == 0 ? -k : k);
            }
        }
    }

    [Fact]
    public void Static_tables_hold_the_promised_multiples()
    {
        for (int i = 0; i < VerificationTables.Size; i += 7)
        {
            ToBig(VerificationTables.G[i]).ShouldBe(Multiply((2 * i) + 1, G)!.Value);
            ToBig(VerificationTables.G128[i]).ShouldBe(Multiply(((2 * i) + 1) * BigInteger.Pow(2, 128), G)!.Value);
        }

        for (int window = 0; window < SigningTable.Windows; window += 9)
        {
            for (int m = 0; m < SigningTable.EntriesPerWindow; m += 3)
            {
                ToBig(SigningTable.Entries[(window * SigningTable.EntriesPerWindow) + m]).ShouldBe(Multiply(((2 * m) + 1) * BigInteger.Pow(2, SigningTable.WindowBits * window), G)!.Value);
            }
        }
    }

    [Fact]
    public void Shared_denominator_tables_hold_the_odd_multiples()
    {
        var random = new Random(30);
        for (int round = 0; round < 5; round++)
        {
            BigInteger k = RandomBelow(random, N - 1) + 1;
            AffinePoint q = Affine(Multiply(k, G));
            var table = new AffinePoint[8];
            var ratios = new FieldElement[8];
            OddMultiples.BuildSharedZ(q, table, ratios, out FieldElement z);
            for (int i = 0; i < table.Length; i++)
            {
                ToBig(new JacobianPoint(table[i].X, table[i].Y, z)).ShouldBe(Multiply(((2 * i) + 1) * k, G));
            }
        }
    }

    [Fact]
    public void Batch_normalisation_matches_individual_inversion()
    {
        var random = new Random(29);
        var points = new JacobianPoint[70];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = Rescale(Jacobian(RandomBelow(random, N - 1) + 1), RandomBelow(random, P - 1) + 1);
        }

        var affine = new AffinePoint[points.Length];
        BatchNormalizer.ToAffineVar(points, affine);
        for (int i = 0; i < points.Length; i++)
        {
            ToBig(affine[i]).ShouldBe(ToBig(points[i])!.Value);
        }
    }
}
