using Microsoft.Extensions.Options;

namespace Harmony.RaptorQ;

/// <summary>Checks <see cref="RaptorQOptions"/> against the limits of RFC 6330; runs at start-up.</summary>
public sealed class RaptorQOptionsValidator : IValidateOptions<RaptorQOptions>
{
    /// <summary>Largest symbol size the 16-bit FEC OTI field can carry.</summary>
    public const int MaxSymbolSize = 65_535;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RaptorQOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Alignment is not (1 or 2 or 4 or 8))
        {
            failures.Add($"{nameof(options.Alignment)} must be 1, 2, 4 or 8 bytes (was {options.Alignment}).");
        }
        else if (options.MaxPayloadSize <= 0 || options.MaxPayloadSize > MaxSymbolSize || options.MaxPayloadSize % options.Alignment != 0)
        {
            failures.Add($"{nameof(options.MaxPayloadSize)} must be a positive multiple of {options.Alignment} no larger than {MaxSymbolSize} (was {options.MaxPayloadSize}).");
        }

        if (options.MinSubSymbolSize < 1 || (long)options.MinSubSymbolSize * options.Alignment > options.MaxPayloadSize)
        {
            failures.Add($"{nameof(options.MinSubSymbolSize)} × {nameof(options.Alignment)} must be between {options.Alignment} and {nameof(options.MaxPayloadSize)} (was {options.MinSubSymbolSize}).");
        }

        if (options.DecoderMemory < options.MaxPayloadSize)
        {
            failures.Add($"{nameof(options.DecoderMemory)} must hold at least one symbol of {options.MaxPayloadSize} bytes (was {options.DecoderMemory}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
