using System.Text.Json;
using Harmony.Crypto.Bls;
using Harmony.Sharding.Vrf;
using Harmony.Testing;

namespace Harmony.Sharding.Tests.Vrf;

/// <summary>The VRF entry of every harmony/*.json vector file (made with the C++ libraries Harmony links).</summary>
public class BlsVrfVectorTests
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;
    private readonly BlsVrf _vrf = new(Scheme);

    public static TheoryData<string> Files() => Vectors.Files("harmony", "*.json");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void The_header_field_of_the_first_key_is_reproduced_and_verifies(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, "harmony")));
        Skip.IfNot(document.RootElement.TryGetProperty("bls", out var bls), $"{file} has no bls section.");
        Skip.IfNot(bls.GetProperty("messages").TryGetProperty("vrf_input_sha256_parenthash", out var entry), $"{file} has no VRF entry.");

        byte[] parentHash = Convert.FromHexString(bls.GetProperty("inputs").GetProperty("parentHash").GetString()!);
        var firstKey = bls.GetProperty("inputs").GetProperty("keys")[0];
        Scheme.TryDecodeSecretKey(Convert.FromHexString(firstKey.GetProperty("sk_le").GetString()!), out var secretKey).ShouldBeTrue();
        using var sk = secretKey!;
        var publicKey = Scheme.DecodePublicKey(Convert.FromHexString(firstKey.GetProperty("pk").GetString()!));

        Convert.ToHexStringLower(BlsVrf.Input(parentHash)).ShouldBe(entry.GetProperty("msg").GetString());
        _vrf.TryProve(sk, parentHash, out byte[] field).ShouldBeTrue();
        Convert.ToHexStringLower(field).ShouldBe(entry.GetProperty("vrf_header_field_K1").GetString());
        Convert.ToHexStringLower(field.AsSpan(0, BlsVrf.OutputSize)).ShouldBe(entry.GetProperty("vrf_beta_K1_sha256_of_sig").GetString());
        _vrf.Verify(isVrfEpoch: true, publicKey, parentHash, field).ShouldBe(BlsVrfError.None);
    }
}
