using Harmony.P2P.Kademlia;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Harmony.P2P;

/// <summary>Registers Harmony.P2P with a service collection.</summary>
public static class P2PServiceCollectionExtensions
{
    /// <summary>
    /// Adds the network options (validated at start-up), the <see cref="TimeProvider"/> used for heartbeats, and the
    /// whole libp2p stack with default settings (call the individual methods as well, before this one, to change
    /// them): the Kademlia DHT (<see cref="AddHarmonyKademlia"/>), the TCP/Noise/yamux host
    /// (<see cref="Libp2pServiceCollectionExtensions.AddHarmonyLibp2p"/>), the kad-dht wire transport
    /// (<see cref="GossipServiceCollectionExtensions.AddHarmonyKadWire"/>) and gossipsub with Harmony's pub/sub
    /// (<see cref="GossipServiceCollectionExtensions.AddHarmonyGossip"/>). For tests and simulations, call
    /// <see cref="GossipServiceCollectionExtensions.AddHarmonyInMemoryPubSub"/> first.
    /// </summary>
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
        return services.AddHarmonyKademlia().AddHarmonyLibp2p().AddHarmonyKadWire().AddHarmonyGossip();
    }

    /// <summary>
    /// Adds the Kademlia DHT settings (<see cref="KadOptions"/>, validated at start-up), the default record validator
    /// (<see cref="AcceptAllRecordValidator"/>, replaceable by registering an <see cref="IKadRecordValidator"/> first) and
    /// the <see cref="TimeProvider"/>. A <see cref="KadNode"/> itself needs the host's identity and a transport, which
    /// the libp2p layer supplies.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the default options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyKademlia(this IServiceCollection services, Action<KadOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<KadOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KadOptions>, KadOptionsValidator>());
        services.TryAddSingleton<IKadRecordValidator>(AcceptAllRecordValidator.Instance);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
