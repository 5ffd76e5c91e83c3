using System.Numerics;
using System.Security.Cryptography;
using Harmony.Crypto.Secp256k1;
using static Harmony.Crypto.Tests.Secp256k1.Reference;

namespace Harmony.Crypto.Tests.Secp256k1;

public class EcdsaRoundTripTests
{
    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Secp256k1PrivateKey RandomKey(Random random)
    {
        while (true)
        {
            if (Secp256k1PrivateKey.TryFromBytes(RandomBytes(random, 32), out Secp256k1PrivateKey? key))
            {
                return key;
            }
        }
    }

    [Fact]
    public void Sign_verify_recover_round_trips_over_random_keys_and_messages()
    {
        var random = new Random(31);
        for (int i = 0; i < 300; i++)
        {
            using Secp256k1PrivateKey key = RandomKey(random);
            byte[] hash = RandomBytes(random, 32);
            EcdsaSignature signature = key.Sign(hash);

            signature.IsLowS.ShouldBeTrue();
            signature.RecoveryId.ShouldBeInRange(0, 3);
            key.PublicKey.Verify(hash, signature).ShouldBeTrue();
            key.PublicKey.Verify(hash, signature, requireLowS: true).ShouldBeTrue();
            Secp256k1Ecdsa.TryRecover(hash, signature, out Secp256k1PublicKey recovered).ShouldBeTrue();
            recovered.ShouldBe(key.PublicKey);
            key.Sign(hash).ShouldBe(signature, "RFC 6979 signing is deterministic");
        }
    }

    [Fact]
    public void Signatures_satisfy_the_textbook_equations()
    {
        var random = new Random(32);
        for (int i = 0; i < 40; i++)
        {
            using Secp256k1PrivateKey key = RandomKey(random);
            byte[] hash = RandomBytes(random, 32);
            EcdsaSignature signature = key.Sign(hash);
            byte[] q = key.PublicKey.ToUncompressed();
            Reference.Verify(FromBytes(q.AsSpan(1, 32)), FromBytes(q.AsSpan(33, 32)), Mod(FromBytes(hash), N), FromBytes(signature.GetR()), FromBytes(signature.GetS()))
                .ShouldBeTrue();

            byte[] secret = new byte[32];
            key.WriteSecret(secret);
            (BigInteger X, BigInteger Y)? expected = Multiply(FromBytes(secret), G);
            FromBytes(q.AsSpan(1, 32)).ShouldBe(expected!.Value.X);
            FromBytes(q.AsSpan(33, 32)).ShouldBe(expected.Value.Y);
        }
    }

    [Fact]
    public void Tampered_hash_r_or_s_fail_verification_and_recover_another_key()
    {
        var random = new Random(33);
        for (int i = 0; i < 50; i++)
        {
            using Secp256k1PrivateKey key = RandomKey(random);
            byte[] hash = RandomBytes(random, 32);
            EcdsaSignature signature = key.Sign(hash);
            byte[] r = signature.GetR();
            byte[] s = signature.GetS();

            byte[] otherHash = (byte[])hash.Clone();
            otherHash[random.Next(32)] ^= (byte)(1 << random.Next(8));
            key.PublicKey.Verify(otherHash, signature).ShouldBeFalse();
            if (Secp256k1Ecdsa.TryRecover(otherHash, signature, out Secp256k1PublicKey other))
            {
                other.ShouldNotBe(key.PublicKey);
            }

            byte[] badR = (byte[])r.Clone();
            badR[random.Next(32)] ^= (byte)(1 << random.Next(8));
            key.PublicKey.Verify(hash, new EcdsaSignature(badR, s, signature.RecoveryId)).ShouldBeFalse();

            byte[] badS = (byte[])s.Clone();
            badS[random.Next(32)] ^= (byte)(1 << random.Next(8));
            key.PublicKey.Verify(hash, new EcdsaSignature(r, badS, signature.RecoveryId)).ShouldBeFalse();
            if (Secp256k1Ecdsa.TryRecover(hash, new EcdsaSignature(r, badS, signature.RecoveryId), out Secp256k1PublicKey fromBadS))
            {
                fromBadS.ShouldNotBe(key.PublicKey);
            }

            using Secp256k1PrivateKey otherKey = RandomKey(random);
            otherKey.PublicKey.Verify(hash, signature).ShouldBeFalse();
        }
    }

    [Fact]
    public void High_S_is_accepted_by_default_rejected_when_strict_and_normalises_back()
    {
        var random = new Random(34);
        for (int i = 0; i < 30; i++)
        {
            using Secp256k1PrivateKey key = RandomKey(random);
            byte[] hash = RandomBytes(random, 32);
            EcdsaSignature low = key.Sign(hash);
            byte[] highS = ToBytes32(N - FromBytes(low.GetS()));
            var high = new EcdsaSignature(low.GetR(), highS, low.RecoveryId ^ 1);

            high.IsLowS.ShouldBeFalse();
            key.PublicKey.Verify(hash, high).ShouldBeTrue();
            key.PublicKey.Verify(hash, high, requireLowS: true).ShouldBeFalse();
            Secp256k1Ecdsa.TryRecover(hash, high, out Secp256k1PublicKey recovered).ShouldBeTrue();
            recovered.ShouldBe(key.PublicKey);
            high.NormalizeS().ShouldBe(low);
            low.NormalizeS().ShouldBe(low);
        }
    }

