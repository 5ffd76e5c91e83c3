using System.Numerics;
using Harmony.Crypto.Ed25519;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Harmony.Crypto.Tests.Ed25519;

/// <summary>
/// Ed25519 against BouncyCastle 1.8.10 (the implementation Harmony.P2P used before): identical keys and signatures,
/// and the same verification verdict on valid, mutated, garbage, malleable (S ≥ L), non-canonical and small-order
/// inputs. Seeded, so every run checks the same cases.
/// </summary>
public class BouncyCastleDifferentialTests
{
    private static readonly BigInteger Order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");

    // Encodings of the eight points of order dividing 8 (y = 1, -1, 0 with either x, and the four of order 8),
    // plus the same y values with the sign bit flipped where that still names a point.
    private static readonly string[] SmallOrderEncodings =
    [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    ];

    // y = 1 and y = -1 have x = 0: RFC 8032 rejects them with the sign bit set.
    private static readonly string[] ZeroXWithSignBit =
    [
        "0100000000000000000000000000000000000000000000000000000000000080",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    ];

    [Fact]
    public void Keys_and_signatures_are_byte_identical_and_both_verify()
    {
        var random = new Random(8032);
        for (int i = 0; i < 150; i++)
        {
            byte[] seed = RandomBytes(random, 32);
            byte[] message = RandomBytes(random, random.Next(0, 300));
            using var key = Ed25519PrivateKey.FromSeed(seed);

            byte[] bcPublic = new byte[32];
            BcEd25519.GeneratePublicKey(seed, 0, bcPublic, 0);
            key.PublicKey.Encoded.ToArray().ShouldBe(bcPublic);

            byte[] bcSignature = new byte[64];
            BcEd25519.Sign(seed, 0, message, 0, message.Length, bcSignature, 0);
            byte[] signature = key.Sign(message);
            signature.ShouldBe(bcSignature);

            key.PublicKey.Verify(message, signature).ShouldBeTrue();
            Ed25519PublicKey.Verify(bcPublic, message, signature).ShouldBeTrue();
        }
    }

    [Fact]
    public void Verification_agrees_on_mutated_signatures_keys_and_messages()
    {
        var random = new Random(7);
        for (int i = 0; i < 60; i++)
        {
            byte[] seed = RandomBytes(random, 32);
            byte[] message = RandomBytes(random, random.Next(1, 100));
            using var key = Ed25519PrivateKey.FromSeed(seed);
            byte[] publicKey = key.PublicKey.Encoded.ToArray();
            byte[] signature = key.Sign(message);

            for (int m = 0; m < 4; m++)
            {
                byte[] sig = (byte[])signature.Clone();
                byte[] pk = (byte[])publicKey.Clone();
                byte[] msg = (byte[])message.Clone();
                switch (m)
                {
                    case 0: FlipRandomBit(random, sig.AsSpan(0, 32)); break;
                    case 1: FlipRandomBit(random, sig.AsSpan(32)); break;
                    case 2: FlipRandomBit(random, pk); break;
                    default: FlipRandomBit(random, msg); break;
                }

                AssertSameVerdict(pk, msg, sig);
            }
        }
    }

    [Fact]
    public void Verification_agrees_on_random_garbage_signatures_and_keys()
    {
        var random = new Random(64);
        using var key = Ed25519PrivateKey.FromSeed(RandomBytes(random, 32));
        byte[] publicKey = key.PublicKey.Encoded.ToArray();
        for (int i = 0; i < 200; i++)
        {
            byte[] message = RandomBytes(random, 16);
            AssertSameVerdict(publicKey, message, RandomBytes(random, 64)).ShouldBeFalse();
            AssertSameVerdict(RandomBytes(random, 32), message, key.Sign(message));
        }
    }

    [Fact]
    public void S_at_or_above_the_group_order_is_rejected_by_both()
    {
        var random = new Random(252);
        for (int i = 0; i < 40; i++)
        {
            using var key = Ed25519PrivateKey.FromSeed(RandomBytes(random, 32));
            byte[] message = RandomBytes(random, 20);
            byte[] signature = key.Sign(message);
            var s = new BigInteger(signature.AsSpan(32), isUnsigned: true);

            // S + L (the malleable twin) and L itself: both fit in 32 bytes.
            foreach (BigInteger forged in new[] { s + Order, Order, s + (2 * Order) })
            {
                if (forged.GetByteCount(isUnsigned: true) > 32)
                {
                    continue;
                }

                byte[] sig = (byte[])signature.Clone();
                sig.AsSpan(32).Clear();
                forged.TryWriteBytes(sig.AsSpan(32), out _, isUnsigned: true).ShouldBeTrue();
                AssertSameVerdict(key.PublicKey.Encoded.ToArray(), message, sig).ShouldBeFalse();
            }
        }
    }

    [Fact]
    public void Non_canonical_encodings_of_A_and_R_are_rejected_by_both()
    {
        var random = new Random(19);
        using var key = Ed25519PrivateKey.FromSeed(RandomBytes(random, 32));
        byte[] message = RandomBytes(random, 10);
        byte[] signature = key.Sign(message);

        // y = p + k for k = 0..18 (every value of 2^255 - 19 .. 2^255 - 1), with both sign bits.
        for (int k = 0; k < 19; k++)
        {
            for (int sign = 0; sign < 2; sign++)
            {
                byte[] encoding = NonCanonical(k, sign);
                Ed25519PublicKey.TryDecode(encoding, out _).ShouldBeFalse($"y = p + {k}, sign {sign}");
                AssertSameVerdict(encoding, message, signature).ShouldBeFalse();

                byte[] sig = (byte[])signature.Clone();
                encoding.CopyTo(sig, 0);
                AssertSameVerdict(key.PublicKey.Encoded.ToArray(), message, sig).ShouldBeFalse();
            }
        }
    }

