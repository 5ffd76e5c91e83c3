using Harmony.Crypto.Bls12381;
using System.Text.Json.Nodes;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>Harmony's encrypted BLS key files, checked against Node.js's own AES-GCM and MD5.</summary>
public class HarmonyKeyFileTests
{
    private const string LocalnetSecret = "bd2ef6e572b467e252d83049ae3c9c173fe4c43fae6b7e7257e48a27c006795a";

    [Fact]
    public void Encrypted_key_round_trips_and_a_wrong_passphrase_or_altered_byte_fails()
    {
        using var key = Secret(LocalnetSecret);
        byte[] file = HarmonyBlsKeyFile.Encrypt(key, "  correct horse \n");
        file.Length.ShouldBe(2 * HarmonyBlsKeyFile.RawLength);

        using (var back = HarmonyBlsKeyFile.Decrypt(file, "correct horse"))
        {
            HarmonyBlsScheme.Instance.GetPublicKey(back).ShouldBe(HarmonyBlsScheme.Instance.GetPublicKey(key));
        }

        HarmonyBlsKeyFile.TryDecrypt(file, "wrong", out _, out var error).ShouldBeFalse();
        error.ShouldContain("passphrase");

        byte[] altered = (byte[])file.Clone();
        altered[40] = altered[40] == (byte)'0' ? (byte)'1' : (byte)'0';
        HarmonyBlsKeyFile.TryDecrypt(altered, "correct horse", out _, out _).ShouldBeFalse();
        HarmonyBlsKeyFile.TryDecrypt(file.AsSpan(0, 100), "correct horse", out _, out error).ShouldBeFalse();
        error.ShouldContain("184");
        Should.Throw<BlsFormatException>(() => HarmonyBlsKeyFile.Decrypt(System.Text.Encoding.ASCII.GetBytes("zz"), string.Empty));
    }

    [Fact]
    public void Binary_content_is_accepted_like_hex()
    {
        using var key = Secret(LocalnetSecret);
        byte[] hex = HarmonyBlsKeyFile.Encrypt(key, string.Empty, new byte[12]);
        byte[] raw = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(hex));
        using var back = HarmonyBlsKeyFile.Decrypt(raw, string.Empty);
        HarmonyBlsScheme.Instance.GetPublicKey(back).ShouldBe(HarmonyBlsScheme.Instance.GetPublicKey(key));
    }

    [Fact]
    public async Task Saved_file_is_named_after_the_public_key_and_loads_with_its_pass_file()
    {
        string folder = Directory.CreateTempSubdirectory("harmony-keyfile-").FullName;
        try
        {
            using var key = Secret(LocalnetSecret);
            string path = await HarmonyBlsKeyFile.SaveAsync(folder, key, "secret");
            string expectedName = Convert.ToHexStringLower(HarmonyBlsScheme.Instance.EncodePublicKey(HarmonyBlsScheme.Instance.GetPublicKey(key))) + ".key";
            Path.GetFileName(path).ShouldBe(expectedName);
            await File.WriteAllTextAsync(Path.ChangeExtension(path, ".pass"), "secret\n");
            using var loaded = await HarmonyBlsKeyFile.LoadAsync(path);
            HarmonyBlsScheme.Instance.GetPublicKey(loaded).ShouldBe(HarmonyBlsScheme.Instance.GetPublicKey(key));

            // A key file renamed to another public key is refused.
            string renamed = Path.Combine(folder, new string('a', 96) + ".key");
            File.Copy(path, renamed);
            await Should.ThrowAsync<BlsFormatException>(() => HarmonyBlsKeyFile.LoadAsync(renamed, "secret"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void Node_crypto_decrypts_our_files_and_we_decrypt_its_files()
    {
        using var key = Secret(LocalnetSecret);
        byte[] nonce = Convert.FromHexString("0102030405060708090a0b0c");
        byte[] ours = HarmonyBlsKeyFile.Encrypt(key, "pass phrase", nonce);

        var answers = JsClients.Run("keyfile-decrypt", [new JsonObject { ["client"] = "node-crypto", ["passphrase"] = " pass phrase ", ["file"] = System.Text.Encoding.ASCII.GetString(ours) }]);
        answers[0]!["secretKeyLittleEndian"]!.GetValue<string>().ShouldBe(LocalnetSecret);

        var encrypted = JsClients.Run("keyfile-encrypt", [new JsonObject { ["client"] = "node-crypto", ["passphrase"] = string.Empty, ["nonce"] = "a1a2a3a4a5a6a7a8a9aaabac", ["secretKeyLittleEndian"] = LocalnetSecret }]);
        byte[] theirs = System.Text.Encoding.ASCII.GetBytes(encrypted[0]!["file"]!.GetValue<string>());
        using var decrypted = HarmonyBlsKeyFile.Decrypt(theirs, string.Empty);
        HarmonyBlsScheme.Instance.GetPublicKey(decrypted).ShouldBe(HarmonyBlsScheme.Instance.GetPublicKey(key));
        HarmonyBlsKeyFile.Encrypt(decrypted, string.Empty, Convert.FromHexString("a1a2a3a4a5a6a7a8a9aaabac")).ShouldBe(theirs);
    }

    [Fact]
    public void Both_suites_are_registered_and_the_default_is_selectable()
    {
        using var harmony = new ServiceCollection().AddHarmonyCrypto().BuildServiceProvider();
        harmony.GetRequiredService<IBlsSignatureScheme>().ShouldBeSameAs(HarmonyBlsScheme.Instance);
        harmony.GetRequiredKeyedService<IBlsSignatureScheme>(BlsSuite.Ietf).ShouldBeSameAs(IetfBlsScheme.Instance);
        harmony.GetRequiredService<BlsCommitteeCache>().ShouldNotBeNull();

        using var ietf = new ServiceCollection().AddHarmonyCrypto(BlsSuite.Ietf).BuildServiceProvider();
        ietf.GetRequiredService<IBlsSignatureScheme>().ShouldBeSameAs(IetfBlsScheme.Instance);
        ietf.GetRequiredKeyedService<IBlsSignatureScheme>(BlsSuite.Harmony).ShouldBeSameAs(HarmonyBlsScheme.Instance);
    }

    private static BlsSecretKey Secret(string littleEndianHex) =>
        HarmonyBlsScheme.Instance.TryDecodeSecretKey(Convert.FromHexString(littleEndianHex), out var key) ? key : throw new InvalidOperationException();
}
