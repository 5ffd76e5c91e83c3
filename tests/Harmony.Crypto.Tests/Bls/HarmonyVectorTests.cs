using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harmony.Crypto.Bls;
using Harmony.Testing;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>
/// Every JSON file in <c>harmony/</c>, made by linking the C++ mcl/bls libraries Harmony builds. A file may carry any
/// subset of the sections; every entry of a known section is checked: localnet sk→pk, the generator, and per message
/// the field element t, H(m), each key's signature, the aggregates (the keys are named by the K-digits in the field
/// name) and the VRF fields, plus the refusal to sign an all-zero hash.
/// </summary>
public partial class HarmonyVectorTests
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;

    public static TheoryData<string> Files() => Vectors.Files("harmony", "*.json");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Localnet_secret_keys_give_the_public_keys_in_the_file_names(string file)
    {
        using var document = Load(file);
        if (!document.RootElement.TryGetProperty("localnet_bls_keys_from_repo", out var keys))
        {
            return;
        }

        keys.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var entry in keys.EnumerateArray())
        {
            CheckKeyPair(entry.GetProperty("sk_hex_le").GetString()!, entry.GetProperty("pk_hex_filename").GetString()!);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Generator_and_input_keys_match(string file)
    {
        using var document = Load(file);
        if (!document.RootElement.TryGetProperty("bls", out var bls))
        {
            return;
        }

        if (bls.TryGetProperty("generator_G1_serialized", out var generator))
        {
            Hex(Scheme.EncodePublicKey(new BlsPublicKey(HarmonyBlsScheme.GeneratorPoint))).ShouldBe(generator.GetString());
            using var one = Scheme.TryDecodeSecretKey([1, .. new byte[31]], out var key) ? key : throw new InvalidOperationException("sk = 1 must parse.");
            Hex(Scheme.EncodePublicKey(Scheme.GetPublicKey(one))).ShouldBe(generator.GetString());
        }

        foreach (var key in InputKeys(bls))
        {
            CheckKeyPair(key.SecretLittleEndianHex, key.PublicHex);
        }

        if (bls.TryGetProperty("zero_hash_signhash", out var zero))
        {
            zero.GetString().ShouldBe("ERR");
            using var secret = Scheme.TryDecodeSecretKey(Convert.FromHexString(InputKeys(bls).First().SecretLittleEndianHex), out var k) ? k : throw new InvalidOperationException();
            Scheme.TrySign(secret, new byte[32], out _).ShouldBeFalse();
            Should.Throw<ArgumentException>(() => Scheme.Sign(secret, new byte[32]));
        }

        foreach (var property in bls.EnumerateObject().Where(p => p.Name.StartsWith("aggpk_", StringComparison.Ordinal)))
        {
            CheckAggregateKey(InputKeys(bls), property.Name, property.Value.GetString()!);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Every_message_maps_signs_aggregates_and_verifies_as_mcl_does(string file)
    {
        using var document = Load(file);
        if (!document.RootElement.TryGetProperty("bls", out var bls) || !bls.TryGetProperty("messages", out var messages))
        {
            return;
        }

        var keys = InputKeys(bls);
        foreach (var entry in messages.EnumerateObject())
        {
            CheckMessage(entry.Name, entry.Value, keys);
        }
    }

    private static void CheckMessage(string name, JsonElement entry, IReadOnlyList<InputKey> keys)
    {
        byte[] message = Convert.FromHexString(entry.GetProperty("msg").GetString()!);
        if (entry.TryGetProperty("t_field_element", out var t))
        {
            MclMapToCurve.TryMessageToField(message, out var field).ShouldBeTrue(name);
            field.ToBigInteger().ShouldBe(ParseHexInteger(t.GetString()!), name);
        }

        if (entry.TryGetProperty("H_serialized", out var h))
        {
            HarmonyBlsScheme.TryHashToPoint(message, out var point).ShouldBeTrue(name);
            Hex(Scheme.EncodeSignature(new BlsSignature(point))).ShouldBe(h.GetString(), name);
            point.IsInSubgroup().ShouldBeTrue(name);
        }

        var signatures = new List<BlsSignature>();
        if (entry.TryGetProperty("sigs", out var sigs))
        {
            int i = 0;
            foreach (var expected in sigs.EnumerateArray())
            {
                using var secret = keys[i].Secret();
                var signature = Scheme.Sign(secret, message);
                Hex(Scheme.EncodeSignature(signature)).ShouldBe(expected.GetString(), $"{name} K{i + 1}");
                var decoded = Scheme.DecodeSignature(Convert.FromHexString(expected.GetString()!));
                Scheme.Verify(keys[i].Public(), message, decoded).ShouldBeTrue($"{name} K{i + 1}");
                signatures.Add(decoded);
                i++;
            }
        }

        foreach (var property in entry.EnumerateObject())
        {
            if (property.Name.StartsWith("aggsig_", StringComparison.Ordinal))
            {
                var members = KeyIndices(property.Name);
                var aggregate = Scheme.DecodeSignature(Convert.FromHexString(property.Value.GetString()!));
                BlsSignature.TryAggregate(members.Select(m => signatures[m]).ToArray(), out var sum).ShouldBeTrue();
                Hex(Scheme.EncodeSignature(sum)).ShouldBe(property.Value.GetString(), $"{name} {property.Name}");
                Scheme.FastAggregateVerify(members.Select(m => keys[m].Public()).ToArray(), message, aggregate).ShouldBeTrue($"{name} {property.Name}");
            }
            else if (property.Name.StartsWith("aggpk_", StringComparison.Ordinal))
            {
                CheckAggregateKey(keys, property.Name, property.Value.GetString()!);
            }
            else if (property.Name.StartsWith("vrf_beta_", StringComparison.Ordinal))
            {
                int signer = KeyIndices(property.Name).Single();
                Hex(SHA256.HashData(Scheme.EncodeSignature(signatures[signer]))).ShouldBe(property.Value.GetString(), name);
            }
            else if (property.Name.StartsWith("vrf_header_field_", StringComparison.Ordinal))
            {
                int signer = KeyIndices(property.Name).Single();
                byte[] proof = Scheme.EncodeSignature(signatures[signer]);
                Hex([.. SHA256.HashData(proof), .. proof]).ShouldBe(property.Value.GetString(), name);
            }
        }
    }

    private static void CheckKeyPair(string secretLittleEndianHex, string publicHex)
    {
        Scheme.TryDecodeSecretKey(Convert.FromHexString(secretLittleEndianHex), out var secret).ShouldBeTrue();
        using (secret)
        {
            var publicKey = Scheme.GetPublicKey(secret);
            Hex(Scheme.EncodePublicKey(publicKey)).ShouldBe(publicHex);
            Scheme.DecodePublicKey(Convert.FromHexString(publicHex)).ShouldBe(publicKey);
            byte[] encoded = new byte[BlsSecretKey.Size];
            Scheme.EncodeSecretKey(secret, encoded);
            Hex(encoded).ShouldBe(secretLittleEndianHex);
        }
    }

    private static void CheckAggregateKey(IReadOnlyList<InputKey> keys, string name, string expected)
    {
        BlsPublicKey.TryAggregate(KeyIndices(name).Select(m => keys[m].Public()).ToArray(), out var sum).ShouldBeTrue();
        Hex(Scheme.EncodePublicKey(sum)).ShouldBe(expected, name);
    }

    /// <summary>Zero-based key indices named by the "K1K2K3" style suffix of a field name.</summary>
    private static int[] KeyIndices(string fieldName)
    {
        var indices = KeyName().Matches(fieldName).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1).ToArray();
        indices.ShouldNotBeEmpty($"'{fieldName}' names no key (K1, K2, …).");
        return indices;
    }

    private static List<InputKey> InputKeys(JsonElement bls) =>
        bls.TryGetProperty("inputs", out var inputs) && inputs.TryGetProperty("keys", out var keys)
            ? keys.EnumerateArray().Select(k => new InputKey(k.GetProperty("sk_le").GetString()!, k.GetProperty("pk").GetString()!)).ToList()
            : [];

    private static BigInteger ParseHexInteger(string text) =>
        BigInteger.Parse("0" + text.AsSpan(text.StartsWith("0x", StringComparison.Ordinal) ? 2 : 0).ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static JsonDocument Load(string file) => JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, "harmony")));

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"K(\d+)")]
    private static partial Regex KeyName();

    private sealed record InputKey(string SecretLittleEndianHex, string PublicHex)
    {
        public BlsSecretKey Secret() =>
            Scheme.TryDecodeSecretKey(Convert.FromHexString(SecretLittleEndianHex), out var key) ? key : throw new InvalidOperationException("Invalid input key.");

        public BlsPublicKey Public() => Scheme.DecodePublicKey(Convert.FromHexString(PublicHex));
    }
}
