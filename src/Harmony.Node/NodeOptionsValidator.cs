using Microsoft.Extensions.Options;

namespace Harmony.Node;

/// <summary>Checks that a node's shard exists in its network; runs at start-up.</summary>
public sealed class NodeOptionsValidator : IValidateOptions<NodeOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Network))
        {
            return ValidateOptionsResult.Fail($"{nameof(options.Network)} {(int)options.Network} is not a known network.");
        }

        if (options.NumShards == 0)
        {
            return ValidateOptionsResult.Fail($"{nameof(options.NumShards)} must be at least 1.");
        }

        return options.ShardId < options.NumShards
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{nameof(options.ShardId)} {options.ShardId} does not exist in a network of {options.NumShards} shard(s).");
    }
}
