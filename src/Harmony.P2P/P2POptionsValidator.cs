using Microsoft.Extensions.Options;

namespace Harmony.P2P;

/// <summary>Checks <see cref="P2POptions"/> for values a gossip mesh or listener cannot work with; runs at start-up.</summary>
public sealed class P2POptionsValidator : IValidateOptions<P2POptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, P2POptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ListenPort is < 0 or > 65535)
        {
            failures.Add($"{nameof(options.ListenPort)} must be 0–65535 (was {options.ListenPort}).");
        }

        if (options.MaxMessageSize <= 0)
        {
            failures.Add($"{nameof(options.MaxMessageSize)} must be positive (was {options.MaxMessageSize}).");
        }

        if (!(options.MeshDegreeLow >= 1 && options.MeshDegreeLow <= options.MeshDegree && options.MeshDegree <= options.MeshDegreeHigh))
        {
            failures.Add($"Mesh degrees must satisfy 1 ≤ D_lo ≤ D ≤ D_hi (were {options.MeshDegreeLow}, {options.MeshDegree}, {options.MeshDegreeHigh}).");
        }

        if (!(options.ConnectionsLowWater >= 0 && options.ConnectionsLowWater < options.ConnectionsHighWater))
        {
            failures.Add($"Connection watermarks must satisfy 0 ≤ low < high (were {options.ConnectionsLowWater}, {options.ConnectionsHighWater}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
