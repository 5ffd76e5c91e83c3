using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// An unreduced 𝔽p⁶ value (three <see cref="Fp2Wide"/> coefficients, blst's vec768fp6) for lazy reduction in 𝔽p⁶ and
/// 𝔽p¹² products. Every coefficient keeps the <see cref="Fp2Wide"/> invariant (each 768-bit part in [0, p·2³⁸⁴)), so any
/// chain of the operations below ends in valid <see cref="Fp.Redc"/> inputs.
/// </summary>
[SkipLocalsInit]
internal struct Fp6Wide
{
    internal Fp2Wide C0;
    internal Fp2Wide C1;
    internal Fp2Wide C2;

    /// <summary>r = a + b (mod p·2³⁸⁴ per 𝔽p coefficient). r may alias an input.</summary>
    internal static void Add(in Fp6Wide a, in Fp6Wide b, out Fp6Wide r)
    {
        Fp2Wide.Add(a.C0, b.C0, out r.C0);
        Fp2Wide.Add(a.C1, b.C1, out r.C1);
        Fp2Wide.Add(a.C2, b.C2, out r.C2);
    }

    /// <summary>r = a − b (mod p·2³⁸⁴ per 𝔽p coefficient). r may alias an input.</summary>
    internal static void Sub(in Fp6Wide a, in Fp6Wide b, out Fp6Wide r)
    {
        Fp2Wide.Sub(a.C0, b.C0, out r.C0);
        Fp2Wide.Sub(a.C1, b.C1, out r.C1);
        Fp2Wide.Sub(a.C2, b.C2, out r.C2);
    }

    /// <summary>r = a + b·v = (a0 + ξ·b2, a1 + b0, a2 + b1): the 𝔽p¹² recombination c0 = aa + v·bb in one pass.
    /// r may alias a but not b.</summary>
    internal static void AddMulByNonResidue(in Fp6Wide a, in Fp6Wide b, out Fp6Wide r)
    {
        Fp2Wide.MulByNonResidue(b.C2, out var t);
        Fp2Wide.Add(a.C0, t, out r.C0);
        Fp2Wide.Add(a.C1, b.C0, out r.C1);
        Fp2Wide.Add(a.C2, b.C1, out r.C2);
    }

    /// <summary>r = a − b·v = (a0 − ξ·b2, a1 − b0, a2 − b1). r may alias a but not b.</summary>
    internal static void SubMulByNonResidue(in Fp6Wide a, in Fp6Wide b, out Fp6Wide r)
    {
        Fp2Wide.MulByNonResidue(b.C2, out var t);
        Fp2Wide.Sub(a.C0, t, out r.C0);
        Fp2Wide.Sub(a.C1, b.C0, out r.C1);
        Fp2Wide.Sub(a.C2, b.C1, out r.C2);
    }

    /// <summary>Six Montgomery reductions, one per 𝔽p coefficient.</summary>
    internal static void Redc(in Fp6Wide a, out Fp6 r)
    {
        Fp2Wide.Redc(a.C0, out r.C0);
        Fp2Wide.Redc(a.C1, out r.C1);
        Fp2Wide.Redc(a.C2, out r.C2);
    }
}
