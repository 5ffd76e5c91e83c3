using System.Text.Json;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Hashing;
using Harmony.Testing;

namespace Harmony.Consensus.Tests.Conformance;

/// <summary>
/// The consensus bytes of every file in <c>harmony/</c> (made with the C++ libraries Harmony links): the signing
/// payloads the engine builds equal the vectors' messages, and the vectors' aggregate signatures verify as commit and
/// view-change certificates with the Harmony suite.
/// </summary>
public class HarmonyConsensusVectorTests
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;

    public static TheoryData<string> Files() => Vectors.Files("harmony", "*.json");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Signing_payloads_match_the_vectors(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, "harmony")));
        if (!document.RootElement.TryGetProperty("bls", out var bls))
        {
            return;
        }

        var inputs = bls.GetProperty("inputs");
        var hash = Convert.FromHexString(inputs.GetProperty("blockHash").GetString()!);
        ulong number = inputs.GetProperty("blockNum").GetUInt64();
        ulong view = inputs.GetProperty("viewID").GetUInt64();
        var messages = bls.GetProperty("messages");
        Message(messages, "prepare_blockhash").ShouldBe(hash);
        Message(messages, "commit_payload_staking").ShouldBe(CommitPayload.Build(number, hash, view, includeViewId: true));
        Message(messages, "commit_payload_prestaking").ShouldBe(CommitPayload.Build(number, hash, view, includeViewId: false));
        Message(messages, "viewchange_m2_NIL").ShouldBe(CommitPayload.Nil.ToArray());
        Message(messages, "viewchange_m3_viewid").ShouldBe(CommitPayload.ViewId(view));
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Vector_aggregates_verify_as_certificates_and_a_changed_bitmap_does_not(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, "harmony")));
        if (!document.RootElement.TryGetProperty("bls", out var bls))
        {
            return;
        }

        var keys = bls.GetProperty("inputs").GetProperty("keys").EnumerateArray().Select(k => (ReadOnlyMemory<byte>)Convert.FromHexString(k.GetProperty("pk").GetString()!)).ToList();
        var committee = ConsensusCommittee.Create(Scheme, keys, new OneNodeOneVoteDecider(keys.Count));
        foreach (string name in new[] { "prepare_blockhash", "commit_payload_staking", "commit_payload_prestaking", "viewchange_m2_NIL", "viewchange_m3_viewid" })
        {
            var entry = bls.GetProperty("messages").GetProperty(name);
            var signature = Convert.FromHexString(entry.GetProperty("aggsig_K1K2K3").GetString()!);
            var message = Convert.FromHexString(entry.GetProperty("msg").GetString()!);
            AggregateCertificate.TryParse(Scheme, [.. signature, 0x07], keys.Count, out var all, out var error).ShouldBeTrue(error);
            all.Verify(committee, message).ShouldBeTrue(name);
            AggregateCertificate.TryParse(Scheme, [.. signature, 0x03], keys.Count, out var two, out _).ShouldBeTrue();
            committee.Keys.VerifyAggregate(two.Signers, message, two.Signature).ShouldBeFalse(name);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void The_message_level_signature_is_signhash_of_the_keccak_of_the_unsigned_protobuf(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, "harmony")));
        if (!document.RootElement.TryGetProperty("bls", out var bls))
        {
            return;
        }

        var inputs = bls.GetProperty("inputs");
        var k1 = inputs.GetProperty("keys")[0];
        Scheme.TryDecodeSecretKey(Convert.FromHexString(k1.GetProperty("sk_le").GetString()!), out var secret).ShouldBeTrue();
        using var key = secret!;
        var pk = Scheme.DecodePublicKey(Convert.FromHexString(k1.GetProperty("pk").GetString()!));
        var hash = Convert.FromHexString(inputs.GetProperty("blockHash").GetString()!);
        var announce = new HarmonyMessage
        {
            Type = MessageType.Announce,
            Consensus = new ConsensusRequest
            {
                ViewId = inputs.GetProperty("viewID").GetUInt64(),
                BlockNumber = inputs.GetProperty("blockNum").GetUInt64(),
                BlockHash = hash,
                SenderPublicKey = Convert.FromHexString(k1.GetProperty("pk").GetString()!),
                Payload = hash,
            },
        };
        var signed = MessageSignature.Sign(Scheme, key, announce);
        signed.Signature.Length.ShouldBe(96);
        Scheme.Verify(pk, Keccak256.HashData(announce.EncodeUnsigned()), Scheme.DecodeSignature(signed.Signature.Span)).ShouldBeTrue();
        MessageSignature.Verify(Scheme, pk, signed).ShouldBeTrue();
        MessageSignature.Verify(Scheme, pk, signed with { Consensus = signed.Consensus! with { ViewId = 1006 } }).ShouldBeFalse();
        var frame = GossipFrame.WrapConsensus(signed);
        Convert.ToHexStringLower(frame.AsSpan(0, 6)).ShouldBe("11000000e300");
    }

    private static byte[] Message(JsonElement messages, string name) => Convert.FromHexString(messages.GetProperty(name).GetProperty("msg").GetString()!);
}
