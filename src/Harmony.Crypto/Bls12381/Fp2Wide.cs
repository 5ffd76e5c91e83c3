using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// An unreduced 𝔽p² value c0 + c1·u with 768-bit coefficients (blst's vec768x), for lazy reduction in 𝔽p⁶ and 𝔽p¹²
/// arithmetic. Invariant kept by every operation here: each coefficient lies in [0, p·2³⁸⁴), i.e. is a valid
/// <see cref="Fp.Redc"/> input, and is congruent mod p to the true coefficient times 2³⁸⁴·R (one Montgomery factor more
/// than a reduced value). Additions and subtractions are taken modulo p·2³⁸⁴ (<see cref="FpWide.AddModP"/>,
/// <see cref="FpWide.SubModP"/>), which preserves both the bound and the residue mod p.
/// </summary>
/// <remarks>Add, Sub and MulByNonResidue are deliberately not inlined: each expands to two full 12-limb carry chains,
/// and inlining dozens of them into <see cref="Fp6.MulWide"/> measured slower (register pressure, tracked-locals limit).</remarks>
[SkipLocalsInit]
internal struct Fp2Wide
{
    internal FpWide C0;
    internal FpWide C1;

    /// <summary>r = a + b (mod p·2³⁸⁴ per coefficient). r may alias an input.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Add(in Fp2Wide a, in Fp2Wide b, out Fp2Wide r)
    {
        FpWide.AddModP(a.C0, b.C0, out r.C0);
        FpWide.AddModP(a.C1, b.C1, out r.C1);
    }

    /// <summary>r = a − b (mod p·2³⁸⁴ per coefficient). r may alias an input.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Sub(in Fp2Wide a, in Fp2Wide b, out Fp2Wide r)
    {
        FpWide.SubModP(a.C0, b.C0, out r.C0);
        FpWide.SubModP(a.C1, b.C1, out r.C1);
    }

    /// <summary>r = a·ξ = (a0 − a1) + (a0 + a1)·u, both mod p·2³⁸⁴. r may alias a.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void MulByNonResidue(in Fp2Wide a, out Fp2Wide r)
    {
        FpWide.SubModP(a.C0, a.C1, out var c0);
        FpWide.AddModP(a.C0, a.C1, out r.C1);
        r.C0 = c0;
    }

    /// <summary>One Montgomery reduction per coefficient; the invariant makes both valid inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Redc(in Fp2Wide a, out Fp2 r)
    {
        Fp.Redc(a.C0, out r.C0);
        Fp.Redc(a.C1, out r.C1);
    }
}
