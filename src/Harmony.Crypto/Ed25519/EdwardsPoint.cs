using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Ed25519;

/// <summary>
/// A point of edwards25519 (-x² + y² = 1 + d·x²·y²) in extended coordinates (X:Y:Z:T) with x = X/Z, y = Y/Z and
/// x·y = T/Z. The addition formulas are the unified ones for a = -1 ("add-2008-hwcd-3"), valid for all inputs
/// including doubling and the identity, and branch-free.
/// </summary>
internal readonly struct EdwardsPoint
{
    internal readonly FieldElement X;
    internal readonly FieldElement Y;
    internal readonly FieldElement Z;
    internal readonly FieldElement T;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal EdwardsPoint(in FieldElement x, in FieldElement y, in FieldElement z, in FieldElement t)
    {
        X = x;
        Y = y;
        Z = z;
        T = t;
    }

    /// <summary>The neutral element (0 : 1 : 1 : 0).</summary>
    internal static EdwardsPoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>The base point B of RFC 8032 (y = 4/5, x even).</summary>
    internal static EdwardsPoint Basepoint => new(
        new FieldElement(0x62d608f25d51a, 0x412a4b4f6592a, 0x75b7171a4b31d, 0x1ff60527118fe, 0x216936d3cd6e5),
        new FieldElement(0x6666666666658, 0x4cccccccccccc, 0x1999999999999, 0x3333333333333, 0x6666666666666),
        FieldElement.One,
        new FieldElement(0x68ab3a5b7dda3, 0xeea2a5eadbb, 0x2af8df483c27e, 0x332b375274732, 0x67875f0fd78b7));

    /// <summary>(X : Y : Z), dropping T.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ProjectivePoint ToProjective() => new(X, Y, Z);

    /// <summary>-P = (-X : Y : Z : -T).</summary>
    internal EdwardsPoint Negate() => new(FieldElement.Negate(X), Y, Z, FieldElement.Negate(T));

    /// <summary>2P.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal EdwardsPoint Double() => ToProjective().Double().ToExtended();

    /// <summary>P + Q for a prepared Q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CompletedPoint Add(in CachedPoint q)
    {
        FieldElement a = FieldElement.Multiply(FieldElement.Add(Y, X), q.YPlusX);
        FieldElement b = FieldElement.Multiply(FieldElement.Subtract(Y, X), q.YMinusX);
        FieldElement c = FieldElement.Multiply(q.T2d, T);
        FieldElement zz = FieldElement.Multiply(Z, q.Z);
        FieldElement d = FieldElement.Add(zz, zz);
        return new CompletedPoint(FieldElement.Subtract(a, b), FieldElement.Add(a, b), FieldElement.Add(d, c), FieldElement.Subtract(d, c));
    }

    /// <summary>P - Q for a prepared Q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CompletedPoint Subtract(in CachedPoint q)
    {
        FieldElement a = FieldElement.Multiply(FieldElement.Add(Y, X), q.YMinusX);
        FieldElement b = FieldElement.Multiply(FieldElement.Subtract(Y, X), q.YPlusX);
        FieldElement c = FieldElement.Multiply(q.T2d, T);
        FieldElement zz = FieldElement.Multiply(Z, q.Z);
        FieldElement d = FieldElement.Add(zz, zz);
        return new CompletedPoint(FieldElement.Subtract(a, b), FieldElement.Add(a, b), FieldElement.Subtract(d, c), FieldElement.Add(d, c));
    }

    /// <summary>P + Q for an affine prepared Q (one multiplication fewer: Z_Q = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CompletedPoint Add(in AffineNielsPoint q)
    {
        FieldElement a = FieldElement.Multiply(FieldElement.Add(Y, X), q.YPlusX);
        FieldElement b = FieldElement.Multiply(FieldElement.Subtract(Y, X), q.YMinusX);
        FieldElement c = FieldElement.Multiply(q.XY2d, T);
        FieldElement d = FieldElement.Add(Z, Z);
        return new CompletedPoint(FieldElement.Subtract(a, b), FieldElement.Add(a, b), FieldElement.Add(d, c), FieldElement.Subtract(d, c));
    }

    /// <summary>P - Q for an affine prepared Q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CompletedPoint Subtract(in AffineNielsPoint q)
    {
        FieldElement a = FieldElement.Multiply(FieldElement.Add(Y, X), q.YMinusX);
        FieldElement b = FieldElement.Multiply(FieldElement.Subtract(Y, X), q.YPlusX);
        FieldElement c = FieldElement.Multiply(q.XY2d, T);
        FieldElement d = FieldElement.Add(Z, Z);
        return new CompletedPoint(FieldElement.Subtract(a, b), FieldElement.Add(a, b), FieldElement.Subtract(d, c), FieldElement.Add(d, c));
    }
}
