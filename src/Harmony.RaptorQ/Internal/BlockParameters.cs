namespace Harmony.RaptorQ.Internal;

/// <summary>
/// The RFC 6330 §5.3.3.3 parameters of one source block, all derived from its number of source symbols K through
/// the systematic-index table.
/// </summary>
internal sealed class BlockParameters
{
    /// <summary>Largest K′ in Table 2 and so the largest number of source symbols in one block.</summary>
    public const int MaxSourceSymbols = 56_403;

    private BlockParameters(int k, int row)
    {
        ReadOnlySpan<int> rows = SystematicIndexTable.Rows;
        K = k;
        KPrime = rows[row * 5];
        J = rows[(row * 5) + 1];
        S = rows[(row * 5) + 2];
        H = rows[(row * 5) + 3];
        W = rows[(row * 5) + 4];
        L = KPrime + S + H;
        P = L - W;
        P1 = SmallestPrimeAtLeast(P);
        U = P - H;
        B = W - S;
    }

    /// <summary>Source symbols in the block.</summary>
    public int K { get; }

    /// <summary>Extended block size: the smallest K′ of Table 2 with K′ ≥ K.</summary>
    public int KPrime { get; }

    /// <summary>Systematic index J(K′).</summary>
    public int J { get; }

    /// <summary>Number of LDPC symbols.</summary>
    public int S { get; }

    /// <summary>Number of HDPC symbols.</summary>
    public int H { get; }

    /// <summary>Number of LT symbols.</summary>
    public int W { get; }

    /// <summary>Number of intermediate symbols, K′ + S + H.</summary>
    public int L { get; }

    /// <summary>Number of permanently inactive symbols, L − W.</summary>
    public int P { get; }

    /// <summary>Smallest prime at least <see cref="P"/>.</summary>
    public int P1 { get; }

    /// <summary>P − H.</summary>
    public int U { get; }

    /// <summary>W − S: the LT symbols that no LDPC row covers.</summary>
    public int B { get; }

    /// <summary>Offset between an ESI and its ISI for repair symbols, K′ − K.</summary>
    public int Padding => KPrime - K;

    /// <summary>Parameters for a block of <paramref name="k"/> source symbols (1 ≤ k ≤ 56403).</summary>
    public static BlockParameters ForSourceSymbols(int k)
    {
        if (k < 1 || k > MaxSourceSymbols)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"A source block holds 1 to {MaxSourceSymbols} symbols.");
        }

        return new BlockParameters(k, RowFor(k));
    }

    /// <summary>The K′ that a block of <paramref name="k"/> source symbols is extended to.</summary>
    public static int ExtendedSize(int k) => SystematicIndexTable.Rows[RowFor(k) * 5];

    private static int RowFor(int k)
    {
        ReadOnlySpan<int> rows = SystematicIndexTable.Rows;
        int lo = 0;
        int hi = SystematicIndexTable.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (rows[mid * 5] >= k)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static int SmallestPrimeAtLeast(int n)
    {
        for (int candidate = Math.Max(n, 2); ; candidate++)
        {
            bool prime = true;
            for (int d = 2; d * d <= candidate; d++)
            {
                if (candidate % d == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                return candidate;
            }
        }
    }
}
