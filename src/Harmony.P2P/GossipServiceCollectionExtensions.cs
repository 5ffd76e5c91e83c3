using Harmony.P2P.HarmonyPubSub;
using Harmony.P2P.Kademlia;
using Harmony.P2P.Kademlia.Wire;
using Harmony.P2P.Libp2p;
using Harmony.P2P.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harmony.P2P;

/// <summary>Registers gossipsub, Harmony's pub/sub and the kad-dht wire binding with a service collection.</summary>
public static class GossipServiceCollectionExtensions
{
    /// <summary>
    /// Adds gossipsub over the registered <see cref="ILibp2pHost"/>: <see cref="GossipSubOptions"/> (validated at
    /// start-up; mesh degrees and message size taken from <see cref="P2POptions"/>, Harmony's D = 5/4/8 and 2 MiB by
    /// default, then <paramref name="configure"/>), a started <see cref="GossipSub"/> and <see cref="IHarmonyPubSub"/> as
    /// <see cref="GossipHarmonyPubSub"/>. Under StrictSign (the default) messages are signed by an
    /// <see cref="IPubSubSigner"/>, by default a <see cref="Libp2pIdentitySigner"/> over the registered
    /// <see cref="Identity.Libp2pPrivateKey"/>, and checked by <see cref="Libp2pIdentityVerifier"/>. Every registration
    /// is a TryAdd, so a piece registered first wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the default options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyGossip(this IServiceCollection services, Action<GossipSubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The node-wide network settings (mesh degrees, message size) flow into gossipsub first, registered once so
        // that explicit gossip settings passed here (in any call) are applied after them and win.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GossipSubOptions>, GossipOptionsFromP2POptions>());
        var builder = services.AddOptions<GossipSubOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GossipSubOptions>, GossipSubOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPubSubSignatureVerifier>(Libp2pIdentityVerifier.Instance);
        services.TryAddSingleton<IPubSubSigner>(sp => new Libp2pIdentitySigner(sp.GetRequiredService<Identity.Libp2pPrivateKey>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GossipSubOptions>>().Value;
            var gossip = new GossipSub(
                sp.GetRequiredService<ILibp2pHost>(),
                options,
                options.SignaturePolicy == SignaturePolicy.StrictSign ? sp.GetRequiredService<IPubSubSigner>() : null,
                options.SignaturePolicy == SignaturePolicy.StrictSign ? sp.GetRequiredService<IPubSubSignatureVerifier>() : null,
                sp.GetRequiredService<TimeProvider>(),
                loggerFactory: sp.GetService<ILoggerFactory>());
            gossip.Start();
            return gossip;
        });
        services.TryAddSingleton<IHarmonyPubSub>(sp => new GossipHarmonyPubSub(sp.GetRequiredService<GossipSub>()));
        return services;
    }

    /// <summary>
    /// Adds an in-process <see cref="IHarmonyPubSub"/> (<see cref="InMemoryHarmonyPubSub"/> on a shared
    /// <see cref="InMemoryHarmonyPubSubNetwork"/>) for tests and single-process simulations. TryAdd: a network or a
    /// pub/sub registered first wins, so several service providers can share one network instance.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyInMemoryPubSub(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => new InMemoryHarmonyPubSubNetwork());
        services.TryAddSingleton<IHarmonyPubSub>(sp => sp.GetRequiredService<InMemoryHarmonyPubSubNetwork>().CreateNode());
        return services;
    }

    /// <summary>
    /// Adds the <c>/ipfs/kad/1.0.0</c> binding: <see cref="KadWireOptions"/> and <see cref="IKadTransport"/> as a
    /// <see cref="Libp2pKadTransport"/> over the registered <see cref="ILibp2pHost"/> (TryAdd). The serving side,
    /// <see cref="KadProtocolHandler"/>, needs the <see cref="KadNode"/>, which the host's composition builds.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the default options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHarmonyKadWire(this IServiceCollection services, Action<KadWireOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<KadWireOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKadTransport>(sp => new Libp2pKadTransport(
            sp.GetRequiredService<ILibp2pHost>(),
            sp.GetRequiredService<IOptions<KadWireOptions>>().Value,
            sp.GetService<IOptions<KadOptions>>()?.Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<Libp2pKadTransport>>()));
        return services;
    }
}
