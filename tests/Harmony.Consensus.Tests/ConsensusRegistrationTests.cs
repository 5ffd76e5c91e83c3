using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Quorum;
using Harmony.Consensus.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmony.Consensus.Tests;

public class ConsensusRegistrationTests
{
    [Fact]
    public void Defaults_are_harmony_mainnet_timers()
    {
        using var provider = new ServiceCollection().AddHarmonyConsensus().BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ConsensusOptions>>().Value;
        options.PhaseTimeout.ShouldBe(TimeSpan.FromSeconds(27));
        options.ViewChangeTimeout.ShouldBe(TimeSpan.FromSeconds(27));
        options.BootstrapTimeout.ShouldBe(TimeSpan.FromSeconds(120));
        options.RetryInterval.ShouldBe(TimeSpan.FromSeconds(7));
        options.MaxRetries.ShouldBe(3);
        provider.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
    }

    [Fact]
    public void A_time_provider_registered_first_is_kept()
    {
        var custom = new FixedTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(custom).AddHarmonyConsensus().BuildServiceProvider();
        provider.GetRequiredService<TimeProvider>().ShouldBeSameAs(custom);
    }

    [Fact]
    public void Invalid_options_fail_with_every_problem_named()
    {
        using var provider = new ServiceCollection()
            .AddHarmonyConsensus(o => { o.PhaseTimeout = TimeSpan.Zero; o.MaxRetries = -1; })
            .BuildServiceProvider();
        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConsensusOptions>>().Value);
        error.Message.ShouldContain(nameof(ConsensusOptions.PhaseTimeout));
        error.Message.ShouldContain(nameof(ConsensusOptions.MaxRetries));
    }

    [Fact]
    public void Engine_settings_are_validated_too()
    {
        using var provider = new ServiceCollection()
            .AddHarmonyConsensus(o => { o.BlockPeriod = TimeSpan.Zero; o.LeaderRotationRunLength = -1; o.MaxViewIdAhead = 0; })
            .BuildServiceProvider();
        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConsensusOptions>>().Value);
        error.Message.ShouldContain(nameof(ConsensusOptions.BlockPeriod));
        error.Message.ShouldContain(nameof(ConsensusOptions.LeaderRotationRunLength));
        error.Message.ShouldContain(nameof(ConsensusOptions.MaxViewIdAhead));
        new ConsensusOptions().CommitPayloadIncludesViewId.ShouldBeTrue();
        new ConsensusOptions().MaxBlockNumberAhead.ShouldBe(100UL);
        new ConsensusOptions().MaxViewIdAhead.ShouldBe(249UL);
    }

    [Fact]
    public void Registering_twice_adds_one_validator()
    {
        var services = new ServiceCollection().AddHarmonyConsensus().AddHarmonyConsensus();
        services.Count(d => d.ServiceType == typeof(IValidateOptions<ConsensusOptions>)).ShouldBe(1);
    }

    [Fact]
    public void The_factory_builds_engines_over_the_registered_store_and_clock()
    {
        var store = new InMemoryCommittedBlockStore();
        using var provider = new ServiceCollection()
            .AddSingleton<ICommittedBlockStore>(store)
            .AddHarmonyConsensus(o => o.BlockPeriod = TimeSpan.FromSeconds(1))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<ICommittedBlockStore>().ShouldBeSameAs(store);
        var scheme = InsecureTestBlsScheme.Instance;
        var key = InsecureTestBlsScheme.Key(0);
        var encoded = new byte[48];
        scheme.EncodePublicKey(scheme.GetPublicKey(key), encoded);
        var committee = ConsensusCommittee.Create(scheme, [encoded], new OneNodeOneVoteDecider(1));
        var chain = new TestChain();
        var engine = provider.GetRequiredService<FbftEngineFactory>().Create(committee, [key], chain, chain);

        // A committee of one commits on its own as soon as it starts.
        engine.Start().Events.OfType<BlockCommittedEvent>().ShouldHaveSingleItem();
        store.Latest!.Height.ShouldBe(1UL);
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
