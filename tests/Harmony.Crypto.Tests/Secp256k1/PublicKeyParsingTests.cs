using System.Numerics;
using Harmony.Crypto.Secp256k1;
using static Harmony.Crypto.Tests.Secp256k1.Reference;

namespace Harmony.Crypto.Tests.Secp256k1;

public class PublicKeyParsingTests
{
    private static Secp256k1PublicKey SomeKey(int seed)
    {
        byte[] secret = new byte[32];
        new Random(seed).NextBytes(secret);
        secret[0] &= 0x7f;
        using Secp256k1PrivateKey key = Secp256k1PrivateKey.FromBytes(secret);
        return key.PublicKey;
    }

    [Fact]
    public void Compressed_and_uncompressed_encodings_round_trip()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            Secp256k1PublicKey key = SomeKey(seed);
            byte[] compressed = key.ToCompressed();
            byte[] uncompressed = key.ToUncompressed();
            compressed.Length.ShouldBe(33);
            uncompressed.Length.ShouldBe(65);
            compressed.AsSpan(1).SequenceEqual(uncompressed.AsSpan(1, 32)).ShouldBeTrue();
            compressed[0].ShouldBe(FromBytes(uncompressed.AsSpan(33)).IsEven ? (byte)2 : (byte)3);

            Secp256k1PublicKey.Parse(compressed).ShouldBe(key);
            Secp256k1PublicKey.Parse(uncompressed).ShouldBe(key);
            Secp256k1PublicKey.TryParse(compressed, out Secp256k1PublicKey parsed).ShouldBeTrue();
            parsed.ShouldBe(key);
            parsed.GetHashCode().ShouldBe(key.GetHashCode());
            key.ToString().ShouldBe(Convert.ToHexStringLower(compressed));
        }
    }

    [Fact]
    public void Invalid_encodings_are_rejected_with_a_reason()
    {
        byte[] uncompressed = SomeKey(1).ToUncompressed();
        byte[] compressed = SomeKey(1).ToCompressed();

        byte[] offCurve = (byte[])uncompressed.Clone();
        offCurve[64] ^= 1;
        byte[] xAtLeastP = new byte[33];
        xAtLeastP[0] = 2;
        ToBytes32(P).CopyTo(xAtLeastP, 1);
        byte[] xMax = new byte[33];
        xMax[0] = 3;
        xMax.AsSpan(1).Fill(0xff);
        byte[] yAtLeastP = (byte[])uncompressed.Clone();
        ToBytes32(FromBytes(uncompressed.AsSpan(33)) + P < TwoTo256 ? FromBytes(uncompressed.AsSpan(33)) + P : P).CopyTo(yAtLeastP, 33);
        byte[] wrongPrefixCompressed = (byte[])compressed.Clone();
        wrongPrefixCompressed[0] = 4;
        byte[] wrongPrefixUncompressed = (byte[])uncompressed.Clone();
        wrongPrefixUncompressed[0] = 2;
        byte[] hybrid = (byte[])uncompressed.Clone();
        hybrid[0] = 6;

        // An x with no curve point: x^3 + 7 not a square.
        BigInteger x = 1;
        while (BigInteger.ModPow(Mod((x * x * x) + 7, P), (P - 1) / 2, P) == 1)
        {
            x++;
        }

        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 2;
        ToBytes32(x).CopyTo(notOnCurve, 1);

        byte[][] invalid =
        [
            [], [2], compressed[..32], uncompressed[..64], [.. uncompressed, 0], offCurve, xAtLeastP, xMax, yAtLeastP,
            wrongPrefixCompressed, wrongPrefixUncompressed, hybrid, notOnCurve, new byte[33], new byte[65],
        ];
        foreach (byte[] encoding in invalid)
        {
            Secp256k1PublicKey.TryParse(encoding, out Secp256k1PublicKey key).ShouldBeFalse(Convert.ToHexString(encoding));
            key.ShouldBe(default);
            FormatException error = Should.Throw<FormatException>(() => Secp256k1PublicKey.Parse(encoding));
            error.Message.ShouldNotBeNullOrWhiteSpace();
        }

        Should.Throw<FormatException>(() => Secp256k1PublicKey.Parse(offCurve)).Message.ShouldContain("not on the secp256k1 curve");
        Should.Throw<FormatException>(() => Secp256k1PublicKey.Parse(xAtLeastP)).Message.ShouldContain("not below the field prime");
        Should.Throw<FormatException>(() => Secp256k1PublicKey.Parse(wrongPrefixCompressed)).Message.ShouldContain("0x02 or 0x03");
        Should.Throw<FormatException>(() => Secp256k1PublicKey.Parse(new byte[40])).Message.ShouldContain("got 40");
    }

    [Fact]
    public void Random_bytes_never_throw_from_TryParse_and_accepted_ones_re_encode_identically()
    {
        var random = new Random(43);
        int accepted = 0;
        for (int i = 0; i < 3000; i++)
        {
            int length = (i % 3) switch { 0 => 33, 1 => 65, _ => random.Next(0, 80) };
            byte[] encoding = new byte[length];
            random.NextBytes(encoding);
            if (length == 33)
            {
                encoding[0] = (byte)(2 + (i & 1));
            }

            if (Secp256k1PublicKey.TryParse(encoding, out Secp256k1PublicKey key))
            {
                accepted++;
                (length == 33 ? key.ToCompressed() : key.ToUncompressed()).ShouldBe(encoding);
            }
        }

        // About half of all x have a curve point; random 65-byte strings essentially never lie on the curve.
        accepted.ShouldBeInRange(350, 650);
    }

    [Fact]
    public void Default_key_verifies_nothing_and_cannot_be_written()
    {
        Secp256k1PublicKey none = default;
        using Secp256k1PrivateKey signer = Secp256k1PrivateKey.Generate();
        byte[] hash = new byte[32];
        none.Verify(hash, signer.Sign(hash)).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => none.ToCompressed());
        none.ToString().ShouldBe("(no key)");
    }
}
