namespace Harmony.Sharding.Vrf;

/// <summary>Why a header's VRF field was rejected.</summary>
public enum BlsVrfError
{
    /// <summary>The field is valid.</summary>
    None,

    /// <summary>Outside the VRF epochs the field must be empty, and it is not.</summary>
    UnexpectedField,

    /// <summary>Inside the VRF epochs the field must be 128 bytes, and it is not.</summary>
    WrongLength,

    /// <summary>The 96-byte proof is not a valid signature encoding.</summary>
    MalformedProof,

    /// <summary>The proof is not the leader's signature over SHA-256 of the parent hash.</summary>
    InvalidProof,

    /// <summary>The 32-byte output is not SHA-256 of the proof.</summary>
    OutputMismatch,
}
