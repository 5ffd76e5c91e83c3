using System.Threading.Channels;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>
/// Receive-window auto-tuning on a fake clock: a stream whose reader drains half a window within two round trips
/// doubles its window (up to the maximum, within the session budget); a slow reader keeps 256 KiB.
/// </summary>
public sealed class YamuxWindowTuningTests
{
    private const int Half = YamuxOptions.InitialWindowSize / 2;
    private static readonly PeerIdFixture Peers = new();
    private static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task A_reader_that_drains_within_two_round_trips_doubles_its_window_until_the_maximum()
    {
        await using var rig = await Rig.StartAsync(new YamuxOptions { MaxReceiveWindowSize = 1024 * 1024 });
        var stream = await rig.OpenStreamAsync(1);

        // 128 KiB drained at once: the update returns them and grants 256 KiB more (window 512 KiB).
        (await rig.SendAndDrainAsync(stream, 1, Half)).ShouldBe((uint)(Half + YamuxOptions.InitialWindowSize));
        stream.ReceiveWindowSize.ShouldBe(512 * 1024);

        // Half the new window (256 KiB) drained within 2 RTT again: doubled to the 1 MiB maximum.
        rig.Clock.Advance(RoundTrip);
        (await rig.SendAndDrainAsync(stream, 1, 256 * 1024)).ShouldBe((uint)(256 * 1024 + 512 * 1024));
        stream.ReceiveWindowSize.ShouldBe(1024 * 1024);
        rig.Session.WindowGrowth.ShouldBe(1024 * 1024 - YamuxOptions.InitialWindowSize);

        // At the maximum the updates only return what was read.
        (await rig.SendAndDrainAsync(stream, 1, 512 * 1024)).ShouldBe(512u * 1024);
        stream.ReceiveWindowSize.ShouldBe(1024 * 1024);
    }

    [Fact]
    public async Task A_reader_slower_than_two_round_trips_keeps_the_spec_window()
    {
        await using var rig = await Rig.StartAsync(new YamuxOptions());
        var stream = await rig.OpenStreamAsync(1);
        rig.Clock.Advance(RoundTrip * 2);
        (await rig.SendAndDrainAsync(stream, 1, Half)).ShouldBe((uint)Half);
        stream.ReceiveWindowSize.ShouldBe(YamuxOptions.InitialWindowSize);
        rig.Session.WindowGrowth.ShouldBe(0);
    }

    [Fact]
    public async Task Growth_stops_at_the_session_budget_and_a_finished_stream_gives_its_share_back()
    {
        await using var rig = await Rig.StartAsync(new YamuxOptions { SessionWindowGrowthBudget = YamuxOptions.InitialWindowSize });
        var first = await rig.OpenStreamAsync(1);
        var second = await rig.OpenStreamAsync(3);

        (await rig.SendAndDrainAsync(first, 1, Half)).ShouldBe((uint)(Half + YamuxOptions.InitialWindowSize));
        (await rig.SendAndDrainAsync(second, 3, Half)).ShouldBe((uint)Half);
        second.ReceiveWindowSize.ShouldBe(YamuxOptions.InitialWindowSize);
        rig.Session.WindowGrowth.ShouldBe(YamuxOptions.InitialWindowSize);

        // The remote resets the first stream: its growth returns to the budget, and the second can grow.
        await rig.Raw.WriteAsync(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, 1, 0);
        await WaitUntilAsync(() => rig.Session.WindowGrowth == 0);
        (await rig.SendAndDrainAsync(second, 3, Half)).ShouldBe((uint)(Half + YamuxOptions.InitialWindowSize));
        second.ReceiveWindowSize.ShouldBe(512 * 1024);
    }

    [Fact]
    public async Task A_frame_beyond_a_grown_window_is_still_a_protocol_error()
    {
        await using var rig = await Rig.StartAsync(new YamuxOptions());
        var stream = await rig.OpenStreamAsync(1);
        (await rig.SendAndDrainAsync(stream, 1, Half)).ShouldBe((uint)(Half + YamuxOptions.InitialWindowSize));

        // The remote may now send 512 KiB; one byte more is refused before it is buffered.
        await rig.Raw.WriteAsync(YamuxFrameType.Data, YamuxFlags.None, 1, 512 * 1024 + 1);
        await rig.Session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        rig.Session.CloseReason.ShouldNotBeNull().ShouldContain("beyond its receive window of 524288 bytes");
    }

