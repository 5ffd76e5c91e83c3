using System.Numerics;
using Harmony.Crypto.Ed25519;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace Harmony.Crypto.Tests.Ed25519;

/// <summary>
/// X25519 against RFC 7748's published vectors (§5.2 single and iterated, §6.1 Diffie–Hellman; embedded here since
/// they are not in ../shared/vectors; the 1,000,000-iteration vector is left out for time) and against
/// BouncyCastle on seeded random keys and edge u-coordinates.
/// </summary>
public class X25519Tests
{
    [Theory]
    [InlineData(
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")]
    [InlineData(
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")]
    public void Rfc7748_section_5_2_single_vectors(string scalar, string u, string expected)
    {
        byte[] output = new byte[32];
        X25519.ScalarMultiply(Convert.FromHexString(scalar), Convert.FromHexString(u), output);
        Convert.ToHexStringLower(output).ShouldBe(expected);
    }

    [Fact]
    public void Rfc7748_section_5_2_iterated_1_and_1000_times()
    {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = (byte[])k.Clone();
        byte[] next = new byte[32];
        for (int i = 1; i <= 1000; i++)
        {
            X25519.ScalarMultiply(k, u, next);
            (u, k, next) = (k, next, u);
            if (i == 1)
            {
                Convert.ToHexStringLower(k).ShouldBe("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
            }
        }

        Convert.ToHexStringLower(k).ShouldBe("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    [Fact]
    public void Rfc7748_section_6_1_Diffie_Hellman()
    {
        byte[] alice = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = Convert.FromHexString("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] alicePublic = new byte[32], bobPublic = new byte[32], aliceShared = new byte[32], bobShared = new byte[32];
        X25519.GetPublicKey(alice, alicePublic);
        X25519.GetPublicKey(bob, bobPublic);
        Convert.ToHexStringLower(alicePublic).ShouldBe("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        Convert.ToHexStringLower(bobPublic).ShouldBe("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        X25519.TryDeriveSharedSecret(alice, bobPublic, aliceShared).ShouldBeTrue();
        X25519.TryDeriveSharedSecret(bob, alicePublic, bobShared).ShouldBeTrue();
        const string Shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        Convert.ToHexStringLower(aliceShared).ShouldBe(Shared);
        Convert.ToHexStringLower(bobShared).ShouldBe(Shared);
    }

    [Fact]
    public void Public_keys_and_shared_secrets_match_BouncyCastle()
    {
        var random = new Random(7748);
        byte[] ours = new byte[32], theirs = new byte[32];
        for (int i = 0; i < 100; i++)
        {
            byte[] privateKey = RandomBytes(random, 32);
            X25519.GetPublicKey(privateKey, ours);
            BcX25519.ScalarMultBase(privateKey, 0, theirs, 0);
            ours.ShouldBe(theirs);

            // Random u, with the top bit set half the time (it must be ignored).
            byte[] u = RandomBytes(random, 32);
            X25519.ScalarMultiply(privateKey, u, ours);
            BcX25519.ScalarMult(privateKey, 0, u, 0, theirs, 0);
            ours.ShouldBe(theirs);

            bool bcAgrees = BcX25519.CalculateAgreement(privateKey, 0, u, 0, theirs, 0);
            X25519.TryDeriveSharedSecret(privateKey, u, ours).ShouldBe(bcAgrees);
            ours.ShouldBe(theirs);
        }
    }

    [Fact]
    public void Small_order_and_non_canonical_u_behave_like_BouncyCastle()
    {
        BigInteger p = BigInteger.Pow(2, 255) - 19;
        var cases = new List<byte[]>
        {
            Encode(0), Encode(1), Encode(p - 1), Encode(p), Encode(p + 1), Encode(BigInteger.Pow(2, 255) - 1),
            Convert.FromHexString("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
            Convert.FromHexString("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
        };

        var random = new Random(6);
        byte[] ours = new byte[32], theirs = new byte[32];
        foreach (byte[] u in cases)
        {
            for (int i = 0; i < 4; i++)
            {
                byte[] privateKey = RandomBytes(random, 32);
                X25519.ScalarMultiply(privateKey, u, ours);
                BcX25519.ScalarMult(privateKey, 0, u, 0, theirs, 0);
                ours.ShouldBe(theirs, Convert.ToHexStringLower(u));
                bool bcAgrees = BcX25519.CalculateAgreement(privateKey, 0, u, 0, theirs, 0);
                X25519.TryDeriveSharedSecret(privateKey, u, ours).ShouldBe(bcAgrees, Convert.ToHexStringLower(u));
            }
        }

        // u = 0 and u = 1 have small order: every private key gives an all-zero secret, which is refused.
        X25519.TryDeriveSharedSecret(RandomBytes(random, 32), Encode(0), ours).ShouldBeFalse();
        X25519.TryDeriveSharedSecret(RandomBytes(random, 32), Encode(1), ours).ShouldBeFalse();
        ours.ShouldAllBe(b => b == 0);
    }

    [Fact]
    public void Short_spans_are_refused()
    {
        byte[] key = new byte[32];
        Should.Throw<ArgumentException>(() => X25519.GetPublicKey(key.AsSpan(0, 31), new byte[32]));
        Should.Throw<ArgumentException>(() => X25519.TryDeriveSharedSecret(key, key.AsSpan(0, 31), new byte[32]));
        Should.Throw<ArgumentException>(() => X25519.ScalarMultiply(key, key, new byte[31]));
    }

    private static byte[] Encode(BigInteger value)
    {
        byte[] bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true);
        return bytes;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
