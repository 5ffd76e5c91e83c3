using Harmony.Crypto.Encoding;
using Harmony.Testing;

namespace Harmony.Crypto.Tests.Encoding;

/// <summary>Every real genesis account in <c>harmony/*.csv</c> decodes to 20 bytes and re-encodes to itself.</summary>
public class GenesisAddressTests
{
    public static TheoryData<string> Files => Vectors.Files("harmony", "*.csv");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Every_one1_address_round_trips(string file)
    {
        string path = Vectors.Resolve(file, "harmony");
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        int column = Array.IndexOf(header, "address");
        column.ShouldBeGreaterThanOrEqualTo(0, $"{file} has no 'address' column");

        int checkedCount = 0;
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string address = lines[i].Split(',')[column];
            Bech32.TryDecode(address, out string? hrp, out byte[]? data, out string? error).ShouldBeTrue($"line {i + 1}: {error}");
            hrp.ShouldBe("one");
            data.Length.ShouldBe(20);
            Bech32.Encode(hrp, data).ShouldBe(address);
            checkedCount++;
        }

        checkedCount.ShouldBeGreaterThan(0);
    }
}
