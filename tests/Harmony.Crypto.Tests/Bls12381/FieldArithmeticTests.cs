using System.Numerics;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

public class FieldArithmeticTests
{
    private static readonly BigInteger P = Fp.Modulus;

    private static BigInteger RandomBelowP(Random random)
    {
        var bytes = new byte[48];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % P;
    }

    private static BigInteger Mod(BigInteger v) => ((v % P) + P) % P;

    [Fact]
    public void Fp_operations_match_BigInteger_on_random_inputs()
    {
        var random = new Random(381);
        var edge = new[] { BigInteger.Zero, BigInteger.One, P - 1, P - 2, (P - 1) / 2, BigInteger.Pow(2, 380) };
        for (int i = 0; i < 2000; i++)
        {
            var a = i < edge.Length ? edge[i] : RandomBelowP(random);
            var b = i < edge.Length ? edge[edge.Length - 1 - i] : RandomBelowP(random);
            var fa = Fp.FromBigInteger(a);
            var fb = Fp.FromBigInteger(b);
            (fa + fb).ToBigInteger().ShouldBe(Mod(a + b));
            (fa - fb).ToBigInteger().ShouldBe(Mod(a - b));
            (-fa).ToBigInteger().ShouldBe(Mod(-a));
            (fa * fb).ToBigInteger().ShouldBe(Mod(a * b));
            fa.Square().ToBigInteger().ShouldBe(Mod(a * a));
        }
    }

    private static readonly BigInteger R = BigInteger.One << 384;

    private static BigInteger Limbs(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5) =>
        new BigInteger(l0) | (new BigInteger(l1) << 64) | (new BigInteger(l2) << 128) | (new BigInteger(l3) << 192) |
        (new BigInteger(l4) << 256) | (new BigInteger(l5) << 320);

    private static BigInteger Raw(in Fp a) => Limbs(a.L0, a.L1, a.L2, a.L3, a.L4, a.L5);

    private static BigInteger Raw(in FpWide w) =>
        Limbs(w.W0, w.W1, w.W2, w.W3, w.W4, w.W5) | (Limbs(w.W6, w.W7, w.W8, w.W9, w.W10, w.W11) << 384);

    private static Fp RawFp(BigInteger v)
    {
        var m = (BigInteger.One << 64) - 1;
        return new Fp((ulong)(v & m), (ulong)((v >> 64) & m), (ulong)((v >> 128) & m), (ulong)((v >> 192) & m),
            (ulong)((v >> 256) & m), (ulong)((v >> 320) & m));
    }

    private static FpWide RawWide(BigInteger v)
    {
        var lo = RawFp(v & (R - 1));
        var hi = RawFp(v >> 384);
        return new FpWide(lo.L0, lo.L1, lo.L2, lo.L3, lo.L4, lo.L5, hi.L0, hi.L1, hi.L2, hi.L3, hi.L4, hi.L5);
    }

    [Fact]
    public void Split_accumulator_kernels_are_exact_at_their_bounds()
    {
        // The kernels add 32-bit halves of every product into column accumulators; all-ones limbs maximise every
        // half, and the largest admissible inputs (2^384 - 1 for MulWide, 2p - 1 for Mul and Sqr, p·2^384 - 1 for
        // Redc) maximise the carries between columns.
        var rInverse = BigInteger.ModPow(R, P - 2, P);
        var allOnes = R - 1;
        Fp.MulWide(RawFp(allOnes), RawFp(allOnes), out var w);
        Raw(w).ShouldBe(allOnes * allOnes);
        var below2P = new[] { 2 * P - 1, 2 * P - 2, (BigInteger.One << 381) - 1, (BigInteger.One << 320) - 1, P, P - 1 };
        foreach (var a in below2P)
        {
            foreach (var b in below2P)
            {
                Fp.Mul(RawFp(a), RawFp(b), out var m);
                Raw(m).ShouldBe(a * b * rInverse % P);
            }

            Fp.Sqr(RawFp(a), out var s);
            Raw(s).ShouldBe(a * a * rInverse % P);
        }

        foreach (var t in new[] { (P * R) - 1, (P * R) - R, (P - 1) * (P - 1), R - 1, BigInteger.Zero })
        {
            Fp.Redc(RawWide(t), out var red);
            Raw(red).ShouldBe(t * rInverse % P);
        }
    }

