using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Harmony.RaptorQ;

/// <summary>Registers Harmony.RaptorQ with a service collection.</summary>
public static class RaptorQServiceCollectionExtensions
{
    /// <summary>
    /// Adds the RaptorQ parameter-selection options (validated against RFC 6330's limits at start-up) and the
    /// <see cref="IRaptorQCodec"/> singleton. Registrations use TryAdd, so a codec registered earlier wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the default options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyRaptorQ(this IServiceCollection services, Action<RaptorQOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<RaptorQOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RaptorQOptions>, RaptorQOptionsValidator>());
        services.TryAddSingleton<IRaptorQCodec, RaptorQCodec>();
        return services;
    }
}
