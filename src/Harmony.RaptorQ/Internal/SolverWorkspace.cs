namespace Harmony.RaptorQ.Internal;

/// <summary>
/// A solver, an operation recorder and index buffers for one K′, pooled by <see cref="BlockStructure"/> so that
/// repeated decodes reuse their work arrays instead of allocating them per solve.
/// </summary>
internal sealed class SolverWorkspace
{
    /// <summary>Creates a workspace for blocks with <paramref name="structure"/>.</summary>
    public SolverWorkspace(BlockStructure structure)
    {
        Solver = new InactivationSolver(structure);
        Recorder = new OpRecorder(24 * structure.Parameters.L);
        ColumnSlots = new int[structure.Parameters.L];
    }

    /// <summary>The solver.</summary>
    public InactivationSolver Solver { get; }

    /// <summary>The recorder the solver writes into.</summary>
    public OpRecorder Recorder { get; }

    /// <summary>Slot of each intermediate symbol after a successful solve (L entries).</summary>
    public int[] ColumnSlots { get; }

    /// <summary>LT-row ISIs of the current solve (reused buffer).</summary>
    public uint[] Isis { get; private set; } = [];

    /// <summary>Slot of each row of the current solve (reused buffer).</summary>
    public int[] RowSlots { get; private set; } = [];

    /// <summary>Makes <see cref="Isis"/> and <see cref="RowSlots"/> at least the given sizes.</summary>
    public void Reserve(int isis, int rows)
    {
        if (Isis.Length < isis)
        {
            Isis = new uint[isis];
        }

        if (RowSlots.Length < rows)
        {
            RowSlots = new int[rows];
        }
    }
}
