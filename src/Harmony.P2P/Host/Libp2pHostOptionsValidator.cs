using Harmony.P2P.Multiaddr;
using Harmony.P2P.Yamux;
using Microsoft.Extensions.Options;

namespace Harmony.P2P.Host;

/// <summary>Checks <see cref="Libp2pHostOptions"/> at start-up.</summary>
public sealed class Libp2pHostOptionsValidator : IValidateOptions<Libp2pHostOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, Libp2pHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxConnections < 1)
        {
            failures.Add($"MaxConnections must be at least 1, not {options.MaxConnections}.");
        }

        if (options.MaxPendingHandshakes < 1)
        {
            failures.Add($"MaxPendingHandshakes must be at least 1, not {options.MaxPendingHandshakes}.");
        }

        if (options.LowWatermark < 0 || options.LowWatermark >= options.HighWatermark || options.HighWatermark >= options.MaxConnections)
        {
            failures.Add($"The watermarks must satisfy 0 <= LowWatermark < HighWatermark < MaxConnections, not {options.LowWatermark}, {options.HighWatermark} and {options.MaxConnections}.");
        }

        if (options.ConnectionGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"ConnectionGracePeriod must not be negative, not {options.ConnectionGracePeriod}.");
        }

        // The yamux settings under their host names (MaxStreamsPerConnection, ConnectionWindowGrowthBudget).
        var yamux = new YamuxOptionsValidator().Validate(name, options.ToYamuxOptions());
        if (yamux.Failed)
        {
            foreach (string failure in yamux.Failures)
            {
                failures.Add(failure
                    .Replace("MaxStreams ", "MaxStreamsPerConnection ", StringComparison.Ordinal)
                    .Replace("SessionWindowGrowthBudget", "ConnectionWindowGrowthBudget", StringComparison.Ordinal));
            }
        }

        if (options.HandshakeTimeout <= TimeSpan.Zero || options.StreamNegotiationTimeout <= TimeSpan.Zero)
        {
            failures.Add("HandshakeTimeout and StreamNegotiationTimeout must be positive.");
        }

        foreach (string address in options.ListenAddresses)
        {
            if (!Multiaddress.TryParse(address, out var parsed) || !parsed.TryGetTcpTarget(out _, out _))
            {
                failures.Add($"ListenAddresses: '{address}' is not a TCP multiaddr such as /ip4/0.0.0.0/tcp/9000.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.AgentVersion) || string.IsNullOrWhiteSpace(options.ProtocolVersion))
        {
            failures.Add("AgentVersion and ProtocolVersion must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
