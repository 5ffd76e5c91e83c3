using System.Numerics;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>Properties and rejections of the Harmony suite that the vectors do not cover.</summary>
public class HarmonyBlsSchemeTests
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;

    [Fact]
    public void Random_keys_sign_and_verify_and_round_trip_through_mcl_bytes()
    {
        var random = new Random(20261121);
        for (int i = 0; i < 12; i++)
        {
            using var key = RandomKey(random);
            var publicKey = Scheme.GetPublicKey(key);
            byte[] message = new byte[32];
            random.NextBytes(message);
            var signature = Scheme.Sign(key, message);

            Scheme.Verify(publicKey, message, signature).ShouldBeTrue();
            Scheme.DecodePublicKey(Scheme.EncodePublicKey(publicKey)).ShouldBe(publicKey);
            Scheme.DecodeSignature(Scheme.EncodeSignature(signature)).ShouldBe(signature);

            byte[] secret = new byte[BlsSecretKey.Size];
            Scheme.EncodeSecretKey(key, secret);
            Scheme.TryDecodeSecretKey(secret, out var again).ShouldBeTrue();
            using (again)
            {
                Scheme.GetPublicKey(again).ShouldBe(publicKey);
            }
        }
    }

    [Fact]
    public void A_signature_never_verifies_under_another_key_or_a_changed_payload_byte()
    {
        var random = new Random(7);
        using var key = RandomKey(random);
        using var other = RandomKey(random);
        byte[] message = new byte[48];
        random.NextBytes(message);
        var signature = Scheme.Sign(key, message);

        Scheme.Verify(Scheme.GetPublicKey(other), message, signature).ShouldBeFalse();
        for (int position = 0; position < message.Length; position += 7)
        {
            byte[] changed = (byte[])message.Clone();
            changed[position] ^= 0x01;
            Scheme.Verify(Scheme.GetPublicKey(key), changed, signature).ShouldBeFalse($"byte {position}");
        }
    }

    [Fact]
    public void Bytes_after_the_first_48_do_not_change_the_signature_as_in_mcl()
    {
        using var key = RandomKey(new Random(3));
        byte[] message = new byte[80];
        message[0] = 1;
        byte[] longer = (byte[])message.Clone();
        longer[60] = 0xAB;
        Scheme.Sign(key, message).ShouldBe(Scheme.Sign(key, longer));
        HarmonyBlsScheme.SignedMessagePrefixLength.ShouldBe(48);
    }

    [Fact]
    public void Messages_mcl_cannot_map_are_refused_everywhere()
    {
        using var key = RandomKey(new Random(5));
        var publicKey = Scheme.GetPublicKey(key);
        foreach (byte[] message in new[] { Array.Empty<byte>(), new byte[32], new byte[48], [.. new byte[48], 1] })
        {
            HarmonyBlsScheme.CanSign(message).ShouldBeFalse();
            Scheme.TrySign(key, message, out _).ShouldBeFalse();
            Scheme.Verify(publicKey, message, Scheme.Sign(key, [1])).ShouldBeFalse();
            Scheme.FastAggregateVerify([publicKey], message, Scheme.Sign(key, [1])).ShouldBeFalse();
        }

        var good = new BlsSignatureSet(publicKey, new byte[] { 1 }, Scheme.Sign(key, [1]));
        var unhashable = new BlsSignatureSet(publicKey, new byte[32], Scheme.Sign(key, [1]));
        var result = Scheme.VerifyBatch([good, unhashable]);
        result.IsValid.ShouldBeFalse();
        result.InvalidIndices.ShouldBe([1]);
    }

    [Fact]
    public void Field_element_follows_the_381_then_380_bit_mask()
    {
        var random = new Random(11);
        var mask381 = (BigInteger.One << 381) - 1;
        var mask380 = (BigInteger.One << 380) - 1;
        for (int i = 0; i < 200; i++)
        {
            byte[] message = new byte[random.Next(1, 64)];
            random.NextBytes(message);
            var value = new BigInteger(message.AsSpan(0, Math.Min(48, message.Length)), isUnsigned: true, isBigEndian: false) & mask381;
            if (value >= Fp.Modulus)
            {
                value &= mask380;
            }

            bool mapped = MclMapToCurve.TryMessageToField(message, out var t);
            mapped.ShouldBe(!value.IsZero);
            if (mapped)
            {
                t.ToBigInteger().ShouldBe(value);
            }
        }
    }

    [Fact]
    public void Hashes_are_in_the_subgroup()
    {
        var random = new Random(13);
        for (int i = 0; i < 8; i++)
        {
            byte[] message = new byte[32];
            random.NextBytes(message);
            HarmonyBlsScheme.TryHashToPoint(message, out var point).ShouldBeTrue();
            point.IsInSubgroup().ShouldBeTrue();
        }
    }

    [Fact]
    public void Points_outside_the_subgroup_are_rejected_with_that_reason()
    {
        MclMapToCurve.TryMapToG1(Fp.FromUInt64(2), out var g1Point).ShouldBeTrue();
        G1.IsInSubgroup(g1Point).ShouldBeFalse();
        byte[] key = new byte[48];
        MclPointEncoding.EncodeG1(g1Point, key);
        Scheme.TryDecodePublicKey(key, out _, out var keyReason).ShouldBeFalse();
        keyReason.ShouldBe(PointDecodeError.NotInSubgroup);

        MclMapToCurve.TryMapToTwist(new Fp2(Fp.FromUInt64(2), default), out var g2Point).ShouldBeTrue();
        byte[] signature = new byte[96];
        MclPointEncoding.EncodeG2(g2Point, signature);
        Scheme.TryDecodeSignature(signature, out _, out var signatureReason).ShouldBeFalse();
        signatureReason.ShouldBe(PointDecodeError.NotInSubgroup);
    }

    [Fact]
    public void Malformed_bytes_are_rejected_with_their_reason()
    {
        Reason(new byte[47]).ShouldBe(PointDecodeError.WrongLength);
        Reason(new byte[48]).ShouldBe(PointDecodeError.Infinity);

        byte[] p = Fp.Modulus.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Resize(ref p, 48);
        Reason(p).ShouldBe(PointDecodeError.CoordinateNotInField);

        // x = 0 with the odd flag is (0, −2), a point of order 3: on the curve, outside G1.
        byte[] orderThree = new byte[48];
        orderThree[47] = 0x80;
        Reason(orderThree).ShouldBe(PointDecodeError.NotInSubgroup);

        byte[] offCurve = new byte[48];
        for (byte x = 1; ; x++)
        {
            var fx = Fp.FromUInt64(x);
            if (!Fp.IsSquare((fx.Square() * fx) + G1Curve.B))
            {
                offCurve[0] = x;
                break;
            }
        }

        Reason(offCurve).ShouldBe(PointDecodeError.NotOnCurve);

        Scheme.TryDecodeSignature(new byte[95], out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(PointDecodeError.WrongLength);
        Scheme.TryDecodeSignature(new byte[96], out var identity, out _).ShouldBeTrue();
        identity.Point.IsInfinity.ShouldBeTrue();
    }

    [Fact]
    public void Decoding_random_bytes_never_throws()
    {
        var random = new Random(17);
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes = new byte[random.Next(0, 2) == 0 ? 48 : random.Next(0, 100)];
            random.NextBytes(bytes);
            Scheme.TryDecodePublicKey(bytes, out _, out _);
            byte[] signature = new byte[random.Next(0, 2) == 0 ? 96 : random.Next(0, 120)];
            random.NextBytes(signature);
            Scheme.TryDecodeSignature(signature, out _, out _);
        }
    }

    [Fact]
    public void Proof_of_possession_signs_keccak_of_harmony_one_for_every_key()
    {
        using var key = RandomKey(new Random(19));
        var publicKey = Scheme.GetPublicKey(key);
        var proof = Scheme.ProvePossession(key);
        proof.ShouldBe(Scheme.Sign(key, HarmonyBlsScheme.PossessionMessage));
        Scheme.VerifyPossession(publicKey, proof).ShouldBeTrue();
        using var other = RandomKey(new Random(23));
        Scheme.VerifyPossession(Scheme.GetPublicKey(other), proof).ShouldBeFalse();
    }

    [Fact]
    public void The_generator_is_the_public_key_of_one_and_differs_from_the_ietf_generator()
    {
        using var one = BlsSecretKey.FromBytes([.. new byte[31], 1]);
        Scheme.GetPublicKey(one).Point.ShouldBe(HarmonyBlsScheme.GeneratorPoint);
        HarmonyBlsScheme.GeneratorPoint.ShouldNotBe(G1Point.Generator);
        HarmonyBlsScheme.GeneratorPoint.IsInSubgroup().ShouldBeTrue();
    }

    [Fact]
    public void Suites_are_chosen_by_name()
    {
        BlsSignatureScheme.ForSuite(BlsSuite.Harmony).ShouldBeSameAs(Scheme);
        BlsSignatureScheme.ForSuite(BlsSuite.Ietf).ShouldBeSameAs(IetfBlsScheme.Instance);
        Scheme.PublicKeySize.ShouldBe(48);
        Scheme.SignatureSize.ShouldBe(96);
    }

    private static PointDecodeError Reason(byte[] encoded)
    {
        Scheme.TryDecodePublicKey(encoded, out _, out var reason).ShouldBeFalse();
        return reason;
    }

    private static BlsSecretKey RandomKey(Random random)
    {
        byte[] ikm = new byte[32];
        random.NextBytes(ikm);
        return BlsSecretKey.KeyGen(ikm);
    }
}
