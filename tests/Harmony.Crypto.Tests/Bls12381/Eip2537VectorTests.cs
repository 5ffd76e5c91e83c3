using System.Text.Json;
using Harmony.Crypto.Bls12381;
using Harmony.Testing;

namespace Harmony.Crypto.Tests.Bls12381;

/// <summary>
/// Every file of <c>bls/eip-2537/</c>: success files (<c>Input</c> → <c>Expected</c>) and <c>fail-*</c> files (input
/// must be rejected), dispatched on the operation named in the file name.
/// </summary>
public class Eip2537VectorTests
{
    private const string Folder = "bls/eip-2537";

    public static TheoryData<string> Files => Vectors.Files(Folder, "*.json");

    private delegate bool Operation(ReadOnlySpan<byte> input, out byte[] output, out string? error);

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Vector_file_passes(string file)
    {
        string path = Vectors.Resolve(file, Folder);
        string name = Path.GetFileNameWithoutExtension(path);
        bool failures = name.StartsWith("fail-", StringComparison.Ordinal);
        Operation operation = OperationFor(failures ? name[5..] : name);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        int cases = 0;
        foreach (var vector in document.RootElement.EnumerateArray())
        {
            string caseName = vector.GetProperty("Name").GetString()!;
            byte[] input = Convert.FromHexString(vector.GetProperty("Input").GetString()!);
            bool ok = operation(input, out var output, out var error);
            if (failures)
            {
                ok.ShouldBeFalse($"{caseName} must fail ({vector.GetProperty("ExpectedError").GetString()})");
                error.ShouldNotBeNullOrEmpty();
            }
            else
            {
                ok.ShouldBeTrue($"{caseName}: {error}");
                Convert.ToHexStringLower(output).ShouldBe(vector.GetProperty("Expected").GetString()!.ToLowerInvariant(), caseName);
            }

            cases++;
        }

        cases.ShouldBeGreaterThan(0);
    }

    private static Operation OperationFor(string name) => name switch
    {
        "add_G1_bls" => Eip2537.TryG1Add,
        "add_G2_bls" => Eip2537.TryG2Add,
        "mul_G1_bls" or "msm_G1_bls" => Eip2537.TryG1MultiScalarMultiply,
        "mul_G2_bls" or "msm_G2_bls" => Eip2537.TryG2MultiScalarMultiply,
        "pairing_check_bls" => Eip2537.TryPairingCheck,
        "map_fp_to_G1_bls" => Eip2537.TryMapFpToG1,
        "map_fp2_to_G2_bls" => Eip2537.TryMapFp2ToG2,
        _ => throw new InvalidOperationException($"No operation for EIP-2537 vector file '{name}'."),
    };
}
