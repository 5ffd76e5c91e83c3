using System.Text.Json.Nodes;
using Harmony.Crypto.Bls;

namespace Harmony.Crypto.Tests.Interop;

/// <summary>
/// The IETF POP suite against supranational's blst (native, through @chainsafe/blst): keys and signatures are
/// deterministic, so KeyGen, SkToPk and Sign must agree byte for byte, and each side must accept what the other signs
/// and refuse the same tampered inputs.
/// </summary>
public class BlstInteropTests
{
    private const int Cases = 12;
    private static readonly IetfBlsScheme Scheme = IetfBlsScheme.Instance;

    [SkippableFact]
    public void KeyGen_public_keys_and_signatures_match_blst_byte_for_byte()
    {
        var rng = new Random(2_381);
        var inputs = Enumerable.Range(0, Cases).Select(i => (Ikm: Bytes(rng, 32 + i), Message: Bytes(rng, i * 7))).ToList();
        JsonArray answers = JsClients.Run("bls-sign", Requests(inputs.Select(c => new JsonObject
        {
            ["client"] = "blst",
            ["ikm"] = Hex(c.Ikm),
            ["message"] = Hex(c.Message),
        })));

        for (int i = 0; i < Cases; i++)
        {
            using var key = BlsSecretKey.KeyGen(inputs[i].Ikm);
            var encodedKey = new byte[32];
            Scheme.EncodeSecretKey(key, encodedKey);
            Hex(encodedKey).ShouldBe(answers[i]!["secretKey"]!.GetValue<string>(), $"case {i}: secret key");
            Hex(Scheme.EncodePublicKey(Scheme.GetPublicKey(key))).ShouldBe(answers[i]!["publicKey"]!.GetValue<string>(), $"case {i}: public key");
            Hex(Scheme.EncodeSignature(Scheme.Sign(key, inputs[i].Message))).ShouldBe(answers[i]!["signature"]!.GetValue<string>(), $"case {i}: signature");
        }
    }

    [SkippableFact]
    public void Blst_accepts_our_signatures_and_refuses_the_same_tampering_we_refuse()
    {
        var rng = new Random(12_381);
        var requests = new List<JsonObject>();
        var expected = new List<bool>();
        for (int i = 0; i < Cases; i++)
        {
            using var key = BlsSecretKey.KeyGen(Bytes(rng, 32));
            byte[] message = Bytes(rng, 32);
            byte[] publicKey = Scheme.EncodePublicKey(Scheme.GetPublicKey(key));
            byte[] signature = Scheme.EncodeSignature(Scheme.Sign(key, message));
            byte[] otherMessage = (byte[])message.Clone();
            otherMessage[i % 32] ^= 1;
            byte[] flipped = (byte[])signature.Clone();
            flipped[1 + (i % 94)] ^= 0x10;

            foreach (var (m, s) in new[] { (message, signature), (otherMessage, signature), (message, flipped) })
            {
                requests.Add(new JsonObject { ["client"] = "blst", ["publicKey"] = Hex(publicKey), ["message"] = Hex(m), ["signature"] = Hex(s) });
                expected.Add(Scheme.TryDecodePublicKey(publicKey, out var pk, out _) &&
                    Scheme.TryDecodeSignature(s, out var sig, out _) && Scheme.Verify(pk, m, sig));
            }
        }

        JsonArray answers = JsClients.Run("bls-verify", Requests(requests));
        for (int i = 0; i < requests.Count; i++)
        {
            answers[i]!["valid"]!.GetValue<bool>().ShouldBe(expected[i], $"request {i}: blst and C# disagree");
        }

        // Every third request is the untouched signature: both sides accept it.
        expected.Where((_, i) => i % 3 == 0).ShouldAllBe(valid => valid);
        expected.Where((_, i) => i % 3 == 1).ShouldAllBe(valid => !valid);
    }

