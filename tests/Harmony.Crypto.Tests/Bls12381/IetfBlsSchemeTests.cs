using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls12381;

public class IetfBlsSchemeTests
{
    private static readonly IetfBlsScheme Scheme = IetfBlsScheme.Instance;

    private static BlsSecretKey Key(byte seed)
    {
        var ikm = new byte[32];
        Array.Fill(ikm, seed);
        return BlsSecretKey.KeyGen(ikm);
    }

    [Fact]
    public void KeyGen_matches_the_EIP_2333_test_vector()
    {
        // EIP-2333 test case 0: the master key derived from this seed.
        byte[] seed = Convert.FromHexString(
            "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
        using var key = BlsSecretKey.KeyGen(seed);
        new System.Numerics.BigInteger(key.ToBytes(), isUnsigned: true, isBigEndian: true).ToString()
            .ShouldBe("6083874454709270928345386274498605044986640685124978867557563392430687146096");
    }

    [Fact]
    public void Signatures_verify_only_under_their_key_and_message()
    {
        using var alice = Key(1);
        using var bob = Key(2);
        var alicePk = Scheme.GetPublicKey(alice);
        var bobPk = Scheme.GetPublicKey(bob);
        byte[] message = "harmony"u8.ToArray();
        var signature = Scheme.Sign(alice, message);

        Scheme.Verify(alicePk, message, signature).ShouldBeTrue();
        Scheme.Verify(bobPk, message, signature).ShouldBeFalse();
        Scheme.Verify(alicePk, "harmonz"u8, signature).ShouldBeFalse();
        Scheme.Verify(default, message, signature).ShouldBeFalse();
    }

    [Fact]
    public void Keys_and_signatures_round_trip_through_bytes()
    {
        using var key = Key(3);
        var pk = Scheme.GetPublicKey(key);
        var signature = Scheme.Sign(key, "round trip"u8);
        Scheme.DecodePublicKey(Scheme.EncodePublicKey(pk)).ShouldBe(pk);
        Scheme.DecodeSignature(Scheme.EncodeSignature(signature)).ShouldBe(signature);
        Scheme.DecodePublicKey(pk.Point.ToUncompressed()).ShouldBe(pk);
        Scheme.DecodeSignature(signature.Point.ToUncompressed()).ShouldBe(signature);
        BlsSecretKey.FromBytes(key.ToBytes()).ToBytes().ShouldBe(key.ToBytes());
    }

    [Fact]
    public void Bad_bytes_are_rejected_with_a_reason()
    {
        using var key = Key(4);
        byte[] pk = Scheme.EncodePublicKey(Scheme.GetPublicKey(key));

        Scheme.TryDecodePublicKey(pk.AsSpan(0, 47), out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(PointDecodeError.WrongLength);

        byte[] uncompressedFlag = (byte[])pk.Clone();
        uncompressedFlag[0] &= 0x7f;
        Scheme.TryDecodePublicKey(uncompressedFlag, out _, out reason).ShouldBeFalse();
        reason.ShouldBe(PointDecodeError.InvalidFlags);

        byte[] tooLarge = new byte[48];
        tooLarge.AsSpan().Fill(0xff);
        tooLarge[0] = 0x9f;
        Scheme.TryDecodePublicKey(tooLarge, out _, out reason).ShouldBeFalse();
        reason.ShouldBe(PointDecodeError.CoordinateNotInField);

        byte[] infinity = new byte[48];
        infinity[0] = 0xc0;
        Scheme.TryDecodePublicKey(infinity, out _, out reason).ShouldBeFalse();
        reason.ShouldBe(PointDecodeError.Infinity);
        G1Point.TryDecode(infinity, out var point).ShouldBeTrue();
        point.IsInfinity.ShouldBeTrue();

        Should.Throw<BlsFormatException>(() => Scheme.DecodePublicKey(tooLarge)).Error.ShouldBe(PointDecodeError.CoordinateNotInField);
        BlsSecretKey.TryFromBytes(new byte[32], out _).ShouldBeFalse();
    }

    [Fact]
    public void A_point_off_the_subgroup_is_rejected()
    {
        // x = 0 gives y² = 4 on E, a point of order 3 outside G1.
        byte[] encoded = new byte[48];
        encoded[0] = 0x80;
        G1Point.TryDecode(encoded, out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(PointDecodeError.NotInSubgroup);
    }

    [Fact]
    public void Aggregates_and_proofs_of_possession_work()
    {
        var keys = Enumerable.Range(10, 5).Select(i => Key((byte)i)).ToArray();
        var pks = keys.Select(Scheme.GetPublicKey).ToArray();
        byte[] message = "block 42"u8.ToArray();
        BlsSignature.TryAggregate(keys.Select(k => Scheme.Sign(k, message)).ToArray(), out var aggregate).ShouldBeTrue();
        Scheme.FastAggregateVerify(pks, message, aggregate).ShouldBeTrue();
        Scheme.FastAggregateVerify(pks[1..], message, aggregate).ShouldBeFalse();

        var messages = Enumerable.Range(0, 5).Select(i => (ReadOnlyMemory<byte>)new[] { (byte)i }).ToArray();
        BlsSignature.TryAggregate(keys.Select((k, i) => Scheme.Sign(k, messages[i].Span)).ToArray(), out var distinct).ShouldBeTrue();
        Scheme.AggregateVerify(pks, messages, distinct).ShouldBeTrue();
        Scheme.AggregateVerify(pks.Reverse().ToArray(), messages, distinct).ShouldBeFalse();

        var proof = Scheme.ProvePossession(keys[0]);
        Scheme.VerifyPossession(pks[0], proof).ShouldBeTrue();
        Scheme.VerifyPossession(pks[1], proof).ShouldBeFalse();

        // A proof of possession is not a signature of the key bytes under the signing tag.
        Scheme.Verify(pks[0], Scheme.EncodePublicKey(pks[0]), proof).ShouldBeFalse();
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    [Fact]
    public void Batch_verification_names_the_bad_sets()
    {
        var sets = new BlsSignatureSet[6];
        for (int i = 0; i < sets.Length; i++)
        {
            using var key = Key((byte)(20 + i));
            byte[] message = [(byte)i, 1, 2, 3];
            sets[i] = new BlsSignatureSet(Scheme.GetPublicKey(key), message, Scheme.Sign(key, message));
        }

        Scheme.VerifyBatch(sets).IsValid.ShouldBeTrue();

        sets[2] = sets[2] with { Message = new byte[] { 9, 9 } };
        sets[4] = sets[4] with { Signature = sets[0].Signature };
        var result = Scheme.VerifyBatch(sets);
        result.IsValid.ShouldBeFalse();
        result.InvalidIndices.ShouldBe([2, 4]);
        Scheme.VerifyBatch([]).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Disposed_keys_cannot_sign()
    {
        var key = Key(30);
        key.Dispose();
        Should.Throw<ObjectDisposedException>(() => Scheme.Sign(key, "x"u8));
        key.ToString().ShouldNotContain("0");
    }
}
