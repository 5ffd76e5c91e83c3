using Microsoft.Extensions.Options;

namespace Harmony.P2P.Yamux;

/// <summary>Checks <see cref="YamuxOptions"/>; a <see cref="YamuxSession"/> refuses options that fail.</summary>
public sealed class YamuxOptionsValidator : IValidateOptions<YamuxOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, YamuxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxStreams < 1)
        {
            failures.Add($"MaxStreams must be at least 1, not {options.MaxStreams}.");
        }

        if (options.MaxRefusedStreams < 0)
        {
            failures.Add($"MaxRefusedStreams must not be negative, not {options.MaxRefusedStreams}.");
        }

        if (options.MaxDataFrameLength is < 1024 or > YamuxOptions.InitialWindowSize)
        {
            failures.Add($"MaxDataFrameLength must be between 1024 and {YamuxOptions.InitialWindowSize}, not {options.MaxDataFrameLength}.");
        }

        if (options.KeepAliveInterval < TimeSpan.Zero)
        {
            failures.Add($"KeepAliveInterval must be zero (off) or positive, not {options.KeepAliveInterval}.");
        }

        if (options.KeepAliveInterval > TimeSpan.Zero && options.KeepAliveTimeout <= TimeSpan.Zero)
        {
            failures.Add($"KeepAliveTimeout must be positive when keep-alive is on, not {options.KeepAliveTimeout}.");
        }

        if (options.MaxReceiveWindowSize is < YamuxOptions.InitialWindowSize or > YamuxOptions.MaxReceiveWindowLimit)
        {
            failures.Add($"MaxReceiveWindowSize must be between {YamuxOptions.InitialWindowSize} and {YamuxOptions.MaxReceiveWindowLimit}, not {options.MaxReceiveWindowSize}.");
        }

        if (options.SessionWindowGrowthBudget < 0)
        {
            failures.Add($"SessionWindowGrowthBudget must not be negative, not {options.SessionWindowGrowthBudget}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
