namespace Harmony.Crypto.Secp256k1;

/// <summary>Variable-time inversion mod n, for public data only.</summary>
internal readonly partial struct Scalar
{
    /// <summary>a^-1 mod n (0 maps to 0). Variable-time (safegcd).</summary>
    internal static Scalar InvertVar(in Scalar a)
    {
        SafeGcdInverse.InvertVar(SafeGcdInverse.GroupOrder, a.L0, a.L1, a.L2, a.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        return new Scalar(r0, r1, r2, r3);
    }
}
