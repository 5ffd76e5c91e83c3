using System.Numerics;

namespace Harmony.RaptorQ.Internal;

/// <summary>
/// Maximum-likelihood solver for the RFC 6330 constraint system A·C = D (§5.4), by inactivation decoding.
/// </summary>
/// <remarks>
/// <para>Phase 1 works on the structure only: it repeatedly takes a non-HDPC row with the fewest nonzeros among the
/// still active columns, makes one of them its pivot and inactivates the others. The pivot rows restricted to the
/// pivot columns then form a lower-triangular matrix T with a unit diagonal, and the system splits as
/// T·C_a + X·C_i = D_top, G·C_a + Y·C_i = D_rest.</para>
/// <para>The dense part (Y − G·T⁻¹·X)·C_i = D_rest − G·T⁻¹·D_top is solved by Gauss-Jordan elimination over GF(256);
/// the HDPC rows enter it through the MT·GAMMA recurrence, never as dense rows. A rank below the number of inactive
/// columns means the received set does not determine the block, and nothing is emitted.</para>
/// <para>Only then are symbol operations recorded: forward substitution of D_top into scratch slots, reduction of
/// the dense rows, the dense elimination, and back-substitution C_a = T⁻¹·(D_top − X·C_i) in place.</para>
/// </remarks>
internal sealed class InactivationSolver
{
    private const byte Active = 0;
    private const byte Pivot = 1;
    private const byte Inactive = 2;
    private const byte Alpha = 2;

    private readonly BlockStructure _structure;
    private readonly BlockParameters _p;

    // Binary rows (LDPC and LT; HDPC rows are empty here) in CSR form.
    private int[] _rowStart = [];
    private int[] _rowColumns = [];
    private int _rowCount;

    // Phase 1 results.
    private byte[] _columnState = [];
    private int[] _columnPivot = [];
    private int[] _pivotRow = [];
    private int _pivotCount;
    private int[] _inactiveColumns = [];
    private int _inactiveCount;
    private int[] _inactiveIndex = [];
    private bool[] _rowUsed = [];

    // Dense phase results.
    private int _words;
    private ulong[] _reduced = [];
    private int[] _remainingRows = [];
    private int _remainingCount;
    private int[] _order = [];
    private bool[] _densePivot = [];
    private SymbolOp[] _denseOps = [];
    private int _denseOpCount;

    // Work arrays reused across solves (a solver is pooled per K′).
    private int[] _degree = [];
    private int[] _columnStart = [];
    private int[] _columnRows = [];
    private int[] _fill = [];
    private int[] _head = [];
    private int[] _nodeRow = [];
    private int[] _nodeNext = [];
    private byte[] _dense = [];
    private ulong[] _bits = [];
    private byte[] _accumulator = [];

    /// <summary>Creates a solver for blocks with the structure of one K′.</summary>
    public InactivationSolver(BlockStructure structure)
    {
        _structure = structure;
        _p = structure.Parameters;
    }

    /// <summary>Number of inactivated columns in the last solve, including the P permanently inactive ones.</summary>
    public int InactiveCount => _inactiveCount;

    /// <summary>
    /// Solves the system with the S LDPC rows, the H HDPC rows and one LT row per ISI of <paramref name="ltIsis"/>
    /// (rows in that order). On success records into <paramref name="recorder"/> the operations that turn the row
    /// symbols into the intermediate symbols, and writes into <paramref name="columnSlots"/> (L entries) the slot that
    /// holds each intermediate symbol afterwards. The recorder must be reset, with zero rows already marked; slots
    /// <paramref name="scratchStart"/> .. <paramref name="scratchStart"/> + L are free scratch.
    /// </summary>
    /// <returns>False when the rows do not have full rank (the received set is insufficient); nothing is recorded.</returns>
    public bool TrySolve(ReadOnlySpan<uint> ltIsis, ReadOnlySpan<int> rowSlots, int scratchStart, OpRecorder recorder, Span<int> columnSlots)
    {
        BuildRows(ltIsis);
        RunPhaseOne();
        if (!SolveDense())
        {
            return false;
        }

        Emit(rowSlots, scratchStart, recorder, columnSlots);
        return true;
    }

