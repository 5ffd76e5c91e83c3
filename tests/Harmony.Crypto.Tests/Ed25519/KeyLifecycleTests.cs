using System.Security.Cryptography;
using Harmony.Crypto.Ed25519;

namespace Harmony.Crypto.Tests.Ed25519;

/// <summary>Key construction, disposal, argument checks, and the allocation-free hot paths.</summary>
public class KeyLifecycleTests
{
    [Fact]
    public void Disposed_key_refuses_to_sign_and_never_prints_its_secret()
    {
        byte[] seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var key = Ed25519PrivateKey.FromSeed(seed);
        key.ToString().ShouldNotContain("9d61b19d");
        key.ToString().ShouldContain(key.PublicKey.ToString());
        byte[] copy = new byte[32];
        key.WriteSeed(copy);
        copy.ShouldBe(seed);

        key.Dispose();
        Should.Throw<ObjectDisposedException>(() => key.Sign([1, 2, 3]));
        Should.Throw<ObjectDisposedException>(() => key.WriteSeed(copy));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Should.Throw<ArgumentException>(() => Ed25519PrivateKey.FromSeed(new byte[31]));
        using var key = Ed25519PrivateKey.FromSeed(new byte[32]);
        Should.Throw<ArgumentException>(() => key.Sign([1], new byte[63]));
        byte[] buffer = new byte[100];
        Should.Throw<ArgumentException>(() => key.Sign(buffer.AsSpan(0, 10), buffer.AsSpan(5, 64)));
        Ed25519PublicKey.TryDecode(new byte[31], out _).ShouldBeFalse();
        Ed25519PublicKey.TryDecode(new byte[33], out _).ShouldBeFalse();
        key.PublicKey.Verify([1], new byte[63]).ShouldBeFalse();
        key.PublicKey.Verify([1], new byte[65]).ShouldBeFalse();
        Ed25519PublicKey.Verify(new byte[5], [1], new byte[64]).ShouldBeFalse();
    }

    [Fact]
    public void Generated_keys_differ_and_sign_verifiably()
    {
        using var first = Ed25519PrivateKey.Generate();
        using var second = Ed25519PrivateKey.Generate(RandomNumberGenerator.Create());
        first.PublicKey.ShouldNotBe(second.PublicKey);
        first.PublicKey.Verify("m"u8, first.Sign("m"u8)).ShouldBeTrue();
        second.PublicKey.Verify("m"u8, first.Sign("m"u8)).ShouldBeFalse();

        Ed25519PublicKey.TryDecode(first.PublicKey.Encoded, out var decoded).ShouldBeTrue();
        decoded.ShouldBe(first.PublicKey);
        decoded.GetHashCode().ShouldBe(first.PublicKey.GetHashCode());
    }

    [Fact]
    public void Sign_verify_and_shared_secret_allocate_nothing()
    {
        using var key = Ed25519PrivateKey.FromSeed(new byte[32]);
        Ed25519PublicKey publicKey = key.PublicKey;
        byte[] message = new byte[256];
        byte[] signature = new byte[64];
        byte[] publicBytes = publicKey.Encoded.ToArray();
        byte[] secret = new byte[32];

        // Warm up (JIT, tables, the per-thread hash object).
        key.Sign(message, signature);
        publicKey.Verify(message, signature).ShouldBeTrue();
        Ed25519PublicKey.Verify(publicBytes, message, signature).ShouldBeTrue();
        X25519.GetPublicKey(secret, secret);
        X25519.TryDeriveSharedSecret(signature.AsSpan(0, 32), secret, secret).ShouldBeTrue();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            key.Sign(message, signature);
            publicKey.Verify(message, signature);
            Ed25519PublicKey.Verify(publicBytes, message, signature);
            X25519.GetPublicKey(secret, secret);
            X25519.TryDeriveSharedSecret(signature.AsSpan(0, 32), secret, secret);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
