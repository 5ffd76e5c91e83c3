using System.Text.Json;
using Harmony.RaptorQ.Tests.Support;
using Harmony.Testing;

namespace Harmony.RaptorQ.Tests.Conformance;

/// <summary>The LDPC, HDPC and LT rows equal every pinned constraint matrix A in <c>constraint-matrices*.json</c>.</summary>
public class ConstraintMatrixVectorTests
{
    public static TheoryData<string> Files => Vectors.Files("raptorq", "constraint-matrices*.json");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Matrix_equals_the_pinned_one(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Vectors.Resolve(file, "raptorq")));
        int cases = 0;
        foreach (JsonElement testCase in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            int kPrime = testCase.GetProperty("K'").GetInt32();
            byte[,] a = DenseConstraintMatrix.Build(kPrime);
            string[] rows = testCase.GetProperty("A").EnumerateArray().Select(e => e.GetString()!).ToArray();
            rows.Length.ShouldBe(a.GetLength(0));
            for (int r = 0; r < rows.Length; r++)
            {
                byte[] expected = Convert.FromHexString(rows[r]);
                expected.Length.ShouldBe(a.GetLength(1));
                for (int c = 0; c < expected.Length; c++)
                {
                    a[r, c].ShouldBe(expected[c], $"K'={kPrime} A[{r}][{c}]");
                }
            }

            cases++;
        }

        cases.ShouldBeGreaterThan(0);
    }
}
