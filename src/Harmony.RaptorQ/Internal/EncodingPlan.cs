using System.Collections.Concurrent;

namespace Harmony.RaptorQ.Internal;

/// <summary>
/// The precode of one K′ as a replayable list of symbol operations: solving A·C = D for the systematic case (every
/// LT row of ISI 0..K′−1 present) depends on K′ only, so it is computed once and shared by every block of that size.
/// </summary>
/// <remarks>
/// Slab layout: slots 0..S−1 LDPC rows (zero), S..S+H−1 HDPC rows (zero), S+H+i the extended source symbol of ISI i
/// (i &lt; K′; the caller zero-fills the padding ISIs K..K′−1), then scratch. After replay, intermediate symbol c lives in
/// slot <see cref="ColumnSlots"/>[c].
/// </remarks>
internal sealed class EncodingPlan
{
    private const int CacheCapacity = 64;
    private static readonly ConcurrentDictionary<int, Lazy<EncodingPlan>> Cache = new();

    private EncodingPlan(int kPrime)
    {
        Structure = BlockStructure.For(kPrime);
        BlockParameters p = Structure.Parameters;
        int rows = p.S + p.H + p.KPrime;
        int[] rowSlots = new int[rows];
        uint[] isis = new uint[p.KPrime];
        for (int i = 0; i < rows; i++)
        {
            rowSlots[i] = i;
        }

        for (int i = 0; i < p.KPrime; i++)
        {
            isis[i] = (uint)i;
        }

        SlotCount = rows + p.L + 1;
        var recorder = new OpRecorder(24 * p.L);
        recorder.Reset(SlotCount);
        for (int i = 0; i < p.S + p.H; i++)
        {
            recorder.MarkZero(i);
        }

        ColumnSlots = new int[p.L];
        var solver = new InactivationSolver(Structure);
        if (!solver.TrySolve(isis, rowSlots, rows, recorder, ColumnSlots))
        {
            throw new InvalidOperationException($"The RFC 6330 constraint matrix for K'={kPrime} is singular; the systematic index table is corrupt.");
        }

        Operations = recorder.ToArray();
        InactiveCount = solver.InactiveCount;
    }

    /// <summary>The K′-only structure the plan was built from.</summary>
    public BlockStructure Structure { get; }

    /// <summary>Symbol operations to replay, in order.</summary>
    public SymbolOp[] Operations { get; }

    /// <summary>Slot of each intermediate symbol after replay (L entries).</summary>
    public int[] ColumnSlots { get; }

    /// <summary>Slots the slab must hold.</summary>
    public int SlotCount { get; }

    /// <summary>Inactivated columns of the systematic solve (for diagnostics).</summary>
    public int InactiveCount { get; }

    /// <summary>The shared plan for <paramref name="kPrime"/>; built on first use, thread-safe.</summary>
    public static EncodingPlan For(int kPrime)
    {
        if (Cache.TryGetValue(kPrime, out Lazy<EncodingPlan>? found))
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

        return Cache.GetOrAdd(kPrime, static k => new Lazy<EncodingPlan>(() => new EncodingPlan(k))).Value;
    }
}
