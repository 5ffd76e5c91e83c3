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
    public void Registering_twice_adds_one_validator()
    {
        var services = new ServiceCollection().AddHarmonyConsensus().AddHarmonyConsensus();
        services.Count(d => d.ServiceType == typeof(IValidateOptions<ConsensusOptions>)).ShouldBe(1);
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
