namespace Harmony.RaptorQ;

/// <summary>
/// The one exception type thrown by the throwing forms of this package when input breaks RFC 6330 (a malformed OTI,
/// payload ID or packet, parameters outside the RFC limits) or a result is asked for before it exists. The message
/// names the field and the problem. The <c>Try…</c> forms report the same conditions without throwing.
/// </summary>
public sealed class RaptorQException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public RaptorQException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    public RaptorQException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    /// <param name="innerException">The cause.</param>
    public RaptorQException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
