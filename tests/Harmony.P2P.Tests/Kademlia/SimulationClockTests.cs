using Harmony.P2P.Simulation;

namespace Harmony.P2P.Tests.Kademlia;

public class SimulationClockTests
{
    [Fact]
    public void Events_run_in_due_order_and_ties_in_scheduling_order()
    {
        var clock = new SimulationClock();
        var log = new List<string>();
        clock.Schedule(TimeSpan.FromSeconds(2), () => log.Add("b"));
        clock.Schedule(TimeSpan.FromSeconds(1), () => log.Add("a"));
        clock.Schedule(TimeSpan.FromSeconds(2), () => log.Add("c"));
        clock.RunUntilIdle().ShouldBe(3);
        log.ShouldBe(["a", "b", "c"]);
        clock.Elapsed.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Timers_fire_periodically_on_simulated_time_until_disposed()
    {
        var clock = new SimulationClock();
        var ticks = 0;
        var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(10));
        ticks.ShouldBe(10);
        timer.Dispose();
        clock.Advance(TimeSpan.FromMinutes(10));
        ticks.ShouldBe(10);
        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 20, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Running_a_task_that_no_event_completes_fails_instead_of_hanging()
    {
        var clock = new SimulationClock();
        Should.Throw<InvalidOperationException>(() => clock.RunUntil(new TaskCompletionSource().Task));
    }

    [Fact]
    public void The_same_seed_gives_the_same_run()
    {
        static (long, TimeSpan) Run()
        {
            var network = new SimulatedNetwork(new SimulatedNetworkOptions { Seed = 99 });
            network.AddNodes(200);
            network.JoinAll();
            var result = network.Run(network.Nodes[7].Node.FindClosestPeersAsync("x"u8.ToArray()));
            return (network.MessagesDelivered + result.Messages, network.Clock.Elapsed);
        }

        Run().ShouldBe(Run());
    }
}
