namespace Harmony.Crypto.Ed25519;

/// <summary>
/// The X25519 function of RFC 7748 §5 on Curve25519's u-coordinate: a constant-time Montgomery ladder over the
/// 255 bits of the (already clamped) scalar, with masked conditional swaps, ending in one inversion.
/// </summary>
internal static class MontgomeryLadder
{
    // (A - 2) / 4 for Curve25519's A = 486662, in the RFC's "z2 = E·(AA + a24·E)" form.
    private const uint A24 = 121665;

    /// <summary>Writes u([k]P) for a 32-byte little-endian scalar and the u-coordinate of P (top bit ignored).</summary>
    internal static void Multiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> u, Span<byte> destination)
    {
        FieldElement x1 = FieldElement.FromBytes(u);
        FieldElement x2 = FieldElement.One;
        FieldElement z2 = FieldElement.Zero;
        FieldElement x3 = x1;
        FieldElement z3 = FieldElement.One;
        ulong swap = 0;

        for (int t = 254; t >= 0; t--)
        {
            ulong bit = (ulong)(scalar[t >> 3] >> (t & 7)) & 1;
            swap ^= bit;
            ulong mask = 0 - swap;
            FieldElement.ConditionalSwap(ref x2, ref x3, mask);
            FieldElement.ConditionalSwap(ref z2, ref z3, mask);
            swap = bit;

            FieldElement a = FieldElement.Add(x2, z2);
            FieldElement aa = FieldElement.Square(a);
            FieldElement b = FieldElement.Subtract(x2, z2);
            FieldElement bb = FieldElement.Square(b);
            FieldElement e = FieldElement.Subtract(aa, bb);
            FieldElement c = FieldElement.Add(x3, z3);
            FieldElement d = FieldElement.Subtract(x3, z3);
            FieldElement da = FieldElement.Multiply(d, a);
            FieldElement cb = FieldElement.Multiply(c, b);
            x3 = FieldElement.Square(FieldElement.Add(da, cb));
            z3 = FieldElement.Multiply(x1, FieldElement.Square(FieldElement.Subtract(da, cb)));
            x2 = FieldElement.Multiply(aa, bb);
            z2 = FieldElement.Multiply(e, FieldElement.Add(aa, FieldElement.MultiplySmall(e, A24)));
        }

        ulong finalMask = 0 - swap;
        FieldElement.ConditionalSwap(ref x2, ref x3, finalMask);
        FieldElement.ConditionalSwap(ref z2, ref z3, finalMask);
        FieldElement.Multiply(x2, FieldElement.Invert(z2)).ToBytes(destination);
    }
}
