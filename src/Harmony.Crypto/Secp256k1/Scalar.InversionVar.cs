namespace Harmony.Crypto.Secp256k1;

/// <summary>Variable-time inversion mod n, for public data only.</summary>
internal readonly partial struct Scalar
{
    /// <summary>a^-1 mod n (0 maps to 0). Variable-time.</summary>
    internal static Scalar InvertVar(in Scalar a) => Invert(a);
}
