using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Constant-time pieces of the G1 secret-scalar multiplication: Jacobian doubling without the infinity test, the
/// changes of coordinates to and from the complete projective form, and a masked table read.
/// </summary>
internal static partial class G1
{
    /// <summary>
    /// r = 2p in Jacobian coordinates (dbl-2009-l: 2M + 5S) with no infinity test: Z₃ = 2·Y·Z keeps Z = 0 at zero, and
    /// G1 has no point with y = 0. A fixed sequence of field operations. r may alias p.
    /// </summary>
    internal static void DoubleBranchFree(in G1Jacobian p, out G1Jacobian r)
    {
        Fp.Sqr(p.X, out var a);
        Fp.Sqr(p.Y, out var b);
        Fp.Sqr(b, out var c);
        Fp.Add(p.X, b, out var d);
        Fp.Sqr(d, out d);
        Fp.Add(a, c, out var t);
        Fp.Sub(d, t, out d);
        Fp.Double(d, out d);
        Fp.Double(a, out var e);
        Fp.Add(e, a, out e);
        Fp.Sqr(e, out var f);
        Fp.Double(d, out t);
        Fp.Sub(f, t, out var x3);
        Fp.Double(c, out c);
        Fp.Double(c, out c);
        Fp.Double(c, out c);
        Fp.Sub(d, x3, out t);
        Fp.Mul(e, t, out var y3);
        Fp.Sub(y3, c, out y3);
        Fp.Mul(p.Y, p.Z, out var z3);
        Fp.Double(z3, out z3);
        r = new G1Jacobian(x3, y3, z3);
    }

    /// <summary>Projective (X : Y : Z) to Jacobian (XZ, YZ², Z); the identity maps to (1, 1, 0) by masks. Constant-time.</summary>
    internal static void ProjectiveToJacobian(in G1Projective p, out G1Jacobian r)
    {
        Fp.Mul(p.X, p.Z, out var x);
        Fp.Sqr(p.Z, out var z2);
        Fp.Mul(p.Y, z2, out var y);
        bool identity = (p.Z.L0 | p.Z.L1 | p.Z.L2 | p.Z.L3 | p.Z.L4 | p.Z.L5) == 0;
        r = new G1Jacobian(Fp.Select(x, Fp.One, identity), Fp.Select(y, Fp.One, identity), p.Z);
    }

    /// <summary>Jacobian (X, Y, Z) to projective (XZ : Y : Z³); Z = 0 gives (0 : Y : 0), the identity. Constant-time.</summary>
    internal static void JacobianToProjective(in G1Jacobian p, out G1Projective r)
    {
        Fp.Mul(p.X, p.Z, out var x);
        Fp.Sqr(p.Z, out var z2);
        Fp.Mul(z2, p.Z, out var z3);
        r = new G1Projective(x, p.Y, z3);
    }

    /// <summary>
    /// r = table[index], reading every entry: each is masked with all-ones (the wanted index) or zero and OR-ed in, 128
    /// bits at a time, so the memory accesses and the instruction sequence do not depend on the index.
    /// </summary>
    private static void SelectConstantTime(ReadOnlySpan<G1Projective> table, int index, out G1Projective r)
    {
        // A point is 18 limbs = 9 vectors of two.
        var source = MemoryMarshal.Cast<G1Projective, Vector128<ulong>>(table);
        Vector128<ulong> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default,
            a5 = default, a6 = default, a7 = default, a8 = default;
        for (int j = 0; j < table.Length; j++)
        {
            // ((j ^ index) − 1) >> 31 is 1 exactly when j = index (both below 2³¹).
            var mask = Vector128.Create(0UL - (((uint)(j ^ index) - 1) >> 31));
            var entry = source.Slice(9 * j, 9);
            a0 |= entry[0] & mask;
            a1 |= entry[1] & mask;
            a2 |= entry[2] & mask;
            a3 |= entry[3] & mask;
            a4 |= entry[4] & mask;
            a5 |= entry[5] & mask;
            a6 |= entry[6] & mask;
            a7 |= entry[7] & mask;
            a8 |= entry[8] & mask;
        }

        Unsafe.SkipInit(out r);
        var destination = MemoryMarshal.Cast<G1Projective, Vector128<ulong>>(MemoryMarshal.CreateSpan(ref r, 1));
        destination[0] = a0;
        destination[1] = a1;
        destination[2] = a2;
        destination[3] = a3;
        destination[4] = a4;
        destination[5] = a5;
        destination[6] = a6;
        destination[7] = a7;
        destination[8] = a8;
    }
}
