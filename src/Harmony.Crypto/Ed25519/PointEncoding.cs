namespace Harmony.Crypto.Ed25519;

/// <summary>The 32-byte point encoding of RFC 8032 §5.1.2 and its strict decoding (§5.1.3).</summary>
internal static class PointEncoding
{
    /// <summary>Length of an encoded point.</summary>
    internal const int Length = 32;

    /// <summary>
    /// Writes y (little-endian, canonical) with the parity of x in the top bit. One inversion; constant-time, so it
    /// may encode a secret-dependent point.
    /// </summary>
    internal static void Encode(in EdwardsPoint p, Span<byte> destination) => Encode(p.ToProjective(), destination);

    /// <summary>Writes the encoding of a projective point (see the extended overload).</summary>
    internal static void Encode(in ProjectivePoint p, Span<byte> destination) =>
        Encode(p, FieldElement.Invert(p.Z), destination);

    private static void Encode(in ProjectivePoint p, in FieldElement zInverse, Span<byte> destination)
    {
        FieldElement x = FieldElement.Multiply(p.X, zInverse);
        FieldElement y = FieldElement.Multiply(p.Y, zInverse);
        y.ToBytes(destination);
        destination[31] |= (byte)(x.IsNegative() << 7);
    }

    /// <summary>
    /// Decodes a point, rejecting (as RFC 8032 §5.1.3 requires) a y that is not below p, a y with no x on the curve,
    /// and x = 0 with the sign bit set. Small-order points are accepted (they are valid encodings). Variable-time:
    /// for public inputs only.
    /// </summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, out EdwardsPoint point)
    {
        point = default;
        if (encoded.Length != Length || !FieldElement.IsCanonicalEncoding(encoded))
        {
            return false;
        }

        FieldElement y = FieldElement.FromBytes(encoded);
        FieldElement yy = FieldElement.Square(y);
        FieldElement u = FieldElement.Subtract(yy, FieldElement.One);
        FieldElement v = FieldElement.Add(FieldElement.Multiply(yy, FieldElement.D), FieldElement.One);
        if (FieldElement.SqrtRatio(u, v, out FieldElement x) == 0)
        {
            return false;
        }

        ulong sign = (ulong)encoded[31] >> 7;
        if (sign == 1 && x.IsZero() == 1)
        {
            return false;
        }

        if (x.IsNegative() != sign)
        {
            x = FieldElement.Negate(x);
        }

        point = new EdwardsPoint(x, y, FieldElement.One, FieldElement.Multiply(x, y));
        return true;
    }
}
