using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>
/// Signatures decoded for aggregation skip the per-signature subgroup check; every verification path must then check
/// the subgroup itself, so a point outside G2 is never accepted.
/// </summary>
public class DecodeForAggregationTests
{
    [Theory]
    [InlineData(BlsSuite.Harmony)]
    [InlineData(BlsSuite.Ietf)]
    public void Valid_votes_aggregate_and_verify_with_one_subgroup_check(BlsSuite suite)
    {
        var scheme = BlsSignatureScheme.ForSuite(suite);
        using var a = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)3, 32).ToArray());
        using var b = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)4, 32).ToArray());
        byte[] message = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        scheme.TryDecodeSignatureForAggregation(scheme.EncodeSignature(scheme.Sign(a, message)), out var first, out _).ShouldBeTrue();
        scheme.TryDecodeSignatureForAggregation(scheme.EncodeSignature(scheme.Sign(b, message)), out var second, out _).ShouldBeTrue();
        first.IsSubgroupChecked.ShouldBeFalse();
        BlsSignature.TryAggregate([first, second], out var aggregate).ShouldBeTrue();
        aggregate.IsSubgroupChecked.ShouldBeFalse();
        scheme.FastAggregateVerify([scheme.GetPublicKey(a), scheme.GetPublicKey(b)], message, aggregate).ShouldBeTrue();
        scheme.Verify(scheme.GetPublicKey(a), message, first).ShouldBeTrue();
    }

    [Fact]
    public void A_vote_outside_the_subgroup_is_refused_by_every_verification_path()
    {
        var scheme = HarmonyBlsScheme.Instance;
        using var key = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)5, 32).ToArray());
        var publicKey = scheme.GetPublicKey(key);
        byte[] message = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        MclMapToCurve.TryMapToTwist(new Fp2(Fp.FromUInt64(9), default), out var outside).ShouldBeTrue();
        G2.IsInSubgroup(outside).ShouldBeFalse();
        byte[] encoded = new byte[96];
        MclPointEncoding.EncodeG2(outside, encoded);

        scheme.TryDecodeSignature(encoded, out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(PointDecodeError.NotInSubgroup);
        scheme.TryDecodeSignatureForAggregation(encoded, out var unchecked_, out _).ShouldBeTrue();
        unchecked_.IsSubgroupChecked.ShouldBeFalse();

        scheme.Verify(publicKey, message, unchecked_).ShouldBeFalse();
        scheme.FastAggregateVerify([publicKey], message, unchecked_).ShouldBeFalse();
        scheme.AggregateVerify([publicKey], [message], unchecked_).ShouldBeFalse();
        scheme.VerifyPossession(publicKey, unchecked_).ShouldBeFalse();

        var good = new BlsSignatureSet(publicKey, message, scheme.Sign(key, message));
        var result = scheme.VerifyBatch([good, new BlsSignatureSet(publicKey, message, unchecked_)]);
        result.IsValid.ShouldBeFalse();
        result.InvalidIndices.ShouldBe([1]);

        BlsSignature.TryAggregate([scheme.Sign(key, message), unchecked_], out var tainted).ShouldBeTrue();
        scheme.Verify(publicKey, message, tainted).ShouldBeFalse();
    }
}
