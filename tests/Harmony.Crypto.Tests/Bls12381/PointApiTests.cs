using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

public class PointApiTests
{
    [Fact]
    public void Multiplication_by_bytes_matches_repeated_addition_for_short_and_long_scalars()
    {
        var g1 = G1Point.Generator;
        var g2 = G2Point.Generator;
        g1.Multiply([3]).ShouldBe(g1 + g1 + g1);
        g2.Multiply([3]).ShouldBe(g2 + g2 + g2);

        var longOne = new byte[70];
        longOne[^1] = 1;
        g1.Multiply(longOne).ShouldBe(g1);
        g2.Multiply(longOne).ShouldBe(g2);
        g1.Multiply([0]).IsInfinity.ShouldBeTrue();
        (g1 - g1).IsInfinity.ShouldBeTrue();
    }

    [Fact]
    public void Pairing_check_holds_for_e_aP_Q_times_e_minus_P_aQ()
    {
        byte[] a = [0x12, 0x34, 0x56];
        var p = G1Point.Generator;
        var q = G2Point.Generator;
        Pairing.Check([p.Multiply(a), -p], [q, q.Multiply(a)]).ShouldBeTrue();
        Pairing.Check([p.Multiply(a), p], [q, q.Multiply(a)]).ShouldBeFalse();
        Pairing.Check([], []).ShouldBeTrue();
    }

    [Fact]
    public void Points_round_trip_through_both_encodings()
    {
        var p = G1Point.Generator.Multiply([7, 7]);
        var q = G2Point.Generator.Multiply([9, 9]);
        G1Point.Decode(p.ToCompressed()).ShouldBe(p);
        G1Point.Decode(p.ToUncompressed()).ShouldBe(p);
        G2Point.Decode(q.ToCompressed()).ShouldBe(q);
        G2Point.Decode(q.ToUncompressed()).ShouldBe(q);
        G1Point.Decode(G1Point.Infinity.ToCompressed()).IsInfinity.ShouldBeTrue();
        G2Point.Decode(G2Point.Infinity.ToUncompressed()).IsInfinity.ShouldBeTrue();
    }
}
