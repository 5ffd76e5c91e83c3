using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// Jacobian doubling on G2 written directly on <see cref="Fp2"/> with in/out operands, so that the long
/// doubling runs of cofactor clearing, subgroup checks and [x]-multiplications keep their temporaries in place instead of
/// passing 96-byte values through the generic <see cref="IField{T}"/> interface. Same formula (and the same special-case
/// branch, so public data only) as <see cref="JacobianPoint{TField, TCurve}"/>.
/// </summary>
[SkipLocalsInit]
internal static partial class G2
{
    /// <summary>r = 2p (dbl-2009-l: 2M + 5S). r may alias p.</summary>
    internal static void Double(in G2Jacobian p, out G2Jacobian r)
    {
        if (p.Z.IsZero)
        {
            r = p;
            return;
        }

        DoubleBranchFree(p, out r);
    }

    /// <summary>
    /// r = 2p by the same formula without the infinity test: Z₃ = 2·Y·Z keeps Z = 0 at zero, so a point at infinity stays
    /// one (G2 has no point with y = 0 to break the formula). A fixed sequence of field operations: constant-time.
    /// r may alias p.
    /// </summary>
    internal static void DoubleBranchFree(in G2Jacobian p, out G2Jacobian r)
    {
        Fp2.Sqr(p.X, out var a);
        Fp2.Sqr(p.Y, out var b);
        Fp2.Sqr(b, out var c);
        Fp2.Add(p.X, b, out var d);
        Fp2.Sqr(d, out d);
        Fp2.Add(a, c, out var t);
        Fp2.Sub(d, t, out d);
        Fp2.Double(d, out d);
        Fp2.Double(a, out var e);
        Fp2.Add(e, a, out e);
        Fp2.Sqr(e, out var f);
        Fp2.Double(d, out t);
        Fp2.Sub(f, t, out var x3);
        Fp2.Double(c, out c);
        Fp2.Double(c, out c);
        Fp2.Double(c, out c);
        Fp2.Sub(d, x3, out t);
        Fp2.Mul(e, t, out var y3);
        Fp2.Sub(y3, c, out y3);
        Fp2.Mul(p.Y, p.Z, out var z3);
        Fp2.Double(z3, out z3);
        r = new G2Jacobian(x3, y3, z3);
    }
}
