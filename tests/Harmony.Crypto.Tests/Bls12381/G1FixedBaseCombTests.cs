using System.Numerics;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

/// <summary>
/// The constant-time fixed-base comb for the G1 generator (SkToPk) against the variable-time double-and-add, on scalars
/// whose radix-16 digits stress the signed recoding (all 8, all 9, all 15: no carries, a carry at every digit, the
/// longest chains) and on random scalars; other points keep the GLV path.
/// </summary>
public class G1FixedBaseCombTests
{
    private static ulong[] Words4(BigInteger k)
    {
        var words = new ulong[4];
        PairingTests.Words(k).CopyTo(words, 0);
        return words;
    }

    private static BigInteger RepeatNibble(int nibble, int count)
    {
        BigInteger v = 0;
        for (int i = 0; i < count; i++)
        {
            v = (v << 4) + nibble;
        }

        return v;
    }

    [Fact]
    public void Comb_matches_variable_time_multiplication_of_the_generator()
    {
        var r = PairingTests.R;
        var scalars = new List<BigInteger>
        {
            0, 1, 7, 8, 9, 15, 16, 17, r - 1, r - 2, r - 8, r - 9, (r - 1) / 2, BigInteger.One << 252, (BigInteger.One << 254) - 1,
            RepeatNibble(8, 63), RepeatNibble(9, 63), RepeatNibble(15, 63), RepeatNibble(7, 64), RepeatNibble(8, 64) % r,
        };
        var random = new Random(57);
        for (int i = 0; i < 12; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            scalars.Add(new BigInteger(bytes, isUnsigned: true) % r);
        }

        foreach (var k in scalars)
        {
            var words = Words4(k);
            var expected = G1.Generator.ToJacobian().MultiplyVartime(words).ToAffine();
            G1.MultiplyGeneratorConstantTime(words).ToAffine().Equals(expected).ShouldBeTrue($"k = {k}");
            G1.MultiplyConstantTime(G1Projective.FromAffine(G1.Generator), words).ToAffine().Equals(expected)
                .ShouldBeTrue($"k = {k}");
        }
    }

    [Fact]
    public void Other_points_still_multiply_correctly()
    {
        var point = G1.Generator.ToJacobian().MultiplyVartime(Words4(123456789)).ToAffine();
        var words = Words4(PairingTests.R - 987654321);
        G1.MultiplyConstantTime(G1Projective.FromAffine(point), words).ToAffine()
            .Equals(point.ToJacobian().MultiplyVartime(words).ToAffine()).ShouldBeTrue();
    }
}