    private void BuildRows(ReadOnlySpan<uint> ltIsis)
    {
        BlockParameters p = _p;
        int first = p.S + p.H;
        _rowCount = first + ltIsis.Length;
        int ldpcEntries = _structure.LdpcColumns.Length;
        if (_rowStart.Length < _rowCount + 1)
        {
            _rowStart = new int[_rowCount + 1];
        }

        int capacity = ldpcEntries + (ltIsis.Length * 8);
        if (_rowColumns.Length < capacity)
        {
            _rowColumns = new int[capacity];
        }

        _structure.LdpcStart.AsSpan().CopyTo(_rowStart);
        _structure.LdpcColumns.AsSpan().CopyTo(_rowColumns);
        int used = ldpcEntries;
        for (int r = p.S; r <= first; r++)
        {
            _rowStart[r] = used;
        }

        Span<int> row = stackalloc int[TupleGenerator.MaxColumns];
        for (int t = 0; t < ltIsis.Length; t++)
        {
            int count = _structure.LtRow(ltIsis[t], row);
            if (used + count > _rowColumns.Length)
            {
                Array.Resize(ref _rowColumns, _rowColumns.Length * 2);
            }

            row[..count].CopyTo(_rowColumns.AsSpan(used));
            used += count;
            _rowStart[first + t + 1] = used;
        }
    }

    private void RunPhaseOne()
    {
        BlockParameters p = _p;
        int rows = _rowCount;
        int l = p.L;
        int w = p.W;
        _columnState = EnsureCleared(_columnState, l);
        _columnPivot = Ensure(_columnPivot, l);
        _pivotRow = Ensure(_pivotRow, w);
        _inactiveColumns = Ensure(_inactiveColumns, l);
        _inactiveIndex = Ensure(_inactiveIndex, l);
        _rowUsed = EnsureCleared(_rowUsed, rows);
        _pivotCount = 0;
        _inactiveCount = 0;
        for (int c = w; c < l; c++)
        {
            _columnState[c] = Inactive;
            _inactiveColumns[_inactiveCount++] = c;
        }

        int hdpcStart = p.S;
        int hdpcEnd = p.S + p.H;
        int[] degree = _degree = Ensure(_degree, rows);
        int[] columnStart = _columnStart = EnsureCleared(_columnStart, w + 1);
        int totalActive = 0;
        int maxDegree = 0;
        for (int r = 0; r < rows; r++)
        {
            int d = 0;
            for (int e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                int c = _rowColumns[e];
                if (c < w)
                {
                    d++;
                    columnStart[c + 1]++;
                }
            }

            degree[r] = d;
            totalActive += d;
            maxDegree = Math.Max(maxDegree, d);
        }

        for (int c = 0; c < w; c++)
        {
            columnStart[c + 1] += columnStart[c];
        }

        int[] columnRows = _columnRows = Ensure(_columnRows, totalActive);
        int[] fill = _fill = EnsureCleared(_fill, w);
        for (int r = 0; r < rows; r++)
        {
            for (int e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                int c = _rowColumns[e];
                if (c < w)
                {
                    columnRows[columnStart[c] + fill[c]++] = r;
                }
            }
        }

        // Bucket queue keyed by current degree, with lazy deletion of stale entries.
        int[] head = _head = Ensure(_head, maxDegree + 1);
        head.AsSpan(0, maxDegree + 1).Fill(-1);
        int[] nodeRow = _nodeRow = Ensure(_nodeRow, (9 * rows) + totalActive);
        int[] nodeNext = _nodeNext = Ensure(_nodeNext, (9 * rows) + totalActive);
        int nodes = 0;
        for (int r = rows - 1; r >= 0; r--)
        {
            if (degree[r] > 0 && (r < hdpcStart || r >= hdpcEnd))
            {
                nodeRow[nodes] = r;
                nodeNext[nodes] = head[degree[r]];
                head[degree[r]] = nodes++;
            }
        }

        int minDegree = 1;
        while (true)
        {
            int chosen = -1;
            while (minDegree <= maxDegree)
            {
                int node = head[minDegree];
                if (node < 0)
                {
                    minDegree++;
                    continue;
                }

                head[minDegree] = nodeNext[node];
                int candidate = nodeRow[node];
                if (!_rowUsed[candidate] && degree[candidate] == minDegree)
                {
                    chosen = candidate;
                    break;
                }
            }

            if (chosen < 0)
            {
                break;
            }

            if (minDegree == 2)
            {
                // RFC 6330 prefers, among rows with two active columns, one in a large component of the graph those
                // rows form; as a cheap proxy, take (among a few candidates) the row whose columns reach the most rows.
                int best = ActiveReach(chosen, columnStart, columnRows);
                int node = head[2];
                for (int looked = 0; looked < 8 && node >= 0; node = nodeNext[node])
                {
                    int candidate = nodeRow[node];
                    if (_rowUsed[candidate] || degree[candidate] != 2 || candidate == chosen)
                    {
                        continue;
                    }

                    looked++;
                    int reach = ActiveReach(candidate, columnStart, columnRows);
                    if (reach > best)
                    {
                        // The skipped row goes back in the bucket; the chosen one's node turns stale once it is used.
                        nodeRow[nodes] = chosen;
                        nodeNext[nodes] = head[2];
                        head[2] = nodes++;
                        best = reach;
                        chosen = candidate;
                    }
                }
            }

            _rowUsed[chosen] = true;
            int pivotColumn = -1;
            for (int e = _rowStart[chosen]; e < _rowStart[chosen + 1]; e++)
            {
                int c = _rowColumns[e];
                if (_columnState[c] != Active)
                {
                    continue;
                }

                if (pivotColumn < 0)
                {
                    pivotColumn = c;
                    _columnState[c] = Pivot;
                }
                else
                {
                    _columnState[c] = Inactive;
                    _inactiveColumns[_inactiveCount++] = c;
                }

                for (int k = columnStart[c]; k < columnStart[c + 1]; k++)
                {
                    int q = columnRows[k];
                    if (_rowUsed[q])
                    {
                        continue;
                    }

                    int d = --degree[q];
                    if (d > 0 && (q < hdpcStart || q >= hdpcEnd))
                    {
                        nodeRow[nodes] = q;
                        nodeNext[nodes] = head[d];
                        head[d] = nodes++;
                        if (d < minDegree)
                        {
                            minDegree = d;
                        }
                    }
                }
            }

            _columnPivot[pivotColumn] = _pivotCount;
            _pivotRow[_pivotCount++] = chosen;
        }

        for (int c = 0; c < w; c++)
        {
            if (_columnState[c] == Active)
            {
                _columnState[c] = Inactive;
                _inactiveColumns[_inactiveCount++] = c;
            }
        }

        for (int k = 0; k < _inactiveCount; k++)
        {
            _inactiveIndex[_inactiveColumns[k]] = k;
        }
    }

