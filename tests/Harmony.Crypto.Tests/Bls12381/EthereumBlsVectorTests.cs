using System.Text.Json;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;
using Harmony.Testing;

namespace Harmony.Crypto.Tests.Bls12381;

/// <summary>
/// Every file of the Ethereum consensus BLS suite (<c>bls/eth-bls12-381-tests-*</c>), dispatched on its handler
/// folder: sign, verify, aggregate, fast_aggregate_verify, aggregate_verify, batch_verify, hash_to_G2 and the two
/// deserialization handlers.
/// </summary>
public class EthereumBlsVectorTests
{
    private static readonly IetfBlsScheme Scheme = IetfBlsScheme.Instance;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "bls/eth-bls12-381-tests-v0.1.1", "bls/eth-bls12-381-tests-additions" })
        {
            foreach (var row in Vectors.Files(folder, "*.json"))
            {
                data.Add(row);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Vector_file_passes(string file)
    {
        string folder = file.Contains("additions", StringComparison.Ordinal)
            ? "bls/eth-bls12-381-tests-additions"
            : "bls/eth-bls12-381-tests-v0.1.1";
        string path = Vectors.Resolve(file, folder);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var input = document.RootElement.GetProperty("input");
        var output = document.RootElement.GetProperty("output");
        string handler = Path.GetFileName(Path.GetDirectoryName(path))!;
        switch (handler)
        {
            case "sign":
                CheckSign(input, output);
                break;
            case "verify":
                CheckVerify(input, output);
                break;
            case "aggregate":
                CheckAggregate(input, output);
                break;
            case "fast_aggregate_verify":
                CheckFastAggregateVerify(input, output);
                break;
            case "aggregate_verify":
                CheckAggregateVerify(input, output);
                break;
            case "batch_verify":
                CheckBatchVerify(input, output);
                break;
            case "hash_to_G2":
                CheckHashToG2(input, output);
                break;
            case "deserialization_G1":
                // Point deserialization (with the subgroup check) accepts infinity; rejecting it is KeyValidate's job.
                G1Point.TryDecode(Hex(input.GetProperty("pubkey")), out _, out var reason1)
                    .ShouldBe(output.GetBoolean(), $"decode error: {reason1}");
                break;
            case "deserialization_G2":
                Scheme.TryDecodeSignature(Hex(input.GetProperty("signature")), out _, out var reason2)
                    .ShouldBe(output.GetBoolean(), $"decode error: {reason2}");
                break;
            default:
                throw new InvalidOperationException($"No checker for handler '{handler}' ({file}).");
        }
    }

    private static void CheckSign(JsonElement input, JsonElement output)
    {
        byte[] secret = Hex(input.GetProperty("privkey"));
        byte[] message = Hex(input.GetProperty("message"));
        if (output.ValueKind == JsonValueKind.Null)
        {
            BlsSecretKey.TryFromBytes(secret, out _).ShouldBeFalse();
            return;
        }

        using var key = BlsSecretKey.FromBytes(secret);
        var signature = Scheme.Sign(key, message);
        Scheme.EncodeSignature(signature).ShouldBe(Hex(output));
        Scheme.Verify(Scheme.GetPublicKey(key), message, signature).ShouldBeTrue();
    }

    private static void CheckVerify(JsonElement input, JsonElement output)
    {
        bool expected = output.GetBoolean();
        bool actual = TryKey(input.GetProperty("pubkey"), out var key)
            && TrySignature(input.GetProperty("signature"), out var signature)
            && Scheme.Verify(key, Hex(input.GetProperty("message")), signature);
        actual.ShouldBe(expected);
    }

    private static void CheckAggregate(JsonElement input, JsonElement output)
    {
        var signatures = new List<BlsSignature>();
        bool decoded = true;
        foreach (var element in input.EnumerateArray())
        {
            decoded &= TrySignature(element, out var signature);
            signatures.Add(signature);
        }

        decoded.ShouldBeTrue();
        bool aggregated = BlsSignature.TryAggregate(signatures.ToArray(), out var aggregate);
        if (output.ValueKind == JsonValueKind.Null)
        {
            aggregated.ShouldBeFalse();
            return;
        }

        aggregated.ShouldBeTrue();
        Scheme.EncodeSignature(aggregate).ShouldBe(Hex(output));
    }

    private static void CheckFastAggregateVerify(JsonElement input, JsonElement output)
    {
        bool actual = TryKeys(input.GetProperty("pubkeys"), out var keys)
            && TrySignature(input.GetProperty("signature"), out var signature)
            && Scheme.FastAggregateVerify(keys, Hex(input.GetProperty("message")), signature);
        actual.ShouldBe(output.GetBoolean());
    }

    private static void CheckAggregateVerify(JsonElement input, JsonElement output)
    {
        var messages = input.GetProperty("messages").EnumerateArray().Select(m => (ReadOnlyMemory<byte>)Hex(m)).ToArray();
        bool actual = TryKeys(input.GetProperty("pubkeys"), out var keys)
            && TrySignature(input.GetProperty("signature"), out var signature)
            && Scheme.AggregateVerify(keys, messages, signature);
        actual.ShouldBe(output.GetBoolean());
    }

    private static void CheckBatchVerify(JsonElement input, JsonElement output)
    {
        var messages = input.GetProperty("messages").EnumerateArray().Select(Hex).ToArray();
        var keyElements = input.GetProperty("pubkeys").EnumerateArray().ToArray();
        var signatureElements = input.GetProperty("signatures").EnumerateArray().ToArray();
        var sets = new List<BlsSignatureSet>();
        bool decoded = true;
        for (int i = 0; i < messages.Length; i++)
        {
            decoded &= TryKey(keyElements[i], out var key);
            decoded &= TrySignature(signatureElements[i], out var signature);
            sets.Add(new BlsSignatureSet(key, messages[i], signature));
        }

        var result = Scheme.VerifyBatch(sets.ToArray());
        (decoded && result.IsValid).ShouldBe(output.GetBoolean());
        if (decoded && !result.IsValid && sets.Count > 0)
        {
            // The culprits named are exactly the sets that fail alone.
            for (int i = 0; i < sets.Count; i++)
            {
                bool alone = Scheme.Verify(sets[i].PublicKey, sets[i].Message.Span, sets[i].Signature);
                result.InvalidIndices.Contains(i).ShouldBe(!alone);
            }
        }
    }

    private static void CheckHashToG2(JsonElement input, JsonElement output)
    {
        // These use the RFC 9380 test suite's tag, not the signature tag.
        byte[] message = System.Text.Encoding.ASCII.GetBytes(input.GetProperty("msg").GetString()!);
        var point = Harmony.Crypto.Bls12381.HashToCurve.HashToG2(message, "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"u8).ToAffine();
        string[] x = output.GetProperty("x").GetString()!.Split(',');
        string[] y = output.GetProperty("y").GetString()!.Split(',');
        point.X.C0.ShouldBe(Fp.FromHex(Strip(x[0])));
        point.X.C1.ShouldBe(Fp.FromHex(Strip(x[1])));
        point.Y.C0.ShouldBe(Fp.FromHex(Strip(y[0])));
        point.Y.C1.ShouldBe(Fp.FromHex(Strip(y[1])));
    }

    private static bool TryKeys(JsonElement array, out BlsPublicKey[] keys)
    {
        var list = new List<BlsPublicKey>();
        bool ok = true;
        foreach (var element in array.EnumerateArray())
        {
            ok &= TryKey(element, out var key);
            list.Add(key);
        }

        keys = list.ToArray();
        return ok;
    }

    private static bool TryKey(JsonElement element, out BlsPublicKey key) =>
        Scheme.TryDecodePublicKey(Hex(element), out key, out _);

    private static bool TrySignature(JsonElement element, out BlsSignature signature) =>
        Scheme.TryDecodeSignature(Hex(element), out signature, out _);

    private static string Strip(string hex) => hex.Trim().StartsWith("0x", StringComparison.Ordinal) ? hex.Trim()[2..] : hex.Trim();

    private static byte[] Hex(JsonElement element) => Convert.FromHexString(Strip(element.GetString()!));
}
