using System.Security.Cryptography;
using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Tests.Secp256k1;

/// <summary>Widely reproduced secp256k1 / RFC 6979 (HMAC-SHA256) test vectors.</summary>
public class EcdsaKnownVectorTests
{
    private static byte[] Hash(string message) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(message));

    private static Secp256k1PrivateKey Key(string hex) => Secp256k1PrivateKey.FromBytes(Convert.FromHexString(hex.PadLeft(64, '0')));

    // Deterministic nonce k and low-S signature (r, s) for SHA-256 of the message, as reproduced by many
    // secp256k1 libraries.
    public static TheoryData<string, string, string, string, string> Vectors => new()
    {
        { "1", "Satoshi Nakamoto", "8f8a276c19f4149656b280621e358cce24f5f52542772691ee69063b74f15d15", "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5" },
        { "1", "All those moments will be lost in time, like tears in rain. Time to die...", "38aa22d72376b4dbc472e06c3ba403ee0a394da63fc58d88686c611aba98d6b3", "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b", "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21" },
        { "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto", "33a19b60e25fb6f4435af53a3d42d493644827367e6453928554f43e49aa6f90", "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0", "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5" },
        { "f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181", "Alan Turing", "525a82b70e67874398067543fd84c83d30c175fdc45fdeee082fe13b1d7cfdf1", "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c", "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea" },
        {
            "e91671c46231f833a6406ccbea0e3e392c76c167bac1cb013f6f1013980455c2",
            "There is a computer disease that anybody who works with computers knows about. It's a very serious disease and it interferes completely with the work. The trouble with computers is that you 'play' with them!",
            "1f4b84c23a86a221d233f2521be018d9318639d5b8bbd6374a8a59232d16ad3d",
            "b552edd27580141f3b2a5463048cb7cd3e047b97c9f98076c32dbdf85a68718b",
            "279fa72dd19bfae05577e06c7c0c1900c371fcd5893f7e1d56a37d30174671f6"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Rfc6979_nonces_and_signatures_match_the_published_vectors(string secretHex, string message, string kHex, string rHex, string sHex)
    {
        using Secp256k1PrivateKey key = Key(secretHex);
        byte[] hash = Hash(message);

        byte[] secret = new byte[32];
        key.WriteSecret(secret);
        byte[] reducedHash = new byte[32];
        Scalar.FromBytes(hash, out _).WriteBytes(reducedHash);
        var nonces = new Rfc6979Nonce(secret, reducedHash);
        byte[] k = new byte[32];
        nonces.Next(k);
        Convert.ToHexStringLower(k).ShouldBe(kHex);

        EcdsaSignature signature = key.Sign(hash);
        Convert.ToHexStringLower(signature.GetR()).ShouldBe(rHex);
        Convert.ToHexStringLower(signature.GetS()).ShouldBe(sHex);
        signature.IsLowS.ShouldBeTrue();
        key.PublicKey.Verify(hash, signature).ShouldBeTrue();
        Secp256k1Ecdsa.TryRecover(hash, signature, out Secp256k1PublicKey recovered).ShouldBeTrue();
        recovered.ShouldBe(key.PublicKey);
    }

    [Fact]
    public void Private_key_one_has_the_generator_as_public_key()
    {
        using Secp256k1PrivateKey key = Key("1");
        Convert.ToHexStringLower(key.PublicKey.ToUncompressed()).ShouldBe(
            "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
        Convert.ToHexStringLower(key.PublicKey.ToCompressed()).ShouldBe(
            "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    }

    [Fact]
    public void Private_keys_two_and_three_give_the_published_abscissas()
    {
        using Secp256k1PrivateKey two = Key("2");
        using Secp256k1PrivateKey three = Key("3");
        Convert.ToHexStringLower(two.PublicKey.ToCompressed()[1..]).ShouldBe("c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
        Convert.ToHexStringLower(three.PublicKey.ToCompressed()[1..]).ShouldBe("f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9");
    }
}
