using System.Numerics;
using Harmony.Crypto.Bls12381;
using H2C = Harmony.Crypto.Bls12381.HashToCurve;

namespace Harmony.Crypto.Tests.Bls12381;

/// <summary>
/// The constant-time G2 multiplication (GLS split into four 64-bit parts, signed radix-32 digits) against the
/// variable-time double-and-add, on scalars chosen to stress the split and the recoding carries, and on a point other
/// than the generator.
/// </summary>
public class G2SignedWindowMultiplicationTests
{
    private static readonly BigInteger AbsX = new(MillerLoop.AbsX);

    [Fact]
    public void Signed_recoding_reproduces_the_part_with_digits_in_range()
    {
        var random = new Random(55);
        var parts = new List<ulong> { 0, 1, 16, 17, 31, 32, ulong.MaxValue, MillerLoop.AbsX, MillerLoop.AbsX - 1,
            0x8421084210842108UL, 0x8C6318C6318C6318UL, 0xF7BDEF7BDEF7BDEFUL, 1UL << 63, (1UL << 60) - 1 };
        for (int i = 0; i < 2000; i++)
        {
            parts.Add((ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1));
        }

        var digits = new int[13];
        foreach (var k in parts)
        {
            G2.RecodeSigned(k, digits);
            BigInteger sum = 0;
            for (int i = digits.Length - 1; i >= 0; i--)
            {
                digits[i].ShouldBeInRange(-15, 16);
                sum = (sum * 32) + digits[i];
            }

            sum.ShouldBe(new BigInteger(k), $"k = {k:x}");
        }
    }

    [Fact]
    public void Constant_time_multiplication_matches_variable_time_on_edge_and_random_scalars()
    {
        var random = new Random(56);
        var scalars = new List<BigInteger>
        {
            0, 1, 2, 15, 16, 17, 31, 32, 33, PairingTests.R - 1, PairingTests.R - 2, AbsX, AbsX * AbsX, AbsX * AbsX * AbsX,
        };

        // Scalars with prescribed GLS parts k = k0 + k1|x| + k2|x|² + k3|x|³ (parts below |x|): zero parts, maximal
        // parts and parts whose radix-32 windows all equal 16 or 17 (longest recoding carry chains).
        ulong[] partValues = [0, 1, MillerLoop.AbsX - 1, 0x8421084210842108UL, 0x8C6318C6318C6318UL, 0x7FFFFFFFFFFFFFFFUL];
        foreach (var a in partValues)
        {
            foreach (var b in partValues)
            {
                var k = new BigInteger(a) + (new BigInteger(b) * AbsX) + (new BigInteger(a) * AbsX * AbsX)
                    + (new BigInteger(b >> 2) * AbsX * AbsX * AbsX);
                if (k < PairingTests.R)
                {
                    scalars.Add(k);
                }
            }
        }

        for (int i = 0; i < 6; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            scalars.Add(new BigInteger(bytes, isUnsigned: true) % PairingTests.R);
        }

        var hashed = H2C.HashToG2("signed windows"u8, "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"u8).ToAffine();
        G2Affine[] points = [G2.Generator, hashed];
        foreach (var point in points)
        {
            foreach (var k in scalars)
            {
                var words = new ulong[4];
                PairingTests.Words(k).CopyTo(words, 0);
                var expected = point.ToJacobian().MultiplyVartime(words).ToAffine();
                G2.MultiplyConstantTime(G2Projective.FromAffine(point), words).ToAffine().Equals(expected)
                    .ShouldBeTrue($"k = {k}");
            }
        }
    }

    [Fact]
    public void Constant_time_multiplication_of_the_identity_is_the_identity()
    {
        var words = new ulong[4];
        PairingTests.Words(PairingTests.R - 12345).CopyTo(words, 0);
        G2.MultiplyConstantTime(G2Projective.Identity, words).ToAffine().IsInfinity.ShouldBeTrue();
    }
}
