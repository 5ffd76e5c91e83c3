using Harmony.P2P.Yamux;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>yamux keep-alive on a fake clock: periodic pings, round-trip measurement, and closing an unresponsive peer.</summary>
public sealed class YamuxKeepAliveTests
{
    private static readonly PeerIdFixture Peers = new();
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Pings_go_out_at_start_and_every_interval_and_each_answer_sets_the_round_trip_time()
    {
        var clock = new ManualTimeProvider();
        var (rawEnd, sessionEnd) = DuplexPipePair.Create();
        var raw = new RawYamuxPeer(rawEnd);
        await using var session = NewSession(sessionEnd, clock);

        var first = await raw.ReadUntilAsync(RawYamuxPeer.IsPingRequest);
        clock.Advance(TimeSpan.FromMilliseconds(40));
        await raw.WriteAsync(YamuxFrameType.Ping, YamuxFlags.Ack, 0, first.Length);
        await WaitUntilAsync(() => session.RoundTripTime == TimeSpan.FromMilliseconds(40));

        // The next ping is due 30 s after the start; land exactly on it so its send time is known.
        clock.Advance(Interval - TimeSpan.FromMilliseconds(40));
        var second = await raw.ReadUntilAsync(RawYamuxPeer.IsPingRequest);
        second.Length.ShouldNotBe(first.Length);
        clock.Advance(TimeSpan.FromMilliseconds(5));
        await raw.WriteAsync(YamuxFrameType.Ping, YamuxFlags.Ack, 0, second.Length);
        await WaitUntilAsync(() => session.RoundTripTime == TimeSpan.FromMilliseconds(5));
        session.Completion.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unanswered_ping_closes_the_session_with_go_away_internal_error_and_a_logged_reason()
    {
        var clock = new ManualTimeProvider();
        var logs = new CapturingLoggerFactory();
        var (rawEnd, sessionEnd) = DuplexPipePair.Create();
        var raw = new RawYamuxPeer(rawEnd);
        await using var session = NewSession(sessionEnd, clock, logs);

        await raw.ReadUntilAsync(RawYamuxPeer.IsPingRequest);
        clock.Advance(Timeout - TimeSpan.FromTicks(1));
        session.Completion.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromTicks(1));

        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        session.CloseReason.ShouldNotBeNull().ShouldContain("did not answer a keep-alive ping within 10 s");
        logs.Contains("keep-alive ping").ShouldBeTrue();
        var goAway = await raw.ReadUntilAsync(h => h.Type == YamuxFrameType.GoAway);
        goAway.Length.ShouldBe(2u); // internal error
    }

    [Fact]
    public async Task A_remote_that_stopped_reading_is_cut_off_even_while_a_write_to_it_is_blocked()
    {
        var clock = new ManualTimeProvider();
        var (rawEnd, sessionEnd) = DuplexPipePair.Create();
        var raw = new RawYamuxPeer(rawEnd);
        await using var session = NewSession(sessionEnd, clock);
        var first = await raw.ReadUntilAsync(RawYamuxPeer.IsPingRequest);
        await raw.WriteAsync(YamuxFrameType.Ping, YamuxFlags.Ack, 0, first.Length);

        // The remote stops reading; a 1 MiB write fills the in-memory connection and blocks holding the write lock.
        var stream = (await session.OpenStreamAsync()).ShouldNotBeNull();
        _ = stream.Output.WriteAsync(new byte[1 << 20]).AsTask();
        await Task.Delay(50);

        // Keep-alive time passes in steps (the ping's deadline is armed asynchronously after each tick).
        for (int step = 0; step < 120 && !session.Completion.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        session.CloseReason.ShouldNotBeNull().ShouldContain("keep-alive");
    }

    [Fact]
    public async Task The_remotes_pings_are_answered_with_their_opaque_value()
    {
        var clock = new ManualTimeProvider();
        var (rawEnd, sessionEnd) = DuplexPipePair.Create();
        var raw = new RawYamuxPeer(rawEnd);
        await using var session = NewSession(sessionEnd, clock);

        await raw.WriteAsync(YamuxFrameType.Ping, YamuxFlags.Syn, 0, 0xDEADBEEF);
        var answer = await raw.ReadUntilAsync(h => h.Type == YamuxFrameType.Ping && (h.Flags & YamuxFlags.Ack) != 0);
        answer.Length.ShouldBe(0xDEADBEEFu);
        answer.StreamId.ShouldBe(0u);
    }

    [Fact]
    public async Task A_ping_waiting_when_the_session_ends_fails_instead_of_hanging()
    {
        var clock = new ManualTimeProvider();
        var (rawEnd, sessionEnd) = DuplexPipePair.Create();
        var session = NewSession(sessionEnd, clock);
        var ping = session.PingAsync();
        await rawEnd.Output.CompleteAsync();
        await Should.ThrowAsync<Harmony.P2P.Transport.Libp2pProtocolException>(() => ping.WaitAsync(TimeSpan.FromSeconds(10)));
        await session.DisposeAsync();
    }

    [Fact]
    public void The_validator_names_each_bad_setting_and_a_session_refuses_them()
    {
        var options = new YamuxOptions
        {
            MaxStreams = 0,
            MaxRefusedStreams = -1,
            MaxDataFrameLength = 100,
            KeepAliveInterval = TimeSpan.FromSeconds(-1),
            MaxReceiveWindowSize = 1024,
            SessionWindowGrowthBudget = -1,
        };
        var result = new YamuxOptionsValidator().Validate(null, options);
        foreach (string name in new[] { "MaxStreams", "MaxRefusedStreams", "MaxDataFrameLength", "KeepAliveInterval", "MaxReceiveWindowSize", "SessionWindowGrowthBudget" })
        {
            result.FailureMessage.ShouldNotBeNull().ShouldContain(name);
        }

        new YamuxOptionsValidator().Validate(null, new YamuxOptions { KeepAliveTimeout = TimeSpan.Zero }).FailureMessage.ShouldNotBeNull().ShouldContain("KeepAliveTimeout");
        new YamuxOptionsValidator().Validate(null, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero, KeepAliveTimeout = TimeSpan.Zero }).Succeeded.ShouldBeTrue();
        new YamuxOptionsValidator().Validate(null, new YamuxOptions()).Succeeded.ShouldBeTrue();

        var (_, end) = DuplexPipePair.Create();
        Should.Throw<ArgumentException>(() => new YamuxSession(end, isClient: true, Peers.Server, options, _ => Task.CompletedTask))
            .Message.ShouldContain("MaxStreams");
    }

    private static YamuxSession NewSession(System.IO.Pipelines.IDuplexPipe end, TimeProvider clock, CapturingLoggerFactory? logs = null) =>
        new(end, isClient: true, Peers.Server, new YamuxOptions { KeepAliveInterval = Interval, KeepAliveTimeout = Timeout }, _ => Task.CompletedTask, logs?.CreateLogger("yamux"), clock);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not become true within 10 s");
            await Task.Delay(5);
        }
    }
}
