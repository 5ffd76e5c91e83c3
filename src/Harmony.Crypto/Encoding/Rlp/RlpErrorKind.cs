namespace Harmony.Crypto.Encoding;

/// <summary>The rule of canonical RLP that an input broke.</summary>
public enum RlpErrorKind
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The input, or the enclosing list, ends before the item does (its declared length runs past the end).</summary>
    UnexpectedEnd,

    /// <summary>A long-form length does not fit in a 32-bit signed integer.</summary>
    LengthOverflow,

    /// <summary>A single byte below 0x80 is wrapped as <c>0x81 xx</c> instead of being encoded as itself.</summary>
    NonCanonicalSingleByte,

    /// <summary>A payload of at most 55 bytes uses the long form.</summary>
    NonCanonicalShortLength,

    /// <summary>A long-form length starts with a zero byte.</summary>
    LeadingZeroInLength,

    /// <summary>An integer has a leading zero byte (zero itself must be encoded as the empty string <c>0x80</c>).</summary>
    LeadingZeroInInteger,

    /// <summary>An integer has more bytes than the reader accepts.</summary>
    IntegerTooLarge,

    /// <summary>A list was found where a string was expected.</summary>
    ExpectedString,

    /// <summary>A string was found where a list was expected.</summary>
    ExpectedList,

    /// <summary>A fixed-size string has the wrong length.</summary>
    WrongLength,

    /// <summary>Bytes remain after the last expected item.</summary>
    TrailingBytes,

    /// <summary>Lists are nested deeper than the reader's maximum depth.</summary>
    DepthExceeded,
}
