using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmony.Sharding;

/// <summary>Registers Harmony.Sharding with a service collection.</summary>
public static class ShardingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the sharding services. Today that is the <see cref="IEpochSchedule"/> (mainnet boundaries by default);
    /// registrations use <c>TryAdd</c>, so a schedule registered first (e.g. for a local network) wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonySharding(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IEpochSchedule, MainnetEpochSchedule>();
        return services;
    }
}
