using Harmony.RaptorQ.Internal;

namespace Harmony.RaptorQ.Tests.Support;

/// <summary>
/// Builds the full (S+H+K′) × L constraint matrix of RFC 6330 §5.3.3.4 densely from the library's structure, so
/// it can be compared entry by entry with the pinned matrices (test-only; the library never materialises it).
/// </summary>
internal static class DenseConstraintMatrix
{
    public static byte[,] Build(int kPrime)
    {
        BlockStructure structure = BlockStructure.For(kPrime);
        BlockParameters p = structure.Parameters;
        int rows = p.S + p.H + p.KPrime;
        byte[,] a = new byte[rows, p.L];
        for (int r = 0; r < p.S; r++)
        {
            for (int e = structure.LdpcStart[r]; e < structure.LdpcStart[r + 1]; e++)
            {
                a[r, structure.LdpcColumns[e]] ^= 1;
            }
        }

        // G_HDPC by the recurrence G[r][j] = α·G[r][j+1] + MT[r][j], with G[r][K′+S−1] = α^r.
        int n = p.KPrime + p.S;
        for (int h = 0; h < p.H; h++)
        {
            a[p.S + h, n - 1] = Octet.AlphaPower(h);
            for (int j = n - 2; j >= 0; j--)
            {
                byte mt = (byte)(structure.HdpcFirst[j] == h || structure.HdpcSecond[j] == h ? 1 : 0);
                a[p.S + h, j] = (byte)(Octet.Mul(2, a[p.S + h, j + 1]) ^ mt);
            }

            a[p.S + h, n + h] = 1;
        }

        Span<int> columns = stackalloc int[TupleGenerator.MaxColumns];
        for (int isi = 0; isi < p.KPrime; isi++)
        {
            int count = structure.LtRow((uint)isi, columns);
            for (int i = 0; i < count; i++)
            {
                a[p.S + p.H + isi, columns[i]] ^= 1;
            }
        }

        return a;
    }
}
