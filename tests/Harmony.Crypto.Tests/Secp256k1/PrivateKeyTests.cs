using Harmony.Crypto.Secp256k1;
using static Harmony.Crypto.Tests.Secp256k1.Reference;

namespace Harmony.Crypto.Tests.Secp256k1;

public class PrivateKeyTests
{
    [Fact]
    public void Out_of_range_secrets_are_rejected_without_echoing_them()
    {
        byte[][] invalid = [new byte[32], ToBytes32(N), ToBytes32(N + 1), Convert.FromHexString(new string('f', 64))];
        foreach (byte[] secret in invalid)
        {
            Secp256k1PrivateKey.TryFromBytes(secret, out Secp256k1PrivateKey? key).ShouldBeFalse();
            key.ShouldBeNull();
            ArgumentException error = Should.Throw<ArgumentException>(() => Secp256k1PrivateKey.FromBytes(secret));
            error.Message.ShouldNotContain(Convert.ToHexString(secret).ToLowerInvariant());
            error.Message.ShouldNotContain(Convert.ToHexString(secret));
        }

        Secp256k1PrivateKey.TryFromBytes(new byte[31], out _).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => Secp256k1PrivateKey.FromBytes(new byte[33]));
        Should.Throw<ArgumentException>(() => Secp256k1PrivateKey.FromBytes(new byte[32])).Message.ShouldContain("zero");
    }

    [Fact]
    public void Largest_valid_secret_is_n_minus_one()
    {
        using Secp256k1PrivateKey key = Secp256k1PrivateKey.FromBytes(ToBytes32(N - 1));
        byte[] compressed = key.PublicKey.ToCompressed();

        // (n - 1) G = -G: same x as G, odd y.
        Convert.ToHexStringLower(compressed).ShouldBe("0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    }

    [Fact]
    public void Secret_exports_and_the_key_forgets_it_on_dispose()
    {
        var secret = new byte[32];
        new Random(41).NextBytes(secret);
        secret[0] = 0x12;
        Secp256k1PrivateKey key = Secp256k1PrivateKey.FromBytes(secret);
        string hex = Convert.ToHexString(secret);
        key.ToString().ShouldNotContain(hex, Case.Insensitive);

        byte[] exported = new byte[32];
        key.WriteSecret(exported);
        exported.ShouldBe(secret);
        Secp256k1PublicKey publicKey = key.PublicKey;

        key.Dispose();
        Should.Throw<ObjectDisposedException>(() => key.Sign(new byte[32]));
        Should.Throw<ObjectDisposedException>(() => key.WriteSecret(exported));
        Should.Throw<ObjectDisposedException>(() => key.PublicKey);
        key.ToString().ShouldNotContain(hex, Case.Insensitive);
        publicKey.ToCompressed().Length.ShouldBe(33);
    }

    [Fact]
    public void Generated_keys_are_distinct_and_usable()
    {
        using Secp256k1PrivateKey a = Secp256k1PrivateKey.Generate();
        using Secp256k1PrivateKey b = Secp256k1PrivateKey.Generate();
        a.PublicKey.ShouldNotBe(b.PublicKey);
        byte[] hash = new byte[32];
        hash[31] = 1;
        a.PublicKey.Verify(hash, a.Sign(hash)).ShouldBeTrue();
        b.PublicKey.Verify(hash, a.Sign(hash)).ShouldBeFalse();
    }

    [Fact]
    public void Generation_draws_from_the_injected_generator_and_skips_out_of_range_candidates()
    {
        byte[] valid = new byte[32];
        valid[31] = 5;
        using var random = new ScriptedRandom([new byte[32], ToBytes32(N), valid]);
        using Secp256k1PrivateKey key = Secp256k1PrivateKey.Generate(random);
        byte[] secret = new byte[32];
        key.WriteSecret(secret);
        secret.ShouldBe(valid);
        random.Draws.ShouldBe(3);
    }

    [Fact]
    public void Hash_length_is_checked()
    {
        using Secp256k1PrivateKey key = Secp256k1PrivateKey.Generate();
        Should.Throw<ArgumentException>(() => key.Sign(new byte[31]));
        EcdsaSignature signature = key.Sign(new byte[32]);
        Should.Throw<ArgumentException>(() => key.PublicKey.Verify(new byte[33], signature));
        Should.Throw<ArgumentException>(() => Secp256k1Ecdsa.TryRecover(new byte[20], signature, out _));
    }

    /// <summary>Returns the given byte strings in order.</summary>
    private sealed class ScriptedRandom(byte[][] outputs) : System.Security.Cryptography.RandomNumberGenerator
    {
        public int Draws { get; private set; }

        public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

        public override void GetBytes(Span<byte> data) => outputs[Draws++].CopyTo(data);
    }
}
