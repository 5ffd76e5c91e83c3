namespace Harmony.Crypto.Bls12381;

internal partial struct Fp
{
    /// <summary>
    /// The Montgomery product for processors without BMI2 (e.g. Arm64): the same CIOS algorithm as the unrolled
    /// kernel, written as loops over <see cref="Math.BigMul(ulong, ulong, out ulong)"/>.
    /// </summary>
    private static void MulPortable(in Fp x, in Fp y, out Fp r)
    {
        ReadOnlySpan<ulong> p = [P0, P1, P2, P3, P4, P5];
        Span<ulong> a = [x.L0, x.L1, x.L2, x.L3, x.L4, x.L5];
        Span<ulong> b = [y.L0, y.L1, y.L2, y.L3, y.L4, y.L5];
        Span<ulong> t = stackalloc ulong[7];
        t.Clear();
        for (int i = 0; i < 6; i++)
        {
            ulong c = 0;
            for (int j = 0; j < 6; j++)
            {
                ulong hi = Math.BigMul(a[j], b[i], out ulong lo);
                lo += t[j];
                hi += lo < t[j] ? 1UL : 0UL;
                lo += c;
                hi += lo < c ? 1UL : 0UL;
                t[j] = lo;
                c = hi;
            }

            t[6] = c;
            ulong m = t[0] * 0x89f3fffcfffcfffdUL;
            ulong h0 = Math.BigMul(m, p[0], out ulong l0);
            l0 += t[0];
            c = h0 + (l0 < t[0] ? 1UL : 0UL);
            for (int j = 1; j < 6; j++)
            {
                ulong hi = Math.BigMul(m, p[j], out ulong lo);
                lo += t[j];
                hi += lo < t[j] ? 1UL : 0UL;
                lo += c;
                hi += lo < c ? 1UL : 0UL;
                t[j - 1] = lo;
                c = hi;
            }

            t[5] = t[6] + c;
        }

        SubtractModulusIfNeeded(t[0], t[1], t[2], t[3], t[4], t[5], out r);
    }
}
