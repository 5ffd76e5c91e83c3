using System.Numerics;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

public class PairingTests
{
    internal static readonly BigInteger R = BigInteger.Parse(
        "073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    private static Fp12 Pair(in G1Affine p, in G2Affine q) =>
        FinalExponentiation.Run(MillerLoop.Run([p], [q]));

    internal static ulong[] Words(BigInteger v) => Fp.Words(v);

    [Fact]
    public void Generators_are_on_their_curves_and_in_their_subgroups()
    {
        G1.Generator.IsOnCurve().ShouldBeTrue();
        G2.Generator.IsOnCurve().ShouldBeTrue();
        G1.IsInSubgroup(G1.Generator).ShouldBeTrue();
        G2.IsInSubgroup(G2.Generator).ShouldBeTrue();
        G1.Generator.ToJacobian().MultiplyVartime(Words(R)).IsInfinity.ShouldBeTrue();
        G2.Generator.ToJacobian().MultiplyVartime(Words(R)).IsInfinity.ShouldBeTrue();
    }

    [Fact]
    public void Pairing_is_bilinear_and_non_degenerate()
    {
        var random = new Random(21);
        var a = new BigInteger(random.NextInt64(1, long.MaxValue)) * random.NextInt64(1, long.MaxValue) % R;
        var b = new BigInteger(random.NextInt64(1, long.MaxValue)) * random.NextInt64(1, long.MaxValue) % R;
        var ap = G1.Generator.ToJacobian().MultiplyVartime(Words(a)).ToAffine();
        var bq = G2.Generator.ToJacobian().MultiplyVartime(Words(b)).ToAffine();

        var e = Pair(G1.Generator, G2.Generator);
        e.IsOne.ShouldBeFalse();
        var eab = Pair(ap, bq);

        var expected = Fp12.One;
        var exponent = a * b % R;
        var baseValue = e;
        while (!exponent.IsZero)
        {
            if (!exponent.IsEven)
            {
                expected *= baseValue;
            }

            baseValue = baseValue.Square();
            exponent >>= 1;
        }

        eab.ShouldBe(expected);

        // e(P, Q)^r = 1.
        var er = Fp12.One;
        exponent = R;
        baseValue = e;
        while (!exponent.IsZero)
        {
            if (!exponent.IsEven)
            {
                er *= baseValue;
            }

            baseValue = baseValue.Square();
            exponent >>= 1;
        }

        er.IsOne.ShouldBeTrue();
    }

    [Fact]
    public void Multi_miller_loop_equals_product_of_single_loops()
    {
        var p2 = G1.Generator.ToJacobian().Double().ToAffine();
        var q3 = G2.Generator.ToJacobian().MultiplyVartime(3).ToAffine();
        var multi = FinalExponentiation.Run(MillerLoop.Run([G1.Generator, p2], [q3, G2.Generator.Negate()]));
        var product = Pair(G1.Generator, q3) * Pair(p2, G2.Generator.Negate());
        multi.ShouldBe(product);

        // e(P, 3Q) · e(3P, −Q) = 1.
        var p3 = G1.Generator.ToJacobian().MultiplyVartime(3).ToAffine();
        FinalExponentiation.Run(MillerLoop.Run([G1.Generator, p3], [q3, G2.Generator.Negate()])).IsOne.ShouldBeTrue();
    }

    [Fact]
    public void Cofactor_clearing_lands_in_the_subgroup()
    {
        // A point on E′ outside G2: take x = 1 + k·u until x³ + b is a square.
        for (ulong k = 1; ; k++)
        {
            var x = new Fp2(Fp.One, Fp.FromUInt64(k));
            var rhs = x.Square() * x + G2Curve.B;
            if (Fp2.TrySqrt(rhs, out var y))
            {
                var point = new G2Affine(x, y);
                point.IsOnCurve().ShouldBeTrue();
                G2.IsInSubgroup(point).ShouldBeFalse();
                var cleared = G2.ClearCofactor(point.ToJacobian()).ToAffine();
                cleared.IsOnCurve().ShouldBeTrue();
                G2.IsInSubgroup(cleared).ShouldBeTrue();
                break;
            }
        }

        for (ulong k = 1; ; k++)
        {
            var x = Fp.FromUInt64(k);
            if (Fp.TrySqrt(x.Square() * x + G1Curve.B, out var y))
            {
                var point = new G1Affine(x, y);
                G1.IsInSubgroup(point).ShouldBeFalse();
                G1.IsInSubgroup(G1.ClearCofactor(point.ToJacobian()).ToAffine()).ShouldBeTrue();
                break;
            }
        }
    }

    [Fact]
    public void Constant_time_and_variable_time_multiplication_agree()
    {
        var random = new Random(22);
        var x2 = new BigInteger(MillerLoop.AbsX) * MillerLoop.AbsX;
        var edge = new[] { BigInteger.Zero, BigInteger.One, R - 1, new BigInteger(MillerLoop.AbsX), new BigInteger(MillerLoop.AbsX) - 1, x2, x2 - 1, x2 + 1 };
        foreach (var k in edge)
        {
            var words = new ulong[4];
            Words(k).CopyTo(words, 0);
            G2.MultiplyConstantTime(G2Projective.FromAffine(G2.Generator), words).ToAffine()
                .Equals(G2.Generator.ToJacobian().MultiplyVartime(words).ToAffine()).ShouldBeTrue($"k = {k}");
            G1.MultiplyConstantTime(G1Projective.FromAffine(G1.Generator), words).ToAffine()
                .Equals(G1.Generator.ToJacobian().MultiplyVartime(words).ToAffine()).ShouldBeTrue($"k = {k}");
        }

        for (int i = 0; i < 4; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            var k = new BigInteger(bytes, isUnsigned: true) % R;
            var words = new ulong[4];
            Words(k).CopyTo(words, 0);
            var vt = G2.Generator.ToJacobian().MultiplyVartime(words).ToAffine();
            var gls = G2.MultiplyConstantTime(G2Projective.FromAffine(G2.Generator), words).ToAffine();
            gls.Equals(vt).ShouldBeTrue();
            G1.MultiplyConstantTime(G1Projective.FromAffine(G1.Generator), words).ToAffine()
                .Equals(G1.Generator.ToJacobian().MultiplyVartime(words).ToAffine()).ShouldBeTrue();
        }
    }
}
