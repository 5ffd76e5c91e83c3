using System.Text.Json;
using Harmony.Crypto.Bls12381;
using Harmony.Testing;
using H2C = Harmony.Crypto.Bls12381.HashToCurve;

namespace Harmony.Crypto.Tests.Bls12381.HashToCurve;

/// <summary>
/// RFC 9380 suites against every <c>hash-to-curve/BLS12381G1_*.json</c> and <c>BLS12381G2_*.json</c> file: the
/// field elements u, the map outputs Q0/Q1 (random oracle) or Q (nonuniform), and the final P. The group and the
/// RO/NU variant come from each file's own <c>ciphersuite</c> and <c>randomOracle</c> fields.
/// </summary>
public class HashToCurveVectorTests
{
    private const string Folder = "hash-to-curve";

    public static TheoryData<string> G1Files => Vectors.Files(Folder, "BLS12381G1_*.json");

    public static TheoryData<string> G2Files => Vectors.Files(Folder, "BLS12381G2_*.json");

    [SkippableTheory]
    [MemberData(nameof(G1Files))]
    public void G1_suites_match_the_vectors(string file) => Run(file);

    [SkippableTheory]
    [MemberData(nameof(G2Files))]
    public void G2_suites_match_the_vectors(string file) => Run(file);

    private static void Run(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, Folder)));
        var root = document.RootElement;
        string suite = root.GetProperty("ciphersuite").GetString()!;
        byte[] dst = System.Text.Encoding.ASCII.GetBytes(root.GetProperty("dst").GetString()!);
        bool randomOracle = root.GetProperty("randomOracle").GetBoolean();
        suite.EndsWith(randomOracle ? "_RO_" : "_NU_", StringComparison.Ordinal).ShouldBeTrue(file);
        Convert.ToInt32(root.GetProperty("L").GetString(), 16).ShouldBe(H2C.FieldElementLength);
        int count = 0;
        foreach (var vector in root.GetProperty("vectors").EnumerateArray())
        {
            byte[] message = System.Text.Encoding.ASCII.GetBytes(vector.GetProperty("msg").GetString()!);
            string label = $"{file} msg '{vector.GetProperty("msg").GetString()}'";
            if (suite.StartsWith("BLS12381G1_", StringComparison.Ordinal))
            {
                CheckG1(vector, message, dst, randomOracle, label);
            }
            else if (suite.StartsWith("BLS12381G2_", StringComparison.Ordinal))
            {
                CheckG2(vector, message, dst, randomOracle, label);
            }
            else
            {
                throw new InvalidOperationException($"{file}: unknown ciphersuite '{suite}'.");
            }

            count++;
        }

        count.ShouldBeGreaterThan(0);
    }

    private static void CheckG1(JsonElement vector, byte[] message, byte[] dst, bool randomOracle, string label)
    {
        var expectedU = vector.GetProperty("u").EnumerateArray().Select(e => ParseFp(e.GetString()!)).ToArray();
        expectedU.Length.ShouldBe(randomOracle ? 2 : 1, label);
        var u = new Fp[expectedU.Length];
        H2C.HashToFieldFp(message, dst, u);
        u.ShouldBe(expectedU, label);

        string[] qNames = randomOracle ? ["Q0", "Q1"] : ["Q"];
        for (int i = 0; i < u.Length; i++)
        {
            var q = H2C.MapToG1(u[i]).ToAffine();
            q.IsOnCurve().ShouldBeTrue(label);
            AssertPoint(q, ParseG1(vector.GetProperty(qNames[i])), $"{label} {qNames[i]}");
        }

        var p = (randomOracle ? H2C.HashToG1(message, dst) : H2C.EncodeToG1(message, dst)).ToAffine();
        AssertPoint(p, ParseG1(vector.GetProperty("P")), $"{label} P");
        G1.IsInSubgroup(p).ShouldBeTrue(label);
    }

    private static void CheckG2(JsonElement vector, byte[] message, byte[] dst, bool randomOracle, string label)
    {
        var expectedU = vector.GetProperty("u").EnumerateArray().Select(e => ParseFp2(e.GetString()!)).ToArray();
        expectedU.Length.ShouldBe(randomOracle ? 2 : 1, label);
        var u = new Fp2[expectedU.Length];
        H2C.HashToFieldFp2(message, dst, u);
        u.ShouldBe(expectedU, label);

        string[] qNames = randomOracle ? ["Q0", "Q1"] : ["Q"];
        for (int i = 0; i < u.Length; i++)
        {
            var q = H2C.MapToG2(u[i]).ToAffine();
            q.IsOnCurve().ShouldBeTrue(label);
            AssertPoint(q, ParseG2(vector.GetProperty(qNames[i])), $"{label} {qNames[i]}");
        }

        var p = (randomOracle ? H2C.HashToG2(message, dst) : H2C.EncodeToG2(message, dst)).ToAffine();
        AssertPoint(p, ParseG2(vector.GetProperty("P")), $"{label} P");
        G2.IsInSubgroup(p).ShouldBeTrue(label);
    }

    private static void AssertPoint(in G1Affine actual, in G1Affine expected, string label)
    {
        actual.IsInfinity.ShouldBeFalse(label);
        actual.X.ShouldBe(expected.X, label);
        actual.Y.ShouldBe(expected.Y, label);
    }

    private static void AssertPoint(in G2Affine actual, in G2Affine expected, string label)
    {
        actual.IsInfinity.ShouldBeFalse(label);
        actual.X.ShouldBe(expected.X, label);
        actual.Y.ShouldBe(expected.Y, label);
    }

    internal static Fp ParseFp(string hex) => Fp.FromHex(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);

    internal static Fp2 ParseFp2(string pair)
    {
        string[] parts = pair.Split(',');
        parts.Length.ShouldBe(2);
        return new Fp2(ParseFp(parts[0]), ParseFp(parts[1]));
    }

    private static G1Affine ParseG1(JsonElement point) =>
        new(ParseFp(point.GetProperty("x").GetString()!), ParseFp(point.GetProperty("y").GetString()!));

    private static G2Affine ParseG2(JsonElement point) =>
        new(ParseFp2(point.GetProperty("x").GetString()!), ParseFp2(point.GetProperty("y").GetString()!));
}
