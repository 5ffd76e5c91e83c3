namespace Harmony.Crypto.Encoding;

/// <summary>
/// Thrown by the throwing forms of <see cref="RlpReader"/> when the input is not canonical RLP or does not have the
/// expected shape. The message names the offset and the rule broken.
/// </summary>
public sealed class RlpException : FormatException
{
    /// <summary>Creates an exception for <paramref name="error"/>.</summary>
    /// <param name="error">The error the reader reported.</param>
    public RlpException(RlpError error)
        : base(error.ToString())
    {
        Offset = error.Offset;
        Kind = error.Kind;
    }

    /// <summary>Creates an exception with no specific offset or rule.</summary>
    public RlpException()
        : this("Invalid RLP input.")
    {
    }

    /// <summary>Creates an exception with a custom message and no specific offset or rule.</summary>
    /// <param name="message">The message.</param>
    public RlpException(string message)
        : base(message)
    {
        Offset = -1;
    }

    /// <summary>Creates an exception with a custom message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public RlpException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
    }

    /// <summary>Offset of the offending item in the top-level input, or -1 when not known.</summary>
    public int Offset { get; }

    /// <summary>The rule broken.</summary>
    public RlpErrorKind Kind { get; }
}
