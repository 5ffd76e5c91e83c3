using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Harmony.Consensus;

/// <summary>Registers Harmony.Consensus with a service collection.</summary>
public static class ConsensusServiceCollectionExtensions
{
    /// <summary>
    /// Adds the consensus options (validated at start-up), the <see cref="TimeProvider"/> every engine timer reads, an
    /// in-memory <see cref="ICommittedBlockStore"/> and the <see cref="FbftEngineFactory"/>. Registrations use
    /// <c>TryAdd</c>, so a caller that registered its own clock or a durable store first keeps it.
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
        services.TryAddSingleton<ICommittedBlockStore, InMemoryCommittedBlockStore>();
        services.TryAddSingleton<FbftEngineFactory>();
        return services;
    }
}
