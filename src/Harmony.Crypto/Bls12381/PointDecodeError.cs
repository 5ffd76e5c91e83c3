namespace Harmony.Crypto.Bls12381;

/// <summary>Why bytes were not accepted as a BLS12-381 point (or key, or signature).</summary>
public enum PointDecodeError
{
    /// <summary>The bytes decoded.</summary>
    None,

    /// <summary>The input has neither the compressed nor the uncompressed length.</summary>
    WrongLength,

    /// <summary>The three flag bits contradict the length or each other (e.g. compression flag on 96 bytes, or the sign flag on infinity).</summary>
    InvalidFlags,

    /// <summary>The infinity flag is set but other bits are not zero.</summary>
    NonCanonicalInfinity,

    /// <summary>A coordinate is not below the field modulus p.</summary>
    CoordinateNotInField,

    /// <summary>No point with this x exists (x³ + b is not a square), or (x, y) is not on the curve.</summary>
    NotOnCurve,

    /// <summary>The point is on the curve but outside the prime-order subgroup.</summary>
    NotInSubgroup,

    /// <summary>The point at infinity where it is not allowed (a public key).</summary>
    Infinity,

    /// <summary>The bytes are a valid encoding of something the caller rejected (e.g. a zero secret key).</summary>
    InvalidValue,
}