    [SkippableFact]
    public void Aggregates_agree_with_blst_for_one_message_and_for_distinct_messages()
    {
        var rng = new Random(22_381);
        const int signers = 9;
        var keys = Enumerable.Range(0, signers).Select(_ => BlsSecretKey.KeyGen(Bytes(rng, 32))).ToArray();
        try
        {
            byte[] shared = Bytes(rng, 48);
            var messages = Enumerable.Range(0, signers).Select(i => Bytes(rng, 10 + i)).ToArray();
            var publicKeys = keys.Select(Scheme.GetPublicKey).ToArray();
            var sameMessage = keys.Select(k => Scheme.Sign(k, shared)).ToArray();
            var distinct = keys.Select((k, i) => Scheme.Sign(k, messages[i])).ToArray();
            BlsSignature.TryAggregate(sameMessage, out var sameAggregate).ShouldBeTrue();
            BlsSignature.TryAggregate(distinct, out var distinctAggregate).ShouldBeTrue();
            var encodedKeys = new JsonArray([.. publicKeys.Select(k => (JsonNode)Hex(Scheme.EncodePublicKey(k)))]);

            JsonArray aggregated = JsClients.Run("bls-aggregate", Requests([new JsonObject
            {
                ["client"] = "blst",
                ["signatures"] = new JsonArray([.. sameMessage.Select(s => (JsonNode)Hex(Scheme.EncodeSignature(s)))]),
            }]));
            aggregated[0]!["signature"]!.GetValue<string>().ShouldBe(Hex(Scheme.EncodeSignature(sameAggregate)));

            JsonArray fast = JsClients.Run("bls-fast-aggregate-verify", Requests([
                new JsonObject { ["client"] = "blst", ["publicKeys"] = encodedKeys.DeepClone(), ["message"] = Hex(shared), ["signature"] = Hex(Scheme.EncodeSignature(sameAggregate)) },
                new JsonObject { ["client"] = "blst", ["publicKeys"] = encodedKeys.DeepClone(), ["message"] = Hex(messages[0]), ["signature"] = Hex(Scheme.EncodeSignature(sameAggregate)) },
            ]));
            fast[0]!["valid"]!.GetValue<bool>().ShouldBeTrue();
            fast[1]!["valid"]!.GetValue<bool>().ShouldBeFalse();
            Scheme.FastAggregateVerify(publicKeys, shared, sameAggregate).ShouldBeTrue();
            Scheme.FastAggregateVerify(publicKeys, messages[0], sameAggregate).ShouldBeFalse();

            var memories = messages.Select(m => (ReadOnlyMemory<byte>)m).ToArray();
            var swapped = (ReadOnlyMemory<byte>[])memories.Clone();
            (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
            JsonArray many = JsClients.Run("bls-aggregate-verify", Requests([
                new JsonObject { ["client"] = "blst", ["publicKeys"] = encodedKeys.DeepClone(), ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)Hex(m))]), ["signature"] = Hex(Scheme.EncodeSignature(distinctAggregate)) },
                new JsonObject { ["client"] = "blst", ["publicKeys"] = encodedKeys.DeepClone(), ["messages"] = new JsonArray([.. swapped.Select(m => (JsonNode)Hex(m.ToArray()))]), ["signature"] = Hex(Scheme.EncodeSignature(distinctAggregate)) },
            ]));
            many[0]!["valid"]!.GetValue<bool>().ShouldBeTrue();
            many[1]!["valid"]!.GetValue<bool>().ShouldBeFalse();
            Scheme.AggregateVerify(publicKeys, memories, distinctAggregate).ShouldBeTrue();
            Scheme.AggregateVerify(publicKeys, swapped, distinctAggregate).ShouldBeFalse();
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    private static JsonArray Requests(IEnumerable<JsonObject> requests) => new([.. requests.Select(r => (JsonNode)r)]);

    private static byte[] Bytes(Random rng, int length)
    {
        var bytes = new byte[length];
        rng.NextBytes(bytes);
        return bytes;
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