    [Fact]
    public void Wide_kernels_and_lazy_inputs_match_BigInteger_on_raw_limbs()
    {
        // Raw (Montgomery-agnostic) limb values: products, squares, reduction t·R⁻¹ and the lazy (below 2p) inputs
        // that the 𝔽p² code feeds to the multiplications.
        var random = new Random(384);
        var rInverse = BigInteger.ModPow(R, P - 2, P);
        var edge = new[]
        {
            BigInteger.Zero, BigInteger.One, P - 1, P, P + 1, 2 * P - 1, BigInteger.Pow(2, 380), BigInteger.Pow(2, 381),
            (BigInteger.One << 382) - 1 < 2 * P ? (BigInteger.One << 382) - 1 : 2 * P - 2,
        };
        for (int i = 0; i < 3000; i++)
        {
            BigInteger a, b;
            if (i < edge.Length * edge.Length)
            {
                a = edge[i % edge.Length];
                b = edge[i / edge.Length];
            }
            else
            {
                a = RandomBelowP(random) * (i % 2 == 0 ? 1 : 2) % (2 * P);
                b = RandomBelowP(random) + (i % 3 == 0 ? P : 0);
            }

            var fa = RawFp(a);
            var fb = RawFp(b);
            Fp.MulWide(fa, fb, out var w);
            Raw(w).ShouldBe(a * b);

            // Mul accepts inputs below 2p and returns the fully reduced Montgomery product.
            Fp.Mul(fa, fb, out var m);
            Raw(m).ShouldBe(a * b * rInverse % P);
            Fp.Sqr(fa, out var s);
            Raw(s).ShouldBe(a * a * rInverse % P);

            // Redc on any t < p·2^384.
            var t = a * b;
            if (t < P * R)
            {
                Fp.Redc(RawWide(t), out var red);
                Raw(red).ShouldBe(t * rInverse % P);
            }

            var big = (a * R + b) % (P * R);
            Fp.Redc(RawWide(big), out var red2);
            Raw(red2).ShouldBe(big * rInverse % P);

            if (a < P && b < P)
            {
                Fp.Half(fa, out var half);
                Raw(half).ShouldBe(a * BigInteger.ModPow(2, P - 2, P) % P);
                Fp.AddUnreduced(fa, fb, out var au);
                Raw(au).ShouldBe(a + b);
                Fp.SubUnreduced(fa, fb, out var su);
                Raw(su).ShouldBe(a - b + P);
                FpWide.SubModP(RawWide(a * a), RawWide(b * b), out var d);
                Raw(d).ShouldBe(a * a >= b * b ? a * a - b * b : a * a - b * b + P * R);
            }
        }
    }

    [Fact]
    public void Fp_inverse_and_square_root_match_BigInteger()
    {
        var random = new Random(7);
        for (int i = 0; i < 50; i++)
        {
            var a = RandomBelowP(random);
            var fa = Fp.FromBigInteger(a);
            Fp.Inverse(fa).ToBigInteger().ShouldBe(BigInteger.ModPow(a, P - 2, P));
            bool isSquare = BigInteger.ModPow(a, (P - 1) / 2, P) <= 1;
            Fp.IsSquare(fa).ShouldBe(isSquare);
            Fp.TrySqrt(fa, out var root).ShouldBe(isSquare);
            if (isSquare)
            {
                Mod(root.ToBigInteger() * root.ToBigInteger()).ShouldBe(a);
            }
        }
    }

    [Fact]
    public void Fp_batch_inverse_matches_single_inversions_and_keeps_zero()
    {
        var random = new Random(5);
        var values = new Fp[9];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i == 4 ? Fp.Zero : Fp.FromBigInteger(RandomBelowP(random));
        }

