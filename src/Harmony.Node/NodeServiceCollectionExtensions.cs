using Harmony.Consensus;
using Harmony.Crypto;
using Harmony.P2P;
using Harmony.RaptorQ;
using Harmony.Sharding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Harmony.Node;

/// <summary>Composition root: registers every Harmony package a node needs.</summary>
public static class NodeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the node options and every package (<c>AddHarmonyCrypto</c>, <c>AddHarmonyRaptorQ</c>,
    /// <c>AddHarmonyP2P</c>, <c>AddHarmonyConsensus</c>, <c>AddHarmonySharding</c>). Each package registers with
    /// <c>TryAdd</c>, so anything registered before this call replaces the default piece.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the node options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyNode(this IServiceCollection services, Action<NodeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<NodeOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NodeOptions>, NodeOptionsValidator>());
        services.AddHarmonyCrypto();
        services.AddHarmonyRaptorQ();
        services.AddHarmonyP2P();
        services.AddHarmonyConsensus();
        services.AddHarmonySharding();
        return services;
    }
}
