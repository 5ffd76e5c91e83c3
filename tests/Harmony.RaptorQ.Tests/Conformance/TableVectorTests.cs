using Harmony.RaptorQ.Internal;
using Harmony.Testing;

namespace Harmony.RaptorQ.Tests.Conformance;

/// <summary>The RFC 6330 tables compiled into the library equal every CSV table in <c>raptorq/</c>.</summary>
public class TableVectorTests
{
    public static TheoryData<string> Tables => Vectors.Files("raptorq", "*.csv");

    [SkippableTheory]
    [MemberData(nameof(Tables))]
    public void Compiled_table_equals_the_csv(string file)
    {
        string path = Vectors.Resolve(file, "raptorq");
        string[] lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        string header = lines[0];
        long[][] rows = lines.Skip(1).Select(l => l.Split(',').Select(long.Parse).ToArray()).ToArray();
        rows.Length.ShouldBeGreaterThan(0);
        switch (header)
        {
            case "K',J,S,H,W":
                rows.Length.ShouldBe(SystematicIndexTable.Count);
                for (int i = 0; i < rows.Length; i++)
                {
                    for (int c = 0; c < 5; c++)
                    {
                        SystematicIndexTable.Rows[(i * 5) + c].ShouldBe((int)rows[i][c], $"row {i}, column {c}");
                    }
                }

                break;
            case "index,V0,V1,V2,V3":
                rows.Length.ShouldBe(256);
                foreach (long[] row in rows)
                {
                    int i = (int)row[0];
                    RandTables.V0[i].ShouldBe((uint)row[1]);
                    RandTables.V1[i].ShouldBe((uint)row[2]);
                    RandTables.V2[i].ShouldBe((uint)row[3]);
                    RandTables.V3[i].ShouldBe((uint)row[4]);
                }

                break;
            case "d,f":
                // Deg[v] = d exactly on f[d−1] ≤ v < f[d] (before the min with W−2, so use a huge W).
                for (int d = 1; d < rows.Length; d++)
                {
                    TupleGenerator.Degree((uint)rows[d - 1][1], int.MaxValue).ShouldBe(d);
                    TupleGenerator.Degree((uint)rows[d][1] - 1, int.MaxValue).ShouldBe(d);
                }

                rows[^1][1].ShouldBe(1L << 20);
                break;
            case "i,OCT_EXP":
                rows.Length.ShouldBe(510);
                foreach (long[] row in rows)
                {
                    Octet.Exp[row[0]].ShouldBe((byte)row[1]);
                }

                break;
            case "v,OCT_LOG":
                rows.Length.ShouldBe(255);
                foreach (long[] row in rows)
                {
                    Octet.Log[row[0]].ShouldBe((byte)row[1]);
                }

                break;
            default:
                throw new InvalidOperationException($"No checker knows the table '{file}' with header '{header}'.");
        }
    }

    [SkippableFact]
    [Trait("Category", "Conformance")]
    public void Every_file_in_the_folder_has_a_checker()
    {
        string folder = Vectors.RequireFolder("raptorq");
        foreach (string file in Directory.GetFiles(folder))
        {
            string name = Path.GetFileName(file);
            bool known = name.EndsWith(".csv", StringComparison.Ordinal) || name == "README.md" || name == "tuples.json" ||
                         name == "constraint-matrices.json" || (name.StartsWith("interop-", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal));
            known.ShouldBeTrue($"'{name}' in {folder} is not exercised by any test");
        }
    }
}