    /// <summary>Number of unused rows that share an active column with <paramref name="row"/>.</summary>
    private int ActiveReach(int row, int[] columnStart, int[] columnRows)
    {
        int reach = 0;
        for (int e = _rowStart[row]; e < _rowStart[row + 1]; e++)
        {
            int c = _rowColumns[e];
            if (_columnState[c] != Active)
            {
                continue;
            }

            for (int k = columnStart[c]; k < columnStart[c + 1]; k++)
            {
                if (!_rowUsed[columnRows[k]])
                {
                    reach++;
                }
            }
        }

        return reach;
    }

    private bool SolveDense()
    {
        BlockParameters p = _p;
        int u = _inactiveCount;
        int m = _pivotCount;
        int words = (u + 63) >> 6;
        _words = words;

        // X' = T⁻¹·X, one bit row per pivot.
        _reduced = EnsureCleared(_reduced, m * words);
        ulong[] reduced = _reduced;
        for (int i = 0; i < m; i++)
        {
            Span<ulong> target = reduced.AsSpan(i * words, words);
            int r = _pivotRow[i];
            for (int e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                int c = _rowColumns[e];
                if (_columnState[c] == Inactive)
                {
                    int k = _inactiveIndex[c];
                    target[k >> 6] ^= 1UL << (k & 63);
                }
                else
                {
                    int j = _columnPivot[c];
                    if (j != i)
                    {
                        XorBits(target, reduced.AsSpan(j * words, words));
                    }
                }
            }
        }

        // Remaining rows, reduced onto the inactive columns.
        int remaining = _rowCount - m;
        _remainingCount = remaining;
        _remainingRows = Ensure(_remainingRows, remaining);
        byte[] dense = _dense = EnsureCleared(_dense, remaining * u);
        _bits = Ensure(_bits, words);
        Span<ulong> bits = _bits.AsSpan(0, words);
        int hdpcPosition = -1;
        int position = 0;
        for (int r = 0; r < _rowCount; r++)
        {
            if (_rowUsed[r])
            {
                continue;
            }

            _remainingRows[position] = r;
            if (r == p.S)
            {
                hdpcPosition = position;
            }

            if (r < p.S || r >= p.S + p.H)
            {
                bits.Clear();
                for (int e = _rowStart[r]; e < _rowStart[r + 1]; e++)
                {
                    int c = _rowColumns[e];
                    if (_columnState[c] == Inactive)
                    {
                        int k = _inactiveIndex[c];
                        bits[k >> 6] ^= 1UL << (k & 63);
                    }
                    else
                    {
                        XorBits(bits, reduced.AsSpan(_columnPivot[c] * words, words));
                    }
                }

                ExpandBits(bits, dense.AsSpan(position * u, u));
            }

            position++;
        }

        // HDPC rows are consecutive (S..S+H−1) and never pivots, so they sit at hdpcPosition..+H−1.
        AddHdpcRows(dense, hdpcPosition, u);
        return Eliminate(dense, u, hdpcPosition, p.H);
    }

