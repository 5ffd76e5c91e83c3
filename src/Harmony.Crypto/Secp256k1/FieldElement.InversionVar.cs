namespace Harmony.Crypto.Secp256k1;

/// <summary>Variable-time inversion in F_p, for public data only.</summary>
internal readonly partial struct FieldElement
{
    /// <summary>a^-1 mod p (0 maps to 0). Variable-time (safegcd).</summary>
    internal static FieldElement InvertVar(in FieldElement a)
    {
        FieldElement n = Normalize(a);
        SafeGcdInverse.InvertVar(SafeGcdInverse.FieldPrime, n.L0, n.L1, n.L2, n.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new FieldElement(r0, r1, r2, r3);
    }
}
