using System.Numerics;
using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Arithmetic;

/// <summary>
/// The modulus-independent core of Bernstein–Yang variable-time inversion ("safegcd"), shared by the secp256k1
/// (256-bit) and BLS12-381 (381-bit) inverses: 62 divsteps on machine words summarised as a transition matrix.
/// </summary>
internal static class Divsteps
{
    /// <summary>2⁶² − 1.</summary>
    internal const ulong Mask62 = (1UL << 62) - 1;

    /// <summary>
    /// Runs 62 divsteps on the low words of f and g, skipping runs of even g in one go, and returns the
    /// new delta and the transition matrix.
    /// </summary>
    internal static long Divsteps62Var(long delta, ulong f, ulong g, out DivstepTransition t)
    {
        // 2^i (f_i, g_i) = (u f + v g, q f + r g).
        long u = 1, v = 0, q = 0, r = 1;
        int remaining = 62;
        while (true)
        {
            // Even g: g / 2 as many times as it has trailing zeros (at most the steps left).
            int zeros = BitOperations.TrailingZeroCount(g | (1UL << remaining));
            g >>= zeros;
            u <<= zeros;
            v <<= zeros;
            delta += zeros;
            remaining -= zeros;
            if (remaining == 0)
            {
                break;
            }

            if (delta > 0)
            {
                // (1 - delta, g, (g - f) / 2)
                delta = 1 - delta;
                ulong oldF = f;
                f = g;
                g = (g - oldF) >> 1;
                long newU = q << 1;
                long newV = r << 1;
                q -= u;
                r -= v;
                u = newU;
                v = newV;
            }
            else
            {
                // (1 + delta, f, (g + f) / 2)
                delta++;
                g = (g + f) >> 1;
                q += u;
                r += v;
                u <<= 1;
                v <<= 1;
            }

            remaining--;
        }

        t = new DivstepTransition(u, v, q, r);
        return delta;
    }
}

/// <summary>The matrix T of 62 divsteps: 2⁶² (f′, g′) = T (f, g).</summary>
internal readonly struct DivstepTransition(long u, long v, long q, long r)
{
    internal readonly long U = u;
    internal readonly long V = v;
    internal readonly long Q = q;
    internal readonly long R = r;
}

/// <summary>A signed 128-bit accumulator (high · 2⁶⁴ + low) for applying a transition matrix limb by limb.</summary>
internal struct DivstepAccumulator
{
    private ulong _low;
    private long _high;

    /// <summary>The remaining value after the last <see cref="TakeLow62"/>, which fits in 64 bits.</summary>
    internal readonly long Rest => (long)_low;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void MulAdd(long a, long b)
    {
        long high = Math.BigMul(a, b, out long low);
        ulong sum = _low + (ulong)low;
        _high += high + (sum < _low ? 1L : 0L);
        _low = sum;
    }

    /// <summary>Arithmetic shift right by 62.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Shift62()
    {
        _low = (_low >> 62) | ((ulong)_high << 2);
        _high >>= 62;
    }

    /// <summary>Returns the low 62 bits and shifts them out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long TakeLow62()
    {
        long low = (long)(_low & Divsteps.Mask62);
        Shift62();
        return low;
    }
}