    [Fact]
    public void Out_of_range_r_and_s_fail_cleanly()
    {
        using Secp256k1PrivateKey key = RandomKey(new Random(35));
        byte[] hash = new byte[32];
        hash[5] = 7;
        EcdsaSignature good = key.Sign(hash);
        byte[] zero = new byte[32];
        byte[] n = ToBytes32(N);
        byte[] nPlusR = ToBytes32(N + FromBytes(good.GetR()) < TwoTo256 ? N + FromBytes(good.GetR()) : N + 1);
        byte[] max = Convert.FromHexString(new string('f', 64));

        foreach (byte[] badR in new[] { zero, n, nPlusR, max })
        {
            var signature = new EcdsaSignature(badR, good.GetS(), good.RecoveryId);
            key.PublicKey.Verify(hash, signature).ShouldBeFalse();
            Secp256k1Ecdsa.TryRecover(hash, signature, out Secp256k1PublicKey none).ShouldBeFalse();
            none.ShouldBe(default);
        }

        foreach (byte[] badS in new[] { zero, n, ToBytes32(N + 1), max })
        {
            var signature = new EcdsaSignature(good.GetR(), badS, good.RecoveryId);
            key.PublicKey.Verify(hash, signature).ShouldBeFalse();
            signature.IsLowS.ShouldBeFalse();
            signature.NormalizeS().ShouldBe(signature);
            Secp256k1Ecdsa.TryRecover(hash, signature, out _).ShouldBeFalse();
        }
    }

    [Fact]
    public void Random_signatures_are_rejected_without_throwing()
    {
        var random = new Random(39);
        using Secp256k1PrivateKey key = RandomKey(random);
        for (int i = 0; i < 200; i++)
        {
            byte[] hash = RandomBytes(random, 32);
            var signature = EcdsaSignature.FromCompact(RandomBytes(random, 64), random.Next(4));
            key.PublicKey.Verify(hash, signature).ShouldBeFalse();
            if (Secp256k1Ecdsa.TryRecover(hash, signature, out Secp256k1PublicKey recovered))
            {
                recovered.Verify(hash, signature).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void Wrong_recovery_ids_recover_other_keys_or_fail()
    {
        var random = new Random(36);
        for (int i = 0; i < 20; i++)
        {
            using Secp256k1PrivateKey key = RandomKey(random);
            byte[] hash = RandomBytes(random, 32);
            EcdsaSignature signature = key.Sign(hash);
            for (int id = 0; id < 4; id++)
            {
                if (id == signature.RecoveryId)
                {
                    continue;
                }

                var other = new EcdsaSignature(signature.GetR(), signature.GetS(), id);
                if (Secp256k1Ecdsa.TryRecover(hash, other, out Secp256k1PublicKey recovered))
                {
                    recovered.ShouldNotBe(key.PublicKey);
                    recovered.Verify(hash, other).ShouldBeTrue("any recovered key verifies the signature");
                }
                else
                {
                    // Ids 2 and 3 only exist when r + n is below p, which random r almost never is.
                    (id & 2).ShouldBe(2);
                }
            }
        }
    }

    [Fact]
    public void Recovery_id_with_the_overflow_bit_recovers_when_the_nonce_abscissa_exceeds_n()
    {
        // Build a signature by hand whose nonce point R has x >= n: x = r + n with r small.
        // Find the smallest r for which r + n is the abscissa of a curve point.
        var random = new Random(37);
        for (BigInteger r = 1; r < 1000; r++)
        {
            BigInteger x = r + N;
            BigInteger rhs = Mod((x * x * x) + 7, P);
            if (BigInteger.ModPow(rhs, (P - 1) / 2, P) != 1)
            {
                continue;
            }

            // Any s and hash give a valid (r, s) for the recovered key; check the key verifies it.
            byte[] hash = RandomBytes(random, 32);
            BigInteger s = RandomBelow(random, N - 1) + 1;
            var signature = new EcdsaSignature(ToBytes32(r), ToBytes32(s), 2);
            Secp256k1Ecdsa.TryRecover(hash, signature, out Secp256k1PublicKey key).ShouldBeTrue();
            key.Verify(hash, signature).ShouldBeTrue();
            byte[] q = key.ToUncompressed();
            Reference.Verify(FromBytes(q.AsSpan(1, 32)), FromBytes(q.AsSpan(33, 32)), Mod(FromBytes(hash), N), r, s).ShouldBeTrue();
            return;
        }

        Assert.Fail("No small r with r + n on the curve was found.");
    }

    [SkippableFact]
    public void Interoperates_with_the_platform_ECDsa_when_it_supports_secp256k1()
    {
        ECDsa platform;
        try
        {
            platform = ECDsa.Create(ECCurve.CreateFromValue("1.3.132.0.10"));
        }
        catch (PlatformNotSupportedException)
        {
            throw new SkipException("The platform's ECDsa does not support secp256k1.");
        }
        catch (CryptographicException)
        {
            throw new SkipException("The platform's ECDsa does not support secp256k1.");
        }

        using (platform)
        {
            ECParameters parameters = platform.ExportParameters(includePrivateParameters: true);
            using Secp256k1PrivateKey key = Secp256k1PrivateKey.FromBytes(parameters.D);
            byte[] q = key.PublicKey.ToUncompressed();
            q.AsSpan(1, 32).SequenceEqual(parameters.Q.X).ShouldBeTrue();
            q.AsSpan(33, 32).SequenceEqual(parameters.Q.Y).ShouldBeTrue();

            var random = new Random(38);
            for (int i = 0; i < 50; i++)
            {
                byte[] hash = RandomBytes(random, 32);
                byte[] theirs = platform.SignHash(hash);
                var parsed = new EcdsaSignature(theirs.AsSpan(0, 32), theirs.AsSpan(32, 32), 0);
                key.PublicKey.Verify(hash, parsed).ShouldBeTrue();

                byte[] ours = new byte[64];
                key.Sign(hash).WriteCompact(ours);
                platform.VerifyHash(hash, ours).ShouldBeTrue();
            }
        }
    }
}
