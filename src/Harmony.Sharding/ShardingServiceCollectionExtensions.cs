using Harmony.Crypto;
using Harmony.Crypto.Bls;
using Harmony.Sharding.Assignment;
using Harmony.Sharding.CrossShard;
using Harmony.Sharding.Randomness;
using Harmony.Sharding.Vrf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmony.Sharding;

/// <summary>Registers Harmony.Sharding with a service collection.</summary>
public static class ShardingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the sharding services, each with <c>TryAdd</c> so an implementation registered first wins:
    /// <list type="bullet">
    /// <item><see cref="IEpochSchedule"/>: <see cref="MainnetEpochSchedule"/>;</item>
    /// <item><see cref="BlsVrf"/> and <see cref="EpochRandomness"/> over the unkeyed <see cref="IBlsSignatureScheme"/>
    /// (Harmony.Crypto is added too; its default suite is Harmony's);</item>
    /// <item><see cref="ICommitteeAssignmentPolicy"/>: the policy named by <see cref="ShardingOptions.AssignmentPolicy"/>;</item>
    /// <item><see cref="ISpentReceiptsStore"/>: <see cref="InMemorySpentReceiptsStore"/> (a node replaces it with a persistent one);</item>
    /// <item><see cref="CrossShardProofVerifier"/>, which needs an <see cref="ISourceCommitteeProvider"/> registered by the
    /// host (for example a <see cref="ShardStateCommitteeProvider"/> over its chain's shard states).</item>
    /// </list>
    /// The options are validated here, so a bad value fails at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IServiceCollection AddHarmonySharding(this IServiceCollection services, Action<ShardingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ShardingOptions();
        configure?.Invoke(options);
        options.Validate();

        services.AddHarmonyCrypto();
        services.TryAddSingleton(options);
        services.TryAddSingleton<IEpochSchedule, MainnetEpochSchedule>();
        services.TryAddSingleton(provider => new BlsVrf(provider.GetRequiredService<IBlsSignatureScheme>()));
        services.TryAddSingleton(provider =>
            new EpochRandomness(provider.GetRequiredService<IBlsSignatureScheme>(), provider.GetRequiredService<ShardingOptions>().EpochRandomness));
        services.TryAddSingleton<ICommitteeAssignmentPolicy>(provider =>
        {
            var configured = provider.GetRequiredService<ShardingOptions>();
            return configured.AssignmentPolicy == CommitteeAssignmentPolicyKind.Randomized
                ? new RandomizedAssignment(configured.Randomized)
                : new HarmonyMainnetAssignment();
        });
        services.TryAddSingleton<ISpentReceiptsStore, InMemorySpentReceiptsStore>();
        services.TryAddSingleton(provider => new CrossShardProofVerifier(
            provider.GetRequiredService<ISourceCommitteeProvider>(),
            provider.GetRequiredService<ISpentReceiptsStore>(),
            provider.GetRequiredService<ShardingOptions>().CrossTxEpoch));
        return services;
    }
}
