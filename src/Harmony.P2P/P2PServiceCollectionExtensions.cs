using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Harmony.P2P;

/// <summary>Registers Harmony.P2P with a service collection.</summary>
public static class P2PServiceCollectionExtensions
{
    /// <summary>Adds the network options (validated at start-up) and the <see cref="TimeProvider"/> used for heartbeats.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the default options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyP2P(this IServiceCollection services, Action<P2POptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<P2POptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<P2POptions>, P2POptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
