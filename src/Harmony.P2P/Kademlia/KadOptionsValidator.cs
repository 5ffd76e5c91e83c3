using Microsoft.Extensions.Options;

namespace Harmony.P2P.Kademlia;

/// <summary>Checks <see cref="KadOptions"/> for values a DHT node cannot work with; runs at start-up and in <see cref="KadNode"/>'s constructor.</summary>
public sealed class KadOptionsValidator : IValidateOptions<KadOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Positive(failures, nameof(options.BucketSize), options.BucketSize);
        Positive(failures, nameof(options.Concurrency), options.Concurrency);
        Positive(failures, nameof(options.DisjointPaths), options.DisjointPaths);
        Positive(failures, nameof(options.GetValueQuorum), options.GetValueQuorum);
        Positive(failures, nameof(options.MaxKeySize), options.MaxKeySize);
        Positive(failures, nameof(options.MaxValueSize), options.MaxValueSize);
        Positive(failures, nameof(options.MaxPeerIdSize), options.MaxPeerIdSize);
        Positive(failures, nameof(options.MaxCloserPeersPerResponse), options.MaxCloserPeersPerResponse);
        Positive(failures, nameof(options.MaxProviderPeersPerResponse), options.MaxProviderPeersPerResponse);
        Positive(failures, nameof(options.MaxStoredRecords), options.MaxStoredRecords);
        Positive(failures, nameof(options.MaxProviderKeys), options.MaxProviderKeys);
        Positive(failures, nameof(options.MaxProvidersPerKey), options.MaxProvidersPerKey);
        Positive(failures, nameof(options.RequestBurstPerPeer), options.RequestBurstPerPeer);
        Positive(failures, nameof(options.MaxRateLimitedPeers), options.MaxRateLimitedPeers);
        Positive(failures, nameof(options.MaxFailuresBeforeEviction), options.MaxFailuresBeforeEviction);
        if (options.Resiliency < 1 || options.Resiliency > options.BucketSize)
        {
            failures.Add($"{nameof(options.Resiliency)} must be 1..{nameof(options.BucketSize)} (was {options.Resiliency}).");
        }

        if (options.DisjointPaths > options.BucketSize)
        {
            failures.Add($"{nameof(options.DisjointPaths)} must not exceed {nameof(options.BucketSize)} (was {options.DisjointPaths}).");
        }

        if (options.ReplacementCacheSize < 0 || options.MaxAddressesPerPeer < 0)
        {
            failures.Add($"{nameof(options.ReplacementCacheSize)} and {nameof(options.MaxAddressesPerPeer)} must not be negative.");
        }

        if (!(options.RequestsPerSecondPerPeer > 0))
        {
            failures.Add($"{nameof(options.RequestsPerSecondPerPeer)} must be positive (was {options.RequestsPerSecondPerPeer}).");
        }

        if (options.RefreshInterval <= TimeSpan.Zero || options.LivenessCheckAge < TimeSpan.Zero || options.ProviderRepublishInterval <= TimeSpan.Zero
            || options.ProviderRecordExpiry <= TimeSpan.Zero || options.MaxRecordAge <= TimeSpan.Zero)
        {
            failures.Add("Refresh, republish, expiry and record-age intervals must be positive (the liveness-check age not negative).");
        }
        else if (options.ProviderRepublishInterval >= options.ProviderRecordExpiry)
        {
            failures.Add($"{nameof(options.ProviderRepublishInterval)} must be shorter than {nameof(options.ProviderRecordExpiry)} or records lapse between announcements.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, int value)
    {
        if (value <= 0)
        {
            failures.Add($"{name} must be positive (was {value}).");
        }
    }
}
