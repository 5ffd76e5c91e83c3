using Harmony.Crypto.Accounts;
using Harmony.Crypto.Bls;
using Harmony.Testing;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>
/// <c>harmony/genesis-accounts.csv</c>: every mainnet/testnet genesis BLS public key decodes with the Harmony suite
/// (on the curve, in the subgroup) and encodes back to the same bytes; every address round-trips through bech32.
/// </summary>
public class GenesisAccountTests
{
    public static TheoryData<string> Files() => Vectors.Files("harmony", "*.csv");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Every_genesis_key_and_address_round_trips(string file)
    {
        var lines = File.ReadAllLines(Vectors.Resolve(file, "harmony"));
        var header = lines[0].Split(',');
        int keyColumn = Array.IndexOf(header, "bls_public_key");
        int addressColumn = Array.IndexOf(header, "address");
        keyColumn.ShouldBeGreaterThanOrEqualTo(0, "The file has no bls_public_key column.");

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var encoded = new byte[HarmonyBlsScheme.Instance.PublicKeySize];
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            string keyHex = fields[keyColumn];
            if (distinct.Add(keyHex))
            {
                HarmonyBlsScheme.Instance.TryDecodePublicKey(Convert.FromHexString(keyHex), out var key, out var reason)
                    .ShouldBeTrue($"{keyHex}: {reason}");
                HarmonyBlsScheme.Instance.EncodePublicKey(key, encoded);
                Convert.ToHexStringLower(encoded).ShouldBe(keyHex);
            }

            if (addressColumn >= 0)
            {
                Address.TryParse(fields[addressColumn], out var address, out string? error).ShouldBeTrue(error);
                address.ToBech32().ShouldBe(fields[addressColumn]);
            }
        }

        distinct.Count.ShouldBeGreaterThan(0);
    }
}
