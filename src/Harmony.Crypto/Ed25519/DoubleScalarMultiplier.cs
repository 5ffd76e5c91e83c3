namespace Harmony.Crypto.Ed25519;

/// <summary>
/// Variable-time [a]B + [b]P for public scalars, as verification needs: one shared doubling chain over the wNAF
/// digits of both scalars, width 8 for B (64 precomputed affine odd multiples, built once) and width 5 for P
/// (8 odd multiples that the caller builds, or keeps with a decoded public key).
/// </summary>
/// <remarks>
/// A wider table for P would save a few additions per verification but costs more to build than it saves unless
/// one key checks several signatures; libp2p often decodes the author's key afresh for each gossip message.
/// </remarks>
internal static class DoubleScalarMultiplier
{
    /// <summary>Number of odd multiples of P the multiplication takes (1P, 3P, …, 15P: wNAF width 5).</summary>
    internal const int PointTableLength = 1 << (PointWidth - 2);

    private const int BaseWidth = 8;
    private const int PointWidth = 5;

    private static class Holder
    {
        // Odd multiples 1·B, 3·B, …, 127·B.
        internal static readonly AffineNielsPoint[] BaseOddMultiples = Build();
    }

    /// <summary>Fills 1P, 3P, …, 15P, the table <see cref="Multiply"/> takes for P.</summary>
    internal static void ComputeOddMultiples(in EdwardsPoint p, Span<CachedPoint> table)
    {
        table[0] = new CachedPoint(p);
        var twoP = new CachedPoint(p.Double());
        EdwardsPoint multiple = p;
        for (int i = 1; i < table.Length; i++)
        {
            multiple = multiple.Add(twoP).ToExtended();
            table[i] = new CachedPoint(multiple);
        }
    }

    /// <summary>
    /// [a]B + [b]P for little-endian 32-byte scalars a, b below 2^253, P given by its odd multiples
    /// (<see cref="ComputeOddMultiples"/>) in a table of <see cref="PointTableLength"/> entries.
    /// </summary>
    internal static ProjectivePoint Multiply(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<CachedPoint> pTable)
    {
        Span<sbyte> aDigits = stackalloc sbyte[Wnaf.Length];
        Span<sbyte> bDigits = stackalloc sbyte[Wnaf.Length];
        Wnaf.Compute(a, BaseWidth, aDigits);
        Wnaf.Compute(b, PointWidth, bDigits);

        int top = Wnaf.Length - 1;
        while (top >= 0 && aDigits[top] == 0 && bDigits[top] == 0)
        {
            top--;
        }

        ReadOnlySpan<AffineNielsPoint> baseTable = Holder.BaseOddMultiples;
        ProjectivePoint r = EdwardsPoint.Identity.ToProjective();
        for (int i = top; i >= 0; i--)
        {
            CompletedPoint c = r.Double();
            int ad = aDigits[i];
            int bd = bDigits[i];
            if (ad > 0)
            {
                c = c.ToExtended().Add(baseTable[ad >> 1]);
            }
            else if (ad < 0)
            {
                c = c.ToExtended().Subtract(baseTable[-ad >> 1]);
            }

            if (bd > 0)
            {
                c = c.ToExtended().Add(pTable[bd >> 1]);
            }
            else if (bd < 0)
            {
                c = c.ToExtended().Subtract(pTable[-bd >> 1]);
            }

            r = c.ToProjective();
        }

        return r;
    }

    private static AffineNielsPoint[] Build()
    {
        var table = new AffineNielsPoint[1 << (BaseWidth - 2)];
        EdwardsPoint b = EdwardsPoint.Basepoint;
        var twoB = new CachedPoint(b.Double());
        EdwardsPoint multiple = b;
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = AffineNielsPoint.FromExtended(multiple);
            multiple = multiple.Add(twoB).ToExtended();
        }

        return table;
    }
}
