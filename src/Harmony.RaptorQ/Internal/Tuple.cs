namespace Harmony.RaptorQ.Internal;

/// <summary>The RFC 6330 §5.3.5.4 tuple (d, a, b, d1, a1, b1) that names the intermediate symbols of one encoding symbol.</summary>
internal readonly record struct EncodingTuple(int D, int A, int B, int D1, int A1, int B1);

/// <summary>RFC 6330 §5.3.5: the pseudo-random generator Rand, the degree generator Deg and the tuple generator.</summary>
internal static class TupleGenerator
{
    private static ReadOnlySpan<int> DegreeTable =>
    [
        0, 5243, 529531, 704294, 791675, 844104, 879057, 904023, 922747, 937311, 948962, 958494, 966438, 973160,
        978921, 983914, 988283, 992138, 995565, 998631, 1001391, 1003887, 1006157, 1008229, 1010129, 1011876,
        1013490, 1014983, 1016370, 1017662, 1048576,
    ];

    /// <summary>Rand[y, i, m] of §5.3.5.1.</summary>
    public static uint Rand(uint y, uint i, uint m)
    {
        unchecked
        {
            uint x0 = (y + i) & 0xFF;
            uint x1 = ((y >> 8) + i) & 0xFF;
            uint x2 = ((y >> 16) + i) & 0xFF;
            uint x3 = ((y >> 24) + i) & 0xFF;
            return (RandTables.V0[(int)x0] ^ RandTables.V1[(int)x1] ^ RandTables.V2[(int)x2] ^ RandTables.V3[(int)x3]) % m;
        }
    }

    /// <summary>Deg[v] of §5.3.5.2 for a block with <paramref name="w"/> LT symbols.</summary>
    public static int Degree(uint v, int w)
    {
        ReadOnlySpan<int> f = DegreeTable;
        int d = 1;
        while (v >= (uint)f[d])
        {
            d++;
        }

        return Math.Min(d, w - 2);
    }

    /// <summary>Tuple[K′, X] of §5.3.5.4 for the internal symbol ID <paramref name="isi"/>.</summary>
    public static EncodingTuple Generate(BlockParameters p, uint isi)
    {
        unchecked
        {
            uint a = 53591u + ((uint)p.J * 997u);
            if ((a & 1) == 0)
            {
                a++;
            }

            uint b = 10267u * ((uint)p.J + 1u);
            uint y = b + (isi * a);
            uint v = Rand(y, 0, 1u << 20);
            int d = Degree(v, p.W);
            int ta = 1 + (int)Rand(y, 1, (uint)p.W - 1);
            int tb = (int)Rand(y, 2, (uint)p.W);
            int d1 = d < 4 ? 2 + (int)Rand(isi, 3, 2) : 2;
            int a1 = 1 + (int)Rand(isi, 4, (uint)p.P1 - 1);
            int b1 = (int)Rand(isi, 5, (uint)p.P1);
            return new EncodingTuple(d, ta, tb, d1, a1, b1);
        }
    }

    /// <summary>
    /// Writes the intermediate-symbol columns that Enc[K′, C, tuple] XORs together: d LT columns then d1 PI columns.
    /// Returns how many were written (at most 30 + 3).
    /// </summary>
    public static int Columns(BlockParameters p, in EncodingTuple t, Span<int> columns)
    {
        int n = 0;
        int b = t.B;
        columns[n++] = b;
        for (int j = 1; j < t.D; j++)
        {
            b = (b + t.A) % p.W;
            columns[n++] = b;
        }

        int b1 = t.B1;
        while (b1 >= p.P)
        {
            b1 = (b1 + t.A1) % p.P1;
        }

        columns[n++] = p.W + b1;
        for (int j = 1; j < t.D1; j++)
        {
            b1 = (b1 + t.A1) % p.P1;
            while (b1 >= p.P)
            {
                b1 = (b1 + t.A1) % p.P1;
            }

            columns[n++] = p.W + b1;
        }

        return n;
    }

    /// <summary>Largest number of columns <see cref="Columns"/> can produce.</summary>
    public const int MaxColumns = 34;
}
