using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Sharding.Tests;

public class MainnetEpochScheduleTests
{
    private readonly MainnetEpochSchedule _schedule = new();

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(344_063UL, 0UL)]
    [InlineData(344_064UL, 1UL)]
    [InlineData(344_064UL + 16_383UL, 1UL)]
    [InlineData(344_064UL + 16_384UL, 2UL)]
    [InlineData(6_324_223UL, 365UL)]
    [InlineData(6_324_224UL, 366UL)]
    [InlineData(6_324_224UL + 32_767UL, 366UL)]
    [InlineData(6_324_224UL + 32_768UL, 367UL)]
    public void Block_numbers_map_to_the_published_epochs(ulong block, ulong epoch) =>
        _schedule.EpochOf(block).ShouldBe(epoch);

    [Fact]
    public void The_two_second_era_starts_where_the_spec_says()
    {
        MainnetEpochSchedule.TwoSecondsFirstBlock.ShouldBe(6_324_224UL);
        _schedule.FirstBlockOf(366).ShouldBe(6_324_224UL);
    }

    [Fact]
    public void First_block_and_epoch_are_inverse_across_both_eras()
    {
        for (ulong epoch = 0; epoch < 2_500; epoch++)
        {
            ulong first = _schedule.FirstBlockOf(epoch);
            _schedule.EpochOf(first).ShouldBe(epoch);
            if (first > 0)
            {
                _schedule.EpochOf(first - 1).ShouldBe(epoch - 1);
                _schedule.IsLastBlockOfEpoch(first - 1).ShouldBeTrue();
                _schedule.IsLastBlockOfEpoch(first).ShouldBe(false);
            }
        }
    }

    [Fact]
    public void Epochs_too_far_out_are_refused_rather_than_wrapped() =>
        Should.Throw<ArgumentOutOfRangeException>(() => _schedule.FirstBlockOf(ulong.MaxValue));

    [Fact]
    public void Registration_uses_the_mainnet_schedule_unless_one_is_registered_first()
    {
        using var defaults = new ServiceCollection().AddHarmonySharding().BuildServiceProvider();
        defaults.GetRequiredService<IEpochSchedule>().ShouldBeOfType<MainnetEpochSchedule>();

        var mine = new MainnetEpochSchedule();
        using var swapped = new ServiceCollection().AddSingleton<IEpochSchedule>(mine).AddHarmonySharding().BuildServiceProvider();
        swapped.GetRequiredService<IEpochSchedule>().ShouldBeSameAs(mine);
    }
}