    private void AddHdpcRows(byte[] dense, int hdpcPosition, int u)
    {
        BlockParameters p = _p;
        int words = _words;
        int n = p.KPrime + p.S;
        _accumulator = EnsureCleared(_accumulator, u);
        Span<byte> q = _accumulator.AsSpan(0, u);
        for (int i = 0; i < n; i++)
        {
            SymbolKernels.Scale(q, Alpha);
            if (_columnState[i] == Inactive)
            {
                q[_inactiveIndex[i]] ^= 1;
            }
            else
            {
                ReadOnlySpan<ulong> row = _reduced.AsSpan(_columnPivot[i] * words, words);
                for (int wd = 0; wd < words; wd++)
                {
                    ulong word = row[wd];
                    while (word != 0)
                    {
                        q[(wd << 6) + BitOperations.TrailingZeroCount(word)] ^= 1;
                        word &= word - 1;
                    }
                }
            }

            if (i < n - 1)
            {
                SymbolKernels.Xor(dense.AsSpan((hdpcPosition + _structure.HdpcFirst[i]) * u, u), q);
                SymbolKernels.Xor(dense.AsSpan((hdpcPosition + _structure.HdpcSecond[i]) * u, u), q);
            }
            else
            {
                for (int h = 0; h < p.H; h++)
                {
                    SymbolKernels.MulAdd(dense.AsSpan((hdpcPosition + h) * u, u), q, Octet.AlphaPower(h));
                }
            }
        }

        for (int h = 0; h < p.H; h++)
        {
            dense[((hdpcPosition + h) * u) + _inactiveIndex[n + h]] ^= 1;
        }
    }

    /// <summary>
    /// Gauss-Jordan elimination of the dense rows. Pivots come from the binary rows while any has a nonzero in the
    /// column, so binary rows stay binary (plain XORs) and only the H HDPC rows need multiplications.
    /// </summary>
    private bool Eliminate(byte[] dense, int u, int hdpcPosition, int hdpcCount)
    {
        int rows = _remainingCount;
        _order = Ensure(_order, rows);
        _densePivot = EnsureCleared(_densePivot, rows);
        _denseOpCount = 0;
        for (int t = 0; t < rows; t++)
        {
            _order[t] = t;
        }

        for (int k = 0; k < u; k++)
        {
            int found = -1;
            for (int t = k; t < rows; t++)
            {
                int position = _order[t];
                if (dense[(position * u) + k] != 0)
                {
                    found = t;
                    if (position < hdpcPosition || position >= hdpcPosition + hdpcCount)
                    {
                        break;
                    }
                }
            }

            if (found < 0)
            {
                return false;
            }

            (_order[k], _order[found]) = (_order[found], _order[k]);
            int pivot = _order[k];
            Span<byte> pivotRow = dense.AsSpan((pivot * u) + k, u - k);
            byte f = pivotRow[0];
            if (f != 1)
            {
                byte inverse = Octet.Inverse(f);
                SymbolKernels.Scale(pivotRow, inverse);
                AddDenseOp(SymbolOpKind.Scale, inverse, pivot, pivot);
            }

            for (int t = 0; t < rows; t++)
            {
                int q = _order[t];
                if (q == pivot)
                {
                    continue;
                }

                byte g = dense[(q * u) + k];
                if (g != 0)
                {
                    SymbolKernels.MulAdd(dense.AsSpan((q * u) + k, u - k), pivotRow, g);
                    AddDenseOp(SymbolOpKind.MulAdd, g, q, pivot);
                }
            }
        }

        for (int k = 0; k < u; k++)
        {
            _densePivot[_order[k]] = true;
        }

        return true;
    }

    private void AddDenseOp(SymbolOpKind kind, byte factor, int dst, int src)
    {
        if (_denseOpCount == _denseOps.Length)
        {
            Array.Resize(ref _denseOps, Math.Max(256, _denseOps.Length * 2));
        }

        _denseOps[_denseOpCount++] = new SymbolOp(kind, factor, dst, src);
    }