        var expected = values.Select(v => Fp.Inverse(v)).ToArray();
        Fp.BatchInverse(values, new Fp[values.Length]);
        values.ShouldBe(expected);
    }

    [Fact]
    public void Fp_rejects_non_canonical_bytes()
    {
        var bytes = P.ToByteArray(isUnsigned: true, isBigEndian: true);
        Fp.TryFromBytesBigEndian(bytes, out _).ShouldBeFalse();
        bytes[^1]--;
        Fp.TryFromBytesBigEndian(bytes, out var maxValue).ShouldBeTrue();
        maxValue.ToBigInteger().ShouldBe(P - 1);
    }

    [Fact]
    public void Fp2_multiplication_inverse_and_square_root_are_consistent()
    {
        var random = new Random(11);
        for (int i = 0; i < 100; i++)
        {
            var a = RandomFp2(random);
            var b = RandomFp2(random);

            // (a0 + a1 u)(b0 + b1 u) with u² = −1, checked against BigInteger.
            var c = a * b;
            BigInteger a0 = a.C0.ToBigInteger(), a1 = a.C1.ToBigInteger(), b0 = b.C0.ToBigInteger(), b1 = b.C1.ToBigInteger();
            c.C0.ToBigInteger().ShouldBe(Mod(a0 * b0 - a1 * b1));
            c.C1.ToBigInteger().ShouldBe(Mod(a0 * b1 + a1 * b0));
            a.Square().ShouldBe(a * a);
            (a * a.Inverse()).ShouldBe(Fp2.One);

            var square = a.Square();
            Fp2.TrySqrt(square, out var root).ShouldBeTrue();
            root.Square().ShouldBe(square);
        }
    }

    [Fact]
    public void Fp2_square_root_rejects_non_squares()
    {
        var random = new Random(12);
        int rejected = 0;
        for (int i = 0; i < 40; i++)
        {
            var a = RandomFp2(random);
            if (!Fp2.TrySqrt(a, out var root))
            {
                rejected++;
            }
            else
            {
                root.Square().ShouldBe(a);
            }
        }

        rejected.ShouldBeInRange(5, 35);
    }

    [Fact]
    public void Fp2_either_root_agrees_with_the_exact_root_up_to_sign()
    {
        var random = new Random(13);
        for (int i = 0; i < 200; i++)
        {
            var a = RandomFp2(random);
            bool exact = Fp2.TrySqrt(a, out var root);
            Fp2.TrySqrtEitherRoot(a, out var either).ShouldBe(exact);
            if (exact)
            {
                either.Square().ShouldBe(a);
                (either == root || either == -root).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void Fp6_and_Fp12_tower_laws_hold()
    {
        var random = new Random(13);
        for (int i = 0; i < 20; i++)
        {
            var a = RandomFp12(random);
            var b = RandomFp12(random);
            var c = RandomFp12(random);
            (a * b).ShouldBe(b * a);
            ((a * b) * c).ShouldBe(a * (b * c));
            a.Square().ShouldBe(a * a);
            a.C0.Square().ShouldBe(a.C0 * a.C0);
            (a * a.Inverse()).ShouldBe(Fp12.One);
            (a.C0 * a.C0.Inverse()).ShouldBe(Fp6.One);

            // Sparse multiplication agrees with the dense product.
            var l0 = RandomFp2(random);
            var l1 = RandomFp2(random);
            var l4 = RandomFp2(random);
            var line = new Fp12(new Fp6(l0, l1, default), new Fp6(default, l4, default));
            a.MulBy014(l0, l1, l4).ShouldBe(a * line);

            // Frobenius is the p-th power: a homomorphism of order 12.
            (a * b).Frobenius().ShouldBe(a.Frobenius() * b.Frobenius());
            a.Frobenius(12).ShouldBe(a);

            // The one-pass powers (k = 1, 2, 3) agree with repeated single Frobenius maps.
            a.Frobenius(1).ShouldBe(a.Frobenius());
            a.Frobenius(2).ShouldBe(a.Frobenius().Frobenius());
            a.Frobenius(3).ShouldBe(a.Frobenius().Frobenius().Frobenius());
        }
    }

    [Fact]
    public void Frobenius_is_the_p_th_power()
    {
        var a = RandomFp12(new Random(14));
        var power = Fp12.One;
        var bits = Fp.Modulus;
        var baseValue = a;
        while (!bits.IsZero)
        {
            if (!bits.IsEven)
            {
                power *= baseValue;
            }

            baseValue = baseValue.Square();
            bits >>= 1;
        }

        a.Frobenius().ShouldBe(power);
    }

    [Fact]
    public void Cyclotomic_square_matches_square_in_the_cyclotomic_subgroup()
    {
        var random = new Random(15);
        for (int i = 0; i < 10; i++)
        {
            var f = RandomFp12(random);
            var t = f.Conjugate() * f.Inverse();
            var g = t.Frobenius(2) * t;
            g.CyclotomicSquare().ShouldBe(g.Square());
            for (int k = 0; k < 8; k++)
            {
                var next = g.CyclotomicSquare();
                next.ShouldBe(g.Square());
                g = next;
            }
        }

        Fp12.One.CyclotomicSquare().ShouldBe(Fp12.One);
    }

    // Schoolbook references over the (independently tested) Fp2 operators, for the lazily reduced Fp6/Fp12 products.
    private static Fp6 ReferenceMul6(in Fp6 a, in Fp6 b) => new(
        a.C0 * b.C0 + (a.C1 * b.C2 + a.C2 * b.C1).MulByNonResidue(),
        a.C0 * b.C1 + a.C1 * b.C0 + (a.C2 * b.C2).MulByNonResidue(),
        a.C0 * b.C2 + a.C1 * b.C1 + a.C2 * b.C0);

    private static Fp6 ReferenceTimesV(in Fp6 a) => new(a.C2.MulByNonResidue(), a.C0, a.C1);

    private static Fp12 ReferenceMul12(in Fp12 a, in Fp12 b) => new(
        ReferenceMul6(a.C0, b.C0) + ReferenceTimesV(ReferenceMul6(a.C1, b.C1)),
        ReferenceMul6(a.C0, b.C1) + ReferenceMul6(a.C1, b.C0));

    private static Fp2 EdgeOrRandomFp2(Random random, int mode)
    {
        // mode 0: random; 1: all coefficients the largest canonical limb value p − 1; 2: mixed 0 / 1 / −1 / p − 1 / random.
        var maxRaw = RawFp(P - 1);
        Fp minusOne = default;
        Fp.Neg(Fp.One, out minusOne);
        Fp Pick() => random.Next(5) switch
        {
            0 => Fp.Zero,
            1 => Fp.One,
            2 => minusOne,
            3 => maxRaw,
            _ => Fp.FromBigInteger(RandomBelowP(random)),
        };
        return mode switch
        {
            0 => RandomFp2(random),
            1 => new Fp2(maxRaw, maxRaw),
            _ => new Fp2(Pick(), Pick()),
        };
    }

    private static Fp6 EdgeOrRandomFp6(Random random, int mode) =>
        new(EdgeOrRandomFp2(random, mode), EdgeOrRandomFp2(random, mode), EdgeOrRandomFp2(random, mode));

    [Fact]
    public void Lazy_Fp6_and_Fp12_products_match_schoolbook_references()
    {
        var random = new Random(2026);
        for (int i = 0; i < 300; i++)
        {
            int mode = i % 3;
            var a = new Fp12(EdgeOrRandomFp6(random, mode), EdgeOrRandomFp6(random, mode));
            var b = new Fp12(EdgeOrRandomFp6(random, (i / 3) % 3), EdgeOrRandomFp6(random, (i / 3) % 3));

            Fp6.Mul(a.C0, b.C1, out var m6);
            m6.ShouldBe(ReferenceMul6(a.C0, b.C1));
            Fp6.Mul(a.C1, a.C1, out m6);
            m6.ShouldBe(ReferenceMul6(a.C1, a.C1));

            Fp12.Mul(a, b, out var m12);
            m12.ShouldBe(ReferenceMul12(a, b));
            Fp12.Sqr(a, out var s12);
            s12.ShouldBe(ReferenceMul12(a, a));

            var l0 = EdgeOrRandomFp2(random, mode);
            var l1 = EdgeOrRandomFp2(random, mode);
            var l4 = EdgeOrRandomFp2(random, mode);
            Fp6.MulBy01(a.C0, l0, l1, out m6);
            m6.ShouldBe(ReferenceMul6(a.C0, new Fp6(l0, l1, default)));
            Fp6.MulBy1(a.C1, l4, out m6);
            m6.ShouldBe(ReferenceMul6(a.C1, new Fp6(default, l4, default)));
            Fp12.MulBy014(a, l0, l1, l4, out var sparse);
            sparse.ShouldBe(ReferenceMul12(a, new Fp12(new Fp6(l0, l1, default), new Fp6(default, l4, default))));

            // Aliasing: the output may be an input.
            var alias = a;
            Fp12.Mul(alias, b, out alias);
            alias.ShouldBe(m12);
            alias = a;
            Fp12.Sqr(alias, out alias);
            alias.ShouldBe(s12);
            alias = a;
            Fp12.MulBy014(alias, l0, l1, l4, out alias);
            alias.ShouldBe(sparse);
        }
    }

    [Fact]
    public void Wide_mod_p_addition_stays_below_p_times_2_384_and_preserves_the_residue()
    {
        var random = new Random(768);
        var bound = P << 384;
        var rInverse = BigInteger.ModPow(BigInteger.One << 384, P - 2, P);
        for (int i = 0; i < 500; i++)
        {
            BigInteger Pick() => (i % 4) switch
            {
                0 => bound - 1 - (RandomBelowP(random) % 16),
                1 => (RandomBelowP(random) << 384 | RandomBelowP(random)) % bound,
                2 => BigInteger.Zero,
                _ => (RandomBelowP(random) * RandomBelowP(random)) % bound,
            };
            var x = Pick();
            var y = (i % 4) == 2 ? bound - 1 : Pick();
            FpWide.AddModP(RawWide(x), RawWide(y), out var sum);
            var s = Raw(sum);
            (s < bound).ShouldBeTrue();
            s.ShouldBe((x + y) % bound);
            Fp.Redc(sum, out var reduced);
            Raw(reduced).ShouldBe((x + y) * rInverse % P);
        }
    }

    internal static Fp2 RandomFp2(Random random) =>
        new(Fp.FromBigInteger(RandomBelowP(random)), Fp.FromBigInteger(RandomBelowP(random)));

    internal static Fp12 RandomFp12(Random random) =>
        new(new Fp6(RandomFp2(random), RandomFp2(random), RandomFp2(random)),
            new Fp6(RandomFp2(random), RandomFp2(random), RandomFp2(random)));
}
