using System.Collections.Concurrent;

namespace Harmony.RaptorQ.Internal;

/// <summary>
/// The parts of the RFC 6330 §5.3.3.4 constraint matrix that depend on K′ only: the LDPC rows, the two ones per
/// column of MT in the HDPC rows, and the LT columns of ISIs 0..K′−1. Built once per K′ and shared (immutable).
/// </summary>
internal sealed class BlockStructure
{
    private const int CacheCapacity = 64;
    private static readonly ConcurrentDictionary<int, Lazy<BlockStructure>> Cache = new();

    private readonly ConcurrentBag<SolverWorkspace> _workspaces = [];

    private BlockStructure(int kPrime)
    {
        Parameters = BlockParameters.ForSourceSymbols(kPrime);
        BuildLdpc();
        BuildHdpc();
        BuildLt();
    }

    /// <summary>Parameters for a block with K = K′ (the padding-independent view).</summary>
    public BlockParameters Parameters { get; }

    /// <summary>Start of each LDPC row's columns in <see cref="LdpcColumns"/> (S + 1 entries).</summary>
    public int[] LdpcStart { get; private set; } = [];

    /// <summary>Columns of the LDPC rows, ascending within a row.</summary>
    public int[] LdpcColumns { get; private set; } = [];

    /// <summary>For column j &lt; K′+S−1 of MT, the first HDPC row with a one.</summary>
    public byte[] HdpcFirst { get; private set; } = [];

    /// <summary>For column j &lt; K′+S−1 of MT, the second HDPC row with a one.</summary>
    public byte[] HdpcSecond { get; private set; } = [];

    /// <summary>Start of each LT row (ISI 0..K′−1) in <see cref="LtColumns"/> (K′ + 1 entries).</summary>
    public int[] LtStart { get; private set; } = [];

    /// <summary>Columns of the LT rows of ISIs 0..K′−1.</summary>
    public int[] LtColumns { get; private set; } = [];

    /// <summary>The shared structure for <paramref name="kPrime"/> (a K′ of Table 2).</summary>
    public static BlockStructure For(int kPrime)
    {
        if (Cache.TryGetValue(kPrime, out Lazy<BlockStructure>? found))
        {
            return found.Value;
        }

        if (Cache.Count >= CacheCapacity)
        {
            foreach (int key in Cache.Keys)
            {
                Cache.TryRemove(key, out _);
                break;
            }
        }

        return Cache.GetOrAdd(kPrime, static k => new Lazy<BlockStructure>(() => new BlockStructure(k))).Value;
    }

    /// <summary>A pooled solver workspace for this K′ (return it with <see cref="ReturnWorkspace"/>).</summary>
    public SolverWorkspace RentWorkspace() => _workspaces.TryTake(out SolverWorkspace? workspace) ? workspace : new SolverWorkspace(this);

    /// <summary>Gives a workspace back to the pool (a few are kept per K′).</summary>
    public void ReturnWorkspace(SolverWorkspace workspace)
    {
        if (_workspaces.Count < 4)
        {
            _workspaces.Add(workspace);
        }
    }

    /// <summary>Writes the LT columns of <paramref name="isi"/> and returns how many.</summary>
    public int LtRow(uint isi, Span<int> columns)
    {
        if (isi < (uint)Parameters.KPrime)
        {
            int start = LtStart[isi];
            int count = LtStart[isi + 1] - start;
            LtColumns.AsSpan(start, count).CopyTo(columns);
            return count;
        }

        EncodingTuple tuple = TupleGenerator.Generate(Parameters, isi);
        return TupleGenerator.Columns(Parameters, tuple, columns);
    }

    private void BuildLdpc()
    {
        BlockParameters p = Parameters;
        var rows = new List<int>[p.S];
        for (int r = 0; r < p.S; r++)
        {
            rows[r] = new List<int>(4 + (3 * p.B / p.S));
        }

        for (int i = 0; i < p.B; i++)
        {
            int a = 1 + (i / p.S);
            int b = i % p.S;
            Toggle(rows[b], i);
            b = (b + a) % p.S;
            Toggle(rows[b], i);
            b = (b + a) % p.S;
            Toggle(rows[b], i);
        }

        for (int i = 0; i < p.S; i++)
        {
            rows[i].Add(p.B + i);
            int first = p.W + (i % p.P);
            int second = p.W + ((i + 1) % p.P);
            rows[i].Add(Math.Min(first, second));
            rows[i].Add(Math.Max(first, second));
        }

        int[] start = new int[p.S + 1];
        for (int r = 0; r < p.S; r++)
        {
            start[r + 1] = start[r] + rows[r].Count;
        }

        int[] columns = new int[start[p.S]];
        for (int r = 0; r < p.S; r++)
        {
            rows[r].CopyTo(columns, start[r]);
        }

        LdpcStart = start;
        LdpcColumns = columns;
    }

    private static void Toggle(List<int> row, int column)
    {
        if (row.Count > 0 && row[^1] == column)
        {
            row.RemoveAt(row.Count - 1);
        }
        else
        {
            row.Add(column);
        }
    }

    private void BuildHdpc()
    {
        BlockParameters p = Parameters;
        int n = p.KPrime + p.S - 1;
        byte[] first = new byte[n];
        byte[] second = new byte[n];
        for (int j = 0; j < n; j++)
        {
            uint r1 = TupleGenerator.Rand((uint)j + 1, 6, (uint)p.H);
            uint r2 = (r1 + TupleGenerator.Rand((uint)j + 1, 7, (uint)p.H - 1) + 1) % (uint)p.H;
            first[j] = (byte)r1;
            second[j] = (byte)r2;
        }

        HdpcFirst = first;
        HdpcSecond = second;
    }

    private void BuildLt()
    {
        BlockParameters p = Parameters;
        int[] start = new int[p.KPrime + 1];
        int[] columns = new int[p.KPrime * 8];
        Span<int> row = stackalloc int[TupleGenerator.MaxColumns];
        int used = 0;
        for (int isi = 0; isi < p.KPrime; isi++)
        {
            int count = TupleGenerator.Columns(p, TupleGenerator.Generate(p, (uint)isi), row);
            if (used + count > columns.Length)
            {
                Array.Resize(ref columns, columns.Length * 2);
            }

            row[..count].CopyTo(columns.AsSpan(used));
            used += count;
            start[isi + 1] = used;
        }

        Array.Resize(ref columns, used);
        LtStart = start;
        LtColumns = columns;
    }
}
