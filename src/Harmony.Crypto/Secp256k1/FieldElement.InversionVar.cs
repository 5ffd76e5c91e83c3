namespace Harmony.Crypto.Secp256k1;

/// <summary>Variable-time inversion in F_p, for public data only.</summary>
internal readonly partial struct FieldElement
{
    /// <summary>a^-1 mod p (0 maps to 0). Variable-time.</summary>
    internal static FieldElement InvertVar(in FieldElement a) => Invert(a);
}
