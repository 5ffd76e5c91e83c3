using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harmony.P2P;

/// <summary>Registers the libp2p transport stack (TCP, Noise, yamux, identify, ping) with a service collection.</summary>
public static class Libp2pServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="Libp2pHostOptions"/> (validated at start-up; the connection watermarks come from
    /// <see cref="P2POptions"/>), an identity key (a fresh Ed25519 key unless a
    /// <see cref="Libp2pPrivateKey"/> is registered first), the <see cref="TimeProvider"/>, and the
    /// <see cref="Libp2pHost"/> as itself and as <see cref="ILibp2pHost"/>. The host listens once
    /// <see cref="Libp2pHost.StartAsync"/> is called.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the default options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyLibp2p(this IServiceCollection services, Action<Libp2pHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The node-wide watermarks flow into the connection manager first, registered once so that explicit host
        // settings passed here (in any call) are applied after them and win.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<Libp2pHostOptions>, HostOptionsFromP2POptions>());
        var builder = services.AddOptions<Libp2pHostOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Libp2pHostOptions>, Libp2pHostOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => Libp2pPrivateKey.GenerateEd25519());
        services.TryAddSingleton(provider => new Libp2pHost(
            provider.GetRequiredService<Libp2pPrivateKey>(),
            provider.GetRequiredService<IOptions<Libp2pHostOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ILibp2pHost>(provider => provider.GetRequiredService<Libp2pHost>());
        return services;
    }
}