    [Fact]
    public async Task A_frame_for_a_stream_that_is_not_open_is_bounded_by_the_largest_window_the_session_granted()
    {
        await using var rig = await Rig.StartAsync(new YamuxOptions());

        // No window has grown: 256 KiB + 1 on an unknown stream is refused before it is buffered.
        await rig.Raw.WriteAsync(YamuxFrameType.Data, YamuxFlags.None, 5, YamuxOptions.InitialWindowSize + 1);
        await rig.Session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        rig.Session.CloseReason.ShouldNotBeNull().ShouldContain("beyond its receive window of 262144 bytes");
    }

    [Fact]
    public async Task Two_megabytes_between_two_tuning_sessions_arrive_intact()
    {
        var clock = new ManualTimeProvider();
        var (left, right) = DuplexPipePair.Create();
        var accepted = Channel.CreateUnbounded<YamuxChannel>();
        await using var client = new YamuxSession(left, isClient: true, Peers.Server, new YamuxOptions(), _ => Task.CompletedTask, timeProvider: clock);
        await using var server = new YamuxSession(right, isClient: false, Peers.Client, new YamuxOptions(), s => accepted.Writer.WriteAsync(s).AsTask(), timeProvider: clock);
        await WaitUntilAsync(() => server.RoundTripTime > TimeSpan.Zero);

        var stream = (await client.OpenStreamAsync()).ShouldNotBeNull();
        var payload = new byte[2 << 20];
        new Random(5).NextBytes(payload);
        var send = Task.Run(async () =>
        {
            await stream.Output.WriteAsync(payload);
            await stream.CloseWriteAsync();
        });
        var inbound = await accepted.Reader.ReadAsync();
        int largestWindow = 0;
        using var received = new MemoryStream();
        while (true)
        {
            var result = await inbound.Input.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            foreach (var segment in result.Buffer)
            {
                received.Write(segment.Span);
            }

            inbound.Input.AdvanceTo(result.Buffer.End);
            largestWindow = Math.Max(largestWindow, inbound.ReceiveWindowSize);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await send;
        received.ToArray().AsSpan().SequenceEqual(payload).ShouldBeTrue();

        // The fake clock stands still, so every update came "within two round trips" and the window grew.
        largestWindow.ShouldBeGreaterThan(YamuxOptions.InitialWindowSize);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not become true within 10 s");
            await Task.Delay(5);
        }
    }

    /// <summary>A server session on a fake clock whose remote is driven frame by frame, its round trip measured at 10 ms.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly Channel<YamuxChannel> _accepted;

        private Rig(YamuxSession session, RawYamuxPeer raw, ManualTimeProvider clock, Channel<YamuxChannel> accepted)
        {
            Session = session;
            Raw = raw;
            Clock = clock;
            _accepted = accepted;
        }

        public YamuxSession Session { get; }

        public RawYamuxPeer Raw { get; }

        public ManualTimeProvider Clock { get; }

        public static async Task<Rig> StartAsync(YamuxOptions options)
        {
            var clock = new ManualTimeProvider();
            var (rawEnd, sessionEnd) = DuplexPipePair.Create();
            var accepted = Channel.CreateUnbounded<YamuxChannel>();
            var session = new YamuxSession(sessionEnd, isClient: false, Peers.Client, options, s => accepted.Writer.WriteAsync(s).AsTask(), timeProvider: clock);
            var raw = new RawYamuxPeer(rawEnd);
            var ping = await raw.ReadUntilAsync(RawYamuxPeer.IsPingRequest);
            clock.Advance(RoundTrip);
            await raw.WriteAsync(YamuxFrameType.Ping, YamuxFlags.Ack, 0, ping.Length);
            await WaitUntilAsync(() => session.RoundTripTime == RoundTrip);
            return new Rig(session, raw, clock, accepted);
        }

        public async Task<YamuxChannel> OpenStreamAsync(uint id)
        {
            await Raw.WriteAsync(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, id, 0);
            return await _accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }

        /// <summary>Sends <paramref name="bytes"/> on a stream, lets its reader consume them, and returns the window update that follows.</summary>
        public async Task<uint> SendAndDrainAsync(YamuxChannel stream, uint id, int bytes)
        {
            await Raw.WriteAsync(YamuxFrameType.Data, YamuxFlags.None, id, (uint)bytes, bytes);
            int drained = 0;
            while (drained < bytes)
            {
                var result = await stream.Input.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                drained += (int)result.Buffer.Length;
                stream.Input.AdvanceTo(result.Buffer.End);
            }

            var update = await Raw.ReadUntilAsync(h => h.Type == YamuxFrameType.WindowUpdate && h.StreamId == id && h.Length > 0);
            return update.Length;
        }

        public async ValueTask DisposeAsync() => await Session.DisposeAsync();
    }
}
