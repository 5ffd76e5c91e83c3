using System.Text.Json;
using Harmony.RaptorQ.Internal;
using Harmony.Testing;

namespace Harmony.RaptorQ.Tests.Conformance;

/// <summary>Block parameters and Tuple[K′, X] equal every case of <c>tuples*.json</c>.</summary>
public class TupleVectorTests
{
    public static TheoryData<string> Files => Vectors.Files("raptorq", "tuples*.json");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Parameters_and_tuples_match(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Vectors.Resolve(file, "raptorq")));
        int checkedTuples = 0;
        foreach (JsonElement testCase in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            int k = testCase.GetProperty("K").GetInt32();
            BlockParameters p = BlockParameters.ForSourceSymbols(k);
            p.KPrime.ShouldBe(testCase.GetProperty("K'").GetInt32());
            JsonElement expected = testCase.GetProperty("params");
            p.J.ShouldBe(expected.GetProperty("J").GetInt32());
            p.S.ShouldBe(expected.GetProperty("S").GetInt32());
            p.H.ShouldBe(expected.GetProperty("H").GetInt32());
            p.W.ShouldBe(expected.GetProperty("W").GetInt32());
            p.L.ShouldBe(expected.GetProperty("L").GetInt32());
            p.P.ShouldBe(expected.GetProperty("P").GetInt32());
            p.P1.ShouldBe(expected.GetProperty("P1").GetInt32());
            p.U.ShouldBe(expected.GetProperty("U").GetInt32());
            p.B.ShouldBe(expected.GetProperty("B").GetInt32());
            foreach (JsonElement row in testCase.GetProperty("tuples").EnumerateArray())
            {
                int[] v = row.EnumerateArray().Select(e => (int)e.GetInt64()).ToArray();
                EncodingTuple tuple = TupleGenerator.Generate(p, (uint)v[0]);
                tuple.ShouldBe(new EncodingTuple(v[1], v[2], v[3], v[4], v[5], v[6]), $"K'={p.KPrime} X={v[0]}");
                checkedTuples++;
            }
        }

        checkedTuples.ShouldBeGreaterThan(0);
    }
}
