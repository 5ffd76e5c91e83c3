namespace Harmony.Crypto.Bls;

/// <summary>The BLS signature suites the SDK implements.</summary>
public enum BlsSuite
{
    /// <summary>
    /// <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c> (IETF draft-irtf-cfrg-bls-signature, Ethereum consensus):
    /// ZCash serialization, RFC 9380 hash to G2.
    /// </summary>
    Ietf,

    /// <summary>Byte-compatible with Harmony mainnet validators (herumi mcl/bls as Harmony links it).</summary>
    Harmony,
}
