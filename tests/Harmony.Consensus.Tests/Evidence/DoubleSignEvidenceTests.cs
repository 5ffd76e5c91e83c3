using System.Numerics;
using Harmony.Consensus.Evidence;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Encoding;

namespace Harmony.Consensus.Tests.Evidence;

public class DoubleSignEvidenceTests
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;
    private static readonly byte[] Offender = Enumerable.Repeat((byte)0xAA, 20).ToArray();
    private static readonly byte[] Reporter = Enumerable.Repeat((byte)0xBB, 20).ToArray();

    private static (BlsSecretKey Key, byte[] Public) NewKey(byte seed)
    {
        var key = BlsSecretKey.KeyGen(Enumerable.Repeat(seed, 32).ToArray());
        return (key, Scheme.EncodePublicKey(Scheme.GetPublicKey(key)));
    }

    private static DoubleSignRecord Record(byte[]? secondHash = null, ulong signedView = 9)
    {
        var (key, pub) = NewKey(1);
        var first = Enumerable.Repeat((byte)1, 32).ToArray();
        var second = secondHash ?? Enumerable.Repeat((byte)2, 32).ToArray();
        var sig1 = Scheme.EncodeSignature(Scheme.Sign(key, CommitPayload.Build(100, first, 9, includeViewId: true)));
        var sig2 = Scheme.EncodeSignature(Scheme.Sign(key, CommitPayload.Build(100, second, signedView, includeViewId: true)));
        return new DoubleSignRecord(
            new BigInteger(700), 1, 100, 9,
            DoubleSignVote.Create([pub], first, sig1),
            DoubleSignVote.Create([pub], second, sig2),
            Offender, Reporter);
    }

    private static bool OffenderOf(ReadOnlySpan<byte> key, out ReadOnlyMemory<byte> address)
    {
        address = Offender;
        return key.Length == 48;
    }

    [Fact]
    public void Conflicting_commits_make_evidence_that_verifies_and_round_trips_through_rlp()
    {
        var record = Record();
        DoubleSignVerifier.TryVerify(record, Scheme, OffenderOf, includeViewIdInPayload: true, out var error).ShouldBeTrue(error);
        var encoded = record.Encode();
        DoubleSignRecord.TryDecode(encoded, out var decoded, out error).ShouldBeTrue(error);
        decoded!.Encode().ShouldBe(encoded);
        record.Hash().Length.ShouldBe(32);
        DoubleSignVerifier.TryVerify(decoded, Scheme, OffenderOf, true, out _).ShouldBeTrue();
    }

    [Fact]
    public void The_rlp_nests_moment_votes_and_addresses_as_harmony_lays_them_out()
    {
        var record = Record();
        var reader = new RlpReader(record.Encode());
        reader.TryReadList(out var top).ShouldBeTrue();
        top.TryReadList(out var evidence).ShouldBeTrue();
        top.TryReadFixedBytes(20, out var reporter).ShouldBeTrue();
        reporter.ToArray().ShouldBe(Reporter);
        evidence.TryReadList(out var moment).ShouldBeTrue();
        moment.TryReadBigInteger(out var epoch).ShouldBeTrue();
        epoch.ShouldBe(new BigInteger(700));
        moment.TryReadUInt64(out ulong shard).ShouldBeTrue();
        moment.TryReadUInt64(out ulong height).ShouldBeTrue();
        moment.TryReadUInt64(out ulong view).ShouldBeTrue();
        (shard, height, view).ShouldBe((1UL, 100UL, 9UL));
        evidence.TryReadList(out var votes).ShouldBeTrue();
        votes.TryReadList(out var firstVote).ShouldBeTrue();
        firstVote.TryReadList(out var keys).ShouldBeTrue();
        keys.TryReadFixedBytes(48, out _).ShouldBeTrue();
        firstVote.TryReadFixedBytes(32, out _).ShouldBeTrue();
        firstVote.TryReadFixedBytes(96, out _).ShouldBeTrue();
        evidence.TryReadList(out _).ShouldBeFalse();
    }

    [Fact]
    public void Evidence_that_proves_nothing_is_refused()
    {
        var same = Record(secondHash: Enumerable.Repeat((byte)1, 32).ToArray());
        DoubleSignVerifier.TryVerify(same, Scheme, OffenderOf, true, out var error).ShouldBeFalse();
        error!.ShouldContain("same block");

        var wrongView = Record(signedView: 10);
        DoubleSignVerifier.TryVerify(wrongView, Scheme, OffenderOf, true, out error).ShouldBeFalse();
        error!.ShouldContain("signature");

        var self = Record() with { Reporter = Offender };
        DoubleSignVerifier.TryVerify(self, Scheme, OffenderOf, true, out _).ShouldBeFalse();

        var (_, otherKey) = NewKey(2);
        var disjoint = Record() with { SecondVote = Record().SecondVote with { SignerPublicKeys = [otherKey] } };
        DoubleSignVerifier.TryVerify(disjoint, Scheme, OffenderOf, true, out error).ShouldBeFalse();
        error!.ShouldContain("share no signer");

        DoubleSignVerifier.TryVerify(Record(), Scheme, (ReadOnlySpan<byte> _, out ReadOnlyMemory<byte> a) => { a = Reporter; return true; }, true, out error).ShouldBeFalse();
        DoubleSignVerifier.TryVerify(Record(), Scheme, OffenderOf, true, out _, minimumEpoch: 800).ShouldBeFalse();
        DoubleSignVerifier.TryVerify(Record(), Scheme, OffenderOf, true, out _, currentEpoch: 600).ShouldBeFalse();
    }

    [Fact]
    public void Truncated_or_garbage_rlp_is_refused_without_throwing()
    {
        var encoded = Record().Encode();
        for (int cut = 0; cut < encoded.Length; cut += 7)
        {
            DoubleSignRecord.TryDecode(encoded.AsSpan(0, cut), out _, out _).ShouldBeFalse();
        }

        DoubleSignRecord.TryDecode([0xc0], out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull();
    }
}
