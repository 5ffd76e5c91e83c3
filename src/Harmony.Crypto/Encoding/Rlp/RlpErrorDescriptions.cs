namespace Harmony.Crypto.Encoding;

/// <summary>Human-readable statements of the rules behind each <see cref="RlpErrorKind"/>.</summary>
internal static class RlpErrorDescriptions
{
    /// <summary>Describes the rule broken, in a form that completes "RLP error at offset N: …".</summary>
    /// <param name="kind">The error kind.</param>
    /// <returns>A short sentence fragment.</returns>
    internal static string Describe(RlpErrorKind kind) => kind switch
    {
        RlpErrorKind.None => "no error",
        RlpErrorKind.UnexpectedEnd => "the input (or the enclosing list) ends before the item does",
        RlpErrorKind.LengthOverflow => "the declared length does not fit in a 32-bit signed integer",
        RlpErrorKind.NonCanonicalSingleByte => "a single byte below 0x80 must be encoded as itself, not as 0x81 followed by the byte",
        RlpErrorKind.NonCanonicalShortLength => "a payload of at most 55 bytes must use the short form",
        RlpErrorKind.LeadingZeroInLength => "a long-form length must not start with a zero byte",
        RlpErrorKind.LeadingZeroInInteger => "an integer must not have a leading zero byte (zero is encoded as 0x80)",
        RlpErrorKind.IntegerTooLarge => "the integer has more bytes than allowed",
        RlpErrorKind.ExpectedString => "expected a string item but found a list",
        RlpErrorKind.ExpectedList => "expected a list but found a string item",
        RlpErrorKind.WrongLength => "the string does not have the required length",
        RlpErrorKind.TrailingBytes => "unexpected bytes after the last item",
        RlpErrorKind.DepthExceeded => "lists are nested deeper than the maximum depth",
        _ => "unknown error",
    };
}
