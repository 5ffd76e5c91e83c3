using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

/// <summary>Random and mutated bytes never make a decoder throw; they are rejected with a reason or decode to a valid point.</summary>
public class DecoderFuzzTests
{
    [Fact]
    public void Random_bytes_of_every_length_are_rejected_or_valid_never_thrown()
    {
        var random = new Random(2537);
        var scheme = IetfBlsScheme.Instance;
        foreach (int length in new[] { 0, 1, 47, 48, 49, 95, 96, 97, 191, 192, 193 })
        {
            for (int i = 0; i < 30; i++)
            {
                var bytes = new byte[length];
                random.NextBytes(bytes);
                if (length > 0 && i % 3 == 0)
                {
                    bytes[0] = (byte)((bytes[0] & 0x1f) | 0x80);   // plausible compressed flags
                }

                if (G1Point.TryDecode(bytes, out var g1, out var e1))
                {
                    g1.IsInSubgroup().ShouldBeTrue();
                }
                else
                {
                    e1.ShouldNotBe(PointDecodeError.None);
                }

                if (G2Point.TryDecode(bytes, out var g2, out var e2))
                {
                    g2.IsInSubgroup().ShouldBeTrue();
                }
                else
                {
                    e2.ShouldNotBe(PointDecodeError.None);
                }

                scheme.TryDecodePublicKey(bytes, out _, out _);
                scheme.TryDecodeSignature(bytes, out _, out _);
                Eip2537.TryG1Add(bytes, out _, out _).ShouldBeFalse();
                Eip2537.TryPairingCheck(bytes, out _, out _);
            }
        }
    }

    [Fact]
    public void Single_bit_flips_of_a_valid_signature_never_throw()
    {
        using var key = BlsSecretKey.KeyGen(new byte[32]);
        var scheme = IetfBlsScheme.Instance;
        byte[] valid = scheme.EncodeSignature(scheme.Sign(key, "fuzz"u8));
        int accepted = 0;
        for (int bit = 0; bit < valid.Length * 8; bit += 7)
        {
            var mutated = (byte[])valid.Clone();
            mutated[bit / 8] ^= (byte)(1 << (bit % 8));
            if (scheme.TryDecodeSignature(mutated, out var signature, out _))
            {
                accepted++;
                scheme.Verify(scheme.GetPublicKey(key), "fuzz"u8, signature).ShouldBeFalse();
            }
        }

        accepted.ShouldBeLessThan(valid.Length * 8 / 7);
    }
}
