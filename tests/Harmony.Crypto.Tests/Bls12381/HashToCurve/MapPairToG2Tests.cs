using Harmony.Crypto.Bls12381;
using H2C = Harmony.Crypto.Bls12381.HashToCurve;

namespace Harmony.Crypto.Tests.Bls12381.HashToCurve;

/// <summary>
/// The hash's two SSWU outputs are added on the isogenous curve E2′ and mapped once; this must equal mapping each and
/// adding on E2, including the shared-x cases (u1 = u0: doubling; u1 = −u0: opposite points, sum at infinity).
/// </summary>
public class MapPairToG2Tests
{
    private static Fp2 RandomFp2(Random random)
    {
        var bytes = new byte[48];
        random.NextBytes(bytes);
        bytes[0] &= 0x0f;
        Fp.TryFromBytesBigEndian(bytes, out var c0).ShouldBeTrue();
        random.NextBytes(bytes);
        bytes[0] &= 0x0f;
        Fp.TryFromBytesBigEndian(bytes, out var c1).ShouldBeTrue();
        return new Fp2(c0, c1);
    }

    private static void ShouldMatchSeparateMaps(in Fp2 u0, in Fp2 u1)
    {
        var expected = H2C.MapToG2(u0).Add(H2C.MapToG2(u1)).ToAffine();
        var actual = H2C.MapPairToG2(u0, u1).ToAffine();
        actual.Equals(expected).ShouldBeTrue();
        actual.IsOnCurve().ShouldBeTrue();
    }

    [Fact]
    public void Adding_on_the_isogenous_curve_matches_adding_the_mapped_points()
    {
        var random = new Random(2538);
        for (int i = 0; i < 16; i++)
        {
            ShouldMatchSeparateMaps(RandomFp2(random), RandomFp2(random));
        }

        ShouldMatchSeparateMaps(Fp2.Zero, Fp2.One);
        ShouldMatchSeparateMaps(Fp2.One, -Fp2.One);
    }

    [Fact]
    public void Shared_x_inputs_fall_back_to_adding_on_E2()
    {
        var u = RandomFp2(new Random(2539));
        ShouldMatchSeparateMaps(u, u);
        ShouldMatchSeparateMaps(u, -u);
        H2C.MapPairToG2(u, -u).IsInfinity.ShouldBeTrue();
    }
}