    private void Emit(ReadOnlySpan<int> rowSlots, int scratchStart, OpRecorder rec, Span<int> columnSlots)
    {
        BlockParameters p = _p;
        int m = _pivotCount;
        for (int i = 0; i <= m; i++)
        {
            rec.MarkZero(scratchStart + i);
        }

        // Forward substitution: scratch[i] = (T⁻¹·D_top)[i].
        for (int i = 0; i < m; i++)
        {
            int r = _pivotRow[i];
            int slot = scratchStart + i;
            rec.Copy(slot, rowSlots[r]);
            for (int e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                int c = _rowColumns[e];
                if (_columnState[c] == Pivot)
                {
                    int j = _columnPivot[c];
                    if (j != i)
                    {
                        rec.Xor(slot, scratchStart + j);
                    }
                }
            }
        }

        // HDPC rows: D_h ^= (MT·GAMMA restricted to the pivot columns)·scratch, through the GAMMA recurrence.
        int n = p.KPrime + p.S;
        int accumulator = scratchStart + m;
        for (int i = 0; i < n; i++)
        {
            if (_columnState[i] == Pivot)
            {
                rec.ScaleAdd(accumulator, scratchStart + _columnPivot[i], Alpha);
            }
            else
            {
                rec.Scale(accumulator, Alpha);
            }

            if (i < n - 1)
            {
                rec.Xor(rowSlots[p.S + _structure.HdpcFirst[i]], accumulator);
                rec.Xor(rowSlots[p.S + _structure.HdpcSecond[i]], accumulator);
            }
            else
            {
                for (int h = 0; h < p.H; h++)
                {
                    rec.MulAdd(rowSlots[p.S + h], accumulator, Octet.AlphaPower(h));
                }
            }
        }

        // Binary remaining rows that the dense elimination uses: D_g ^= G·scratch.
        for (int t = 0; t < _remainingCount; t++)
        {
            int r = _remainingRows[t];
            if (!_densePivot[t] || (r >= p.S && r < p.S + p.H))
            {
                continue;
            }

            for (int e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                int c = _rowColumns[e];
                if (_columnState[c] == Pivot)
                {
                    rec.Xor(rowSlots[r], scratchStart + _columnPivot[c]);
                }
            }
        }

        // The dense elimination, skipping rows that end up surplus.
        for (int o = 0; o < _denseOpCount; o++)
        {
            SymbolOp op = _denseOps[o];
            if (!_densePivot[op.Destination])
            {
                continue;
            }

            int dst = rowSlots[_remainingRows[op.Destination]];
            if (op.Kind == SymbolOpKind.Scale)
            {
                rec.Scale(dst, op.Factor);
            }
            else
            {
                rec.MulAdd(dst, rowSlots[_remainingRows[op.Source]], op.Factor);
            }
        }

        // Back-substitution in place: C_a[i] = D_top[i] ^ X_i·C_i ^ Σ_{j<i} T[i][j]·C_a[j].
        for (int i = 0; i < m; i++)
        {
            int r = _pivotRow[i];
            int slot = rowSlots[r];
            for (int e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                int c = _rowColumns[e];
                if (_columnState[c] == Inactive)
                {
                    rec.Xor(slot, rowSlots[_remainingRows[_order[_inactiveIndex[c]]]]);
                }
                else
                {
                    int j = _columnPivot[c];
                    if (j != i)
                    {
                        rec.Xor(slot, rowSlots[_pivotRow[j]]);
                    }
                }
            }
        }

        for (int c = 0; c < p.L; c++)
        {
            int slot = _columnState[c] == Inactive
                ? rowSlots[_remainingRows[_order[_inactiveIndex[c]]]]
                : rowSlots[_pivotRow[_columnPivot[c]]];
            rec.Materialize(slot);
            columnSlots[c] = slot;
        }
    }

    private static void XorBits(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] ^= source[i];
        }
    }

    private static void ExpandBits(ReadOnlySpan<ulong> bits, Span<byte> row)
    {
        for (int wd = 0; wd < bits.Length; wd++)
        {
            ulong word = bits[wd];
            while (word != 0)
            {
                row[(wd << 6) + BitOperations.TrailingZeroCount(word)] = 1;
                word &= word - 1;
            }
        }
    }

    private static T[] Ensure<T>(T[] array, int length) => array.Length >= length ? array : new T[length];

    private static T[] EnsureCleared<T>(T[] array, int length)
    {
        if (array.Length < length)
        {
            return new T[length];
        }

        Array.Clear(array, 0, length);
        return array;
    }
}
