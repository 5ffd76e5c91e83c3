using System.Runtime.CompilerServices;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// A point in Jacobian coordinates (X : Y : Z) ↦ (X/Z², Y/Z³); Z = 0 is the point at infinity. These formulas
/// branch on special cases (infinity, P = ±Q), so they serve public data only: verification, aggregation,
/// multi-scalar multiplication. Secret scalars go through <see cref="ProjectivePoint{TField, TCurve}"/>.
/// </summary>
[SkipLocalsInit]
internal readonly struct JacobianPoint<TField, TCurve>
    where TField : unmanaged, IField<TField>
    where TCurve : unmanaged, ICurve<TField>
{
    internal readonly TField X;
    internal readonly TField Y;
    internal readonly TField Z;

    internal JacobianPoint(in TField x, in TField y, in TField z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    internal static JacobianPoint<TField, TCurve> Infinity => new(TField.One, TField.One, default);

    internal bool IsInfinity => Z.IsZero;

    /// <summary>2P (dbl-2009-l: 2M + 5S).</summary>
    internal JacobianPoint<TField, TCurve> Double()
    {
        if (typeof(TField) == typeof(Fp2) && typeof(TCurve) == typeof(G2Curve))
        {
            // G2 (the long doubling runs of cofactor clearing and subgroup checks): the same formula on Fp2 operands in place.
            G2.Double(Unsafe.As<JacobianPoint<TField, TCurve>, G2Jacobian>(ref Unsafe.AsRef(in this)), out var doubled);
            return Unsafe.As<G2Jacobian, JacobianPoint<TField, TCurve>>(ref doubled);
        }

        if (IsInfinity)
        {
            return this;
        }

        var a = TField.Square(X);
        var b = TField.Square(Y);
        var c = TField.Square(b);
        var xb = TField.Add(X, b);
        var d = TField.Sub(TField.Sub(TField.Square(xb), a), c);
        d = TField.Add(d, d);
        var e = TField.Add(TField.Add(a, a), a);
        var f = TField.Square(e);
        var x3 = TField.Sub(f, TField.Add(d, d));
        var c8 = TField.Add(c, c);
        c8 = TField.Add(c8, c8);
        c8 = TField.Add(c8, c8);
        var y3 = TField.Sub(TField.Mul(e, TField.Sub(d, x3)), c8);
        var yz = TField.Mul(Y, Z);
        return new(x3, y3, TField.Add(yz, yz));
    }

    /// <summary>P + Q for an affine Q (madd-2007-bl: 7M + 4S).</summary>
    internal JacobianPoint<TField, TCurve> Add(in AffinePoint<TField, TCurve> q)
    {
        if (q.IsInfinity)
        {
            return this;
        }

        if (IsInfinity)
        {
            return q.ToJacobian();
        }

        var z1z1 = TField.Square(Z);
        var u2 = TField.Mul(q.X, z1z1);
        var s2 = TField.Mul(TField.Mul(q.Y, Z), z1z1);
        var h = TField.Sub(u2, X);
        var r = TField.Sub(s2, Y);
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        r = TField.Add(r, r);
        var hh = TField.Square(h);
        var i = TField.Add(hh, hh);
        i = TField.Add(i, i);
        var j = TField.Mul(h, i);
        var v = TField.Mul(X, i);
        var x3 = TField.Sub(TField.Sub(TField.Square(r), j), TField.Add(v, v));
        var yj = TField.Mul(Y, j);
        var y3 = TField.Sub(TField.Mul(r, TField.Sub(v, x3)), TField.Add(yj, yj));
        var z3 = TField.Sub(TField.Sub(TField.Square(TField.Add(Z, h)), z1z1), hh);
        return new(x3, y3, z3);
    }

    /// <summary>P + Q (add-2007-bl: 11M + 5S).</summary>
    internal JacobianPoint<TField, TCurve> Add(in JacobianPoint<TField, TCurve> q)
    {
        if (q.IsInfinity)
        {
            return this;
        }

        if (IsInfinity)
        {
            return q;
        }

        var z1z1 = TField.Square(Z);
        var z2z2 = TField.Square(q.Z);
        var u1 = TField.Mul(X, z2z2);
        var u2 = TField.Mul(q.X, z1z1);
        var s1 = TField.Mul(TField.Mul(Y, q.Z), z2z2);
        var s2 = TField.Mul(TField.Mul(q.Y, Z), z1z1);
        var h = TField.Sub(u2, u1);
        var r = TField.Sub(s2, s1);
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        var h2 = TField.Add(h, h);
        var i = TField.Square(h2);
        var j = TField.Mul(h, i);
        r = TField.Add(r, r);
        var v = TField.Mul(u1, i);
        var x3 = TField.Sub(TField.Sub(TField.Square(r), j), TField.Add(v, v));
        var s1j = TField.Mul(s1, j);
        var y3 = TField.Sub(TField.Mul(r, TField.Sub(v, x3)), TField.Add(s1j, s1j));
        var zz = TField.Sub(TField.Sub(TField.Square(TField.Add(Z, q.Z)), z1z1), z2z2);
        return new(x3, y3, TField.Mul(zz, h));
    }

    internal JacobianPoint<TField, TCurve> Negate() => new(X, TField.Negate(Y), Z);

    /// <summary>The affine form (one variable-time field inversion: Jacobian points carry public data only).</summary>
    internal AffinePoint<TField, TCurve> ToAffine()
    {
        if (IsInfinity)
        {
            return AffinePoint<TField, TCurve>.Infinity;
        }

        var zi = TField.InverseVartime(Z);
        var zi2 = TField.Square(zi);
        return new(TField.Mul(X, zi2), TField.Mul(Y, TField.Mul(zi2, zi)));
    }

    /// <summary>Projective equality: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³.</summary>
    internal bool Equals(in JacobianPoint<TField, TCurve> q)
    {
        if (IsInfinity || q.IsInfinity)
        {
            return IsInfinity && q.IsInfinity;
        }

        var z1z1 = TField.Square(Z);
        var z2z2 = TField.Square(q.Z);
        return TField.AreEqual(TField.Mul(X, z2z2), TField.Mul(q.X, z1z1))
            && TField.AreEqual(TField.Mul(TField.Mul(Y, q.Z), z2z2), TField.Mul(TField.Mul(q.Y, Z), z1z1));
    }

    /// <summary>
    /// [k]P for a public scalar given as little-endian 64-bit words, by width-5 wNAF. Variable-time.
    /// </summary>
    internal JacobianPoint<TField, TCurve> MultiplyVartime(ReadOnlySpan<ulong> scalar)
    {
        Span<sbyte> naf = stackalloc sbyte[scalar.Length * 64 + 1];
        int length = Wnaf.Compute(scalar, 5, naf);
        if (length == 0)
        {
            return Infinity;
        }

        // Odd multiples P, 3P, …, 15P.
        Span<JacobianPoint<TField, TCurve>> table = stackalloc JacobianPoint<TField, TCurve>[8];
        table[0] = this;
        var twice = Double();
        for (int i = 1; i < 8; i++)
        {
            table[i] = table[i - 1].Add(twice);
        }

        var r = Infinity;
        for (int i = length - 1; i >= 0; i--)
        {
            r = r.Double();
            int digit = naf[i];
            if (digit > 0)
            {
                r = r.Add(table[digit >> 1]);
            }
            else if (digit < 0)
            {
                r = r.Add(table[(-digit) >> 1].Negate());
            }
        }

        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal JacobianPoint<TField, TCurve> MultiplyVartime(ulong scalar) => MultiplyVartime([scalar]);

    /// <summary>
    /// [|x|]P for the curve parameter's magnitude |x| = 0xd201000000010000 by plain double-and-add: 63 doublings and
    /// five additions, cheaper than a windowed method for this sparse constant.
    /// </summary>
    internal JacobianPoint<TField, TCurve> MultiplyByAbsX()
    {
        var r = this;
        for (int bit = 62; bit >= 0; bit--)
        {
            r = r.Double();
            if (((MillerLoop.AbsX >> bit) & 1) != 0)
            {
                r = r.Add(this);
            }
        }

        return r;
    }
}
