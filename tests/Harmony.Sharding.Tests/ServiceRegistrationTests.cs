using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Sharding.Assignment;
using Harmony.Sharding.CrossShard;
using Harmony.Sharding.Randomness;
using Harmony.Sharding.Vrf;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Sharding.Tests;

public class ServiceRegistrationTests
{
    [Fact]
    public void The_defaults_resolve_with_the_mainnet_policy_and_the_harmony_suite()
    {
        var services = new ServiceCollection().AddHarmonySharding();
        services.AddSingleton<ISourceCommitteeProvider>(new ShardStateCommitteeProvider(HarmonyBlsScheme.Instance, _ => null, _ => Decimal18.One, 186));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ICommitteeAssignmentPolicy>().ShouldBeOfType<HarmonyMainnetAssignment>();
        provider.GetRequiredService<IBlsSignatureScheme>().ShouldBeSameAs(HarmonyBlsScheme.Instance);
        provider.GetRequiredService<BlsVrf>().ShouldNotBeNull();
        provider.GetRequiredService<EpochRandomness>().ShouldNotBeNull();
        provider.GetRequiredService<ISpentReceiptsStore>().ShouldBeOfType<InMemorySpentReceiptsStore>();
        provider.GetRequiredService<CrossShardProofVerifier>().ShouldNotBeNull();
    }

    [Fact]
    public void Options_choose_the_randomized_policy_and_bad_values_fail_at_registration()
    {
        using var provider = new ServiceCollection()
            .AddHarmonySharding(o => o.AssignmentPolicy = CommitteeAssignmentPolicyKind.Randomized)
            .BuildServiceProvider();
        provider.GetRequiredService<ICommitteeAssignmentPolicy>().ShouldBeOfType<RandomizedAssignment>();

        Should.Throw<ArgumentOutOfRangeException>(() => new ServiceCollection().AddHarmonySharding(o => o.Randomized.MaxChurnFraction = -1));
        Should.Throw<ArgumentOutOfRangeException>(() => new ServiceCollection().AddHarmonySharding(o => o.EpochRandomness.VdfDifficulty = 0));
    }

    [Fact]
    public void A_policy_registered_first_wins()
    {
        var mine = new RandomizedAssignment(new RandomizedAssignmentOptions { MaxChurnFraction = 0.5 });
        using var provider = new ServiceCollection().AddSingleton<ICommitteeAssignmentPolicy>(mine).AddHarmonySharding().BuildServiceProvider();
        provider.GetRequiredService<ICommitteeAssignmentPolicy>().ShouldBeSameAs(mine);
    }
}
