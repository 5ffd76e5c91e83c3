namespace Harmony.Crypto.Bls12381;

/// <summary>Thrown by the throwing decoders of BLS points, keys and signatures; <see cref="Error"/> names the reason.</summary>
public sealed class BlsFormatException : FormatException
{
    /// <summary>Creates the exception for a named kind of value and a reason.</summary>
    public BlsFormatException(string what, PointDecodeError error)
        : base($"Invalid {what}: {Describe(error)}.")
    {
        Error = error;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BlsFormatException(string message)
        : base(message)
    {
        Error = PointDecodeError.InvalidValue;
    }

    /// <summary>Creates the exception with no details.</summary>
    public BlsFormatException()
        : this("Invalid BLS encoding.")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public BlsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = PointDecodeError.InvalidValue;
    }

    /// <summary>Why decoding failed.</summary>
    public PointDecodeError Error { get; }

    /// <summary>A human-readable description of a decode error.</summary>
    public static string Describe(PointDecodeError error) => error switch
    {
        PointDecodeError.None => "no error",
        PointDecodeError.WrongLength => "wrong length",
        PointDecodeError.InvalidFlags => "invalid flag bits",
        PointDecodeError.NonCanonicalInfinity => "infinity flag with non-zero payload",
        PointDecodeError.CoordinateNotInField => "coordinate not below the field modulus",
        PointDecodeError.NotOnCurve => "point not on the curve",
        PointDecodeError.NotInSubgroup => "point not in the prime-order subgroup",
        PointDecodeError.Infinity => "point at infinity not allowed",
        _ => "invalid value",
    };
}
