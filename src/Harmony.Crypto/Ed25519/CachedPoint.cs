using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// An extended point prepared as an addend: (Y+X, Y-X, Z, 2d·T). Used for the per-call table of odd multiples of
/// the public key in verification.
/// </summary>
internal readonly struct CachedPoint
{
    internal readonly FieldElement YPlusX;
    internal readonly FieldElement YMinusX;
    internal readonly FieldElement Z;
    internal readonly FieldElement T2d;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CachedPoint(in EdwardsPoint p)
    {
        YPlusX = FieldElement.Add(p.Y, p.X);
        YMinusX = FieldElement.Subtract(p.Y, p.X);
        Z = p.Z;
        T2d = FieldElement.Multiply(p.T, FieldElement.D2);
    }
}
