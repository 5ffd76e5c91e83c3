namespace Harmony.Crypto.Encoding;

/// <summary>Why and where an RLP input was rejected.</summary>
/// <param name="Offset">
/// Offset in the top-level input of the first byte of the offending item (for <see cref="RlpErrorKind.TrailingBytes"/>,
/// the first extra byte; for an item missing at the end, the end of the enclosing input).
/// </param>
/// <param name="Kind">The rule that was broken.</param>
public readonly record struct RlpError(int Offset, RlpErrorKind Kind)
{
    /// <summary>Whether this value describes an error (its <see cref="Kind"/> is not <see cref="RlpErrorKind.None"/>).</summary>
    public bool IsError => Kind != RlpErrorKind.None;

    /// <summary>Names the offset and the rule broken.</summary>
    /// <returns>For example <c>RLP error at offset 3: a long-form length must not start with a zero byte (LeadingZeroInLength)</c>.</returns>
    public override string ToString()
    {
        return Kind == RlpErrorKind.None
            ? "No RLP error"
            : $"RLP error at offset {Offset}: {RlpErrorDescriptions.Describe(Kind)} ({Kind})";
    }
}
