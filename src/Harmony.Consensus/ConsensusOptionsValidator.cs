using Microsoft.Extensions.Options;

namespace Harmony.Consensus;

/// <summary>Rejects <see cref="ConsensusOptions"/> that would stall or spin the engine; runs at start-up.</summary>
public sealed class ConsensusOptionsValidator : IValidateOptions<ConsensusOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConsensusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        RequirePositive(options.PhaseTimeout, nameof(options.PhaseTimeout), failures);
        RequirePositive(options.ViewChangeTimeout, nameof(options.ViewChangeTimeout), failures);
        RequirePositive(options.BootstrapTimeout, nameof(options.BootstrapTimeout), failures);
        RequirePositive(options.ViewChangeSlot, nameof(options.ViewChangeSlot), failures);
        RequirePositive(options.RetryInterval, nameof(options.RetryInterval), failures);
        RequirePositive(options.TimerPollInterval, nameof(options.TimerPollInterval), failures);
        RequirePositive(options.BlockPeriod, nameof(options.BlockPeriod), failures);
        if (options.LeaderRotationRunLength < 0)
        {
            failures.Add($"{nameof(options.LeaderRotationRunLength)} must be zero (off) or more (was {options.LeaderRotationRunLength}).");
        }

        if (options.MaxBlockNumberAhead == 0 || options.MaxViewIdAhead == 0)
        {
            failures.Add($"{nameof(options.MaxBlockNumberAhead)} and {nameof(options.MaxViewIdAhead)} must be at least 1.");
        }
        if (options.MaxRetries < 0)
        {
            failures.Add($"{nameof(options.MaxRetries)} must be zero or more (was {options.MaxRetries}).");
        }

        if (options.TimerPollInterval > options.PhaseTimeout)
        {
            failures.Add($"{nameof(options.TimerPollInterval)} ({options.TimerPollInterval}) must not exceed {nameof(options.PhaseTimeout)} ({options.PhaseTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive (was {value}).");
        }
    }
}
