using System.Text.Json;
using Harmony.Crypto.Bls12381;
using Harmony.Testing;

namespace Harmony.Crypto.Tests.Bls12381.HashToCurve;

/// <summary>
/// The EIP-2537 map precompiles against every <c>bls/eip-2537/map_*_bls.json</c> (success) and
/// <c>fail-map_*_bls.json</c> (rejection) file.
/// </summary>
public class Eip2537MapTests
{
    private const string Folder = "bls/eip-2537";

    public static TheoryData<string> SuccessFiles => Vectors.Files(Folder, "map_*_bls.json");

    public static TheoryData<string> FailureFiles => Vectors.Files(Folder, "fail-map_*_bls.json");

    [SkippableTheory]
    [MemberData(nameof(SuccessFiles))]
    public void Map_vectors_produce_the_expected_points(string file)
    {
        int count = 0;
        foreach (var test in Load(file))
        {
            string name = test.GetProperty("Name").GetString()!;
            byte[] input = Convert.FromHexString(test.GetProperty("Input").GetString()!);
            string expected = test.GetProperty("Expected").GetString()!;

            // The input length tells the operation: one padded 𝔽p element for G1, two for G2.
            byte[] output;
            Eip2537InputError error;
            if (input.Length == Eip2537MapEncoding.FpLength)
            {
                output = new byte[Eip2537MapEncoding.G1Length];
                error = Eip2537MapEncoding.MapFpToG1(input, output);
            }
            else
            {
                input.Length.ShouldBe(2 * Eip2537MapEncoding.FpLength, $"{file} {name}");
                output = new byte[Eip2537MapEncoding.G2Length];
                error = Eip2537MapEncoding.MapFp2ToG2(input, output);
            }

            error.ShouldBe(Eip2537InputError.None, $"{file} {name}");
            Convert.ToHexStringLower(output).ShouldBe(expected.ToLowerInvariant(), $"{file} {name}");
            count++;
        }

        count.ShouldBeGreaterThan(0);
    }

    [SkippableTheory]
    [MemberData(nameof(FailureFiles))]
    public void Invalid_map_inputs_are_rejected_with_the_right_reason(string file)
    {
        // A failure input is only invalid for one operation, which the file names.
        bool g2 = file.Contains("fp2_to_G2", StringComparison.OrdinalIgnoreCase);
        g2.ShouldNotBe(file.Contains("fp_to_G1", StringComparison.OrdinalIgnoreCase), $"{file} names no map operation");
        int count = 0;
        foreach (var test in Load(file))
        {
            string name = test.GetProperty("Name").GetString()!;
            byte[] input = Convert.FromHexString(test.GetProperty("Input").GetString()!);
            string expectedError = test.GetProperty("ExpectedError").GetString()!;
            var error = g2
                ? Eip2537MapEncoding.ParseMapFp2ToG2Input(input, out _)
                : Eip2537MapEncoding.ParseMapFpToG1Input(input, out _);
            error.ShouldBe(Classify(expectedError), $"{file} {name}: '{expectedError}'");
            count++;
        }

        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Infinity_and_padding_round_trip()
    {
        var output = new byte[Eip2537MapEncoding.G2Length];
        Eip2537MapEncoding.WriteG2(G2Affine.Infinity, output);
        output.ShouldAllBe(b => b == 0);
        Eip2537MapEncoding.ParseMapFp2ToG2Input(new byte[128], out var zero).ShouldBe(Eip2537InputError.None);
        zero.IsZero.ShouldBeTrue();

        // p itself is not a field element; p − 1 is.
        byte[] element = new byte[64];
        Fp.Modulus.ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(element, 16);
        Eip2537MapEncoding.ReadFp(element, out _).ShouldBe(Eip2537InputError.NotInField);
        element[63]--;
        Eip2537MapEncoding.ReadFp(element, out var max).ShouldBe(Eip2537InputError.None);
        (max + Fp.One).IsZero.ShouldBeTrue();
    }

    /// <summary>Maps the client's error text (go-ethereum wording) to the reason it describes.</summary>
    private static Eip2537InputError Classify(string expectedError) =>
        expectedError.Contains("length", StringComparison.OrdinalIgnoreCase) ? Eip2537InputError.InvalidLength
        : expectedError.Contains("top bytes", StringComparison.OrdinalIgnoreCase) ? Eip2537InputError.NonZeroPadding
        : expectedError.Contains("fp", StringComparison.OrdinalIgnoreCase) || expectedError.Contains("field", StringComparison.OrdinalIgnoreCase)
            ? Eip2537InputError.NotInField
            : throw new InvalidOperationException($"Unrecognised expected error '{expectedError}'.");

    private static List<JsonElement> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, Folder)));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
