using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Harmony.Consensus;

/// <summary>Registers Harmony.Consensus with a service collection.</summary>
public static class ConsensusServiceCollectionExtensions
{
    /// <summary>
    /// Adds the consensus options (validated at start-up) and the <see cref="TimeProvider"/> every engine timer reads.
    /// Registrations use <c>TryAdd</c>, so a caller that registered its own <see cref="TimeProvider"/> first keeps it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the default (Harmony mainnet) options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyConsensus(this IServiceCollection services, Action<ConsensusOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ConsensusOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsensusOptions>, ConsensusOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
