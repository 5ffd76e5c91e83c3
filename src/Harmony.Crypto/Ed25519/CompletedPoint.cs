using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// The "completed" form ((X:Z), (Y:T)) with x = X/Z and y = Y/T that the addition and doubling formulas produce;
/// it converts to the extended form with four multiplications or to the projective form with three.
/// </summary>
internal readonly struct CompletedPoint
{
    internal readonly FieldElement X;
    internal readonly FieldElement Y;
    internal readonly FieldElement Z;
    internal readonly FieldElement T;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CompletedPoint(in FieldElement x, in FieldElement y, in FieldElement z, in FieldElement t)
    {
        X = x;
        Y = y;
        Z = z;
        T = t;
    }

    /// <summary>(X·T : Y·Z : Z·T : X·Y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal EdwardsPoint ToExtended() => new(
        FieldElement.Multiply(X, T),
        FieldElement.Multiply(Y, Z),
        FieldElement.Multiply(Z, T),
        FieldElement.Multiply(X, Y));

    /// <summary>(X·T : Y·Z : Z·T), enough for a following doubling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ProjectivePoint ToProjective() => new(
        FieldElement.Multiply(X, T),
        FieldElement.Multiply(Y, Z),
        FieldElement.Multiply(Z, T));
}