    [Fact]
    public void Non_canonical_R_is_rejected_even_when_its_value_would_satisfy_the_equation()
    {
        // With A and R both the identity, S = 0 satisfies [S]B = R + [k]A for every k; the non-canonical
        // encoding y = p + 1 of the same R must still be refused.
        byte[] identity = Convert.FromHexString(SmallOrderEncodings[0]);
        byte[] message = [1, 2, 3];
        byte[] valid = new byte[64];
        identity.CopyTo(valid, 0);
        AssertSameVerdict(identity, message, valid).ShouldBeTrue();

        byte[] nonCanonical = (byte[])valid.Clone();
        NonCanonical(1, 0).CopyTo(nonCanonical, 0);
        AssertSameVerdict(identity, message, nonCanonical).ShouldBeFalse();
    }

    [Fact]
    public void Small_order_public_keys_and_R_get_the_same_verdict_as_BouncyCastle()
    {
        var random = new Random(8);
        foreach (string hex in SmallOrderEncodings)
        {
            byte[] point = Convert.FromHexString(hex);
            Ed25519PublicKey.TryDecode(point, out _).ShouldBeTrue(hex);
            for (int i = 0; i < 8; i++)
            {
                byte[] message = RandomBytes(random, 8);

                // (R = [r]B, S = r) holds exactly when [k]A is the identity.
                byte[] r = RandomScalar(random);
                using var nonceKey = Ed25519PrivateKey.FromSeed(RandomBytes(random, 32));
                byte[] signature = new byte[64];
                BasepointEncoding(r).CopyTo(signature, 0);
                r.CopyTo(signature, 32);
                AssertSameVerdict(point, message, signature);

                // A small-order R with S = 0 and the identity key: valid exactly when R is the identity.
                byte[] smallR = new byte[64];
                point.CopyTo(smallR, 0);
                AssertSameVerdict(Convert.FromHexString(SmallOrderEncodings[0]), message, smallR)
                    .ShouldBe(hex == SmallOrderEncodings[0]);

                // And an honest signature checked against a small-order key.
                AssertSameVerdict(point, message, nonceKey.Sign(message)).ShouldBeFalse();
            }
        }

        // The identity key accepts (R = [r]B, S = r) for every message: both implementations agree it is valid.
        byte[] scalar = RandomScalar(random);
        byte[] forged = new byte[64];
        BasepointEncoding(scalar).CopyTo(forged, 0);
        scalar.CopyTo(forged, 32);
        AssertSameVerdict(Convert.FromHexString(SmallOrderEncodings[0]), [9, 9], forged).ShouldBeTrue();
    }

    [Fact]
    public void X_zero_with_the_sign_bit_set_is_rejected()
    {
        byte[] message = [4, 5, 6];
        foreach (string hex in ZeroXWithSignBit)
        {
            byte[] point = Convert.FromHexString(hex);
            Ed25519PublicKey.TryDecode(point, out _).ShouldBeFalse(hex);

            // As a public key with an S = 0, R = identity signature (valid for the identity key), and as R.
            byte[] signature = new byte[64];
            Convert.FromHexString(SmallOrderEncodings[0]).CopyTo(signature, 0);
            AssertSameVerdict(point, message, signature).ShouldBeFalse();
            point.CopyTo(signature, 0);
            AssertSameVerdict(Convert.FromHexString(SmallOrderEncodings[0]), message, signature).ShouldBeFalse();
        }
    }

    private static bool AssertSameVerdict(byte[] publicKey, byte[] message, byte[] signature)
    {
        bool bc = BcEd25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length);
        bool ours = Ed25519PublicKey.Verify(publicKey, message, signature);
        ours.ShouldBe(bc, $"pk {Convert.ToHexStringLower(publicKey)} sig {Convert.ToHexStringLower(signature)}");
        if (Ed25519PublicKey.TryDecode(publicKey, out var key))
        {
            key.Verify(message, signature).ShouldBe(ours);
        }

        return ours;
    }

    private static byte[] BasepointEncoding(byte[] scalar)
    {
        byte[] encoded = new byte[32];
        PointEncoding.Encode(BasepointTable.Multiply(scalar), encoded);
        return encoded;
    }

    private static byte[] RandomScalar(Random random)
    {
        byte[] wide = RandomBytes(random, 64);
        var value = BigInteger.Remainder(new BigInteger(wide, isUnsigned: true), Order);
        byte[] scalar = new byte[32];
        value.TryWriteBytes(scalar, out _, isUnsigned: true);
        return scalar;
    }

    private static byte[] NonCanonical(int k, int sign)
    {
        BigInteger y = BigInteger.Pow(2, 255) - 19 + k;
        byte[] encoding = new byte[32];
        y.TryWriteBytes(encoding, out _, isUnsigned: true);
        encoding[31] |= (byte)(sign << 7);
        return encoding;
    }

    private static void FlipRandomBit(Random random, Span<byte> bytes)
    {
        int bit = random.Next(bytes.Length * 8);
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
