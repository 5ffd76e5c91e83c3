using System.Buffers;
using System.Threading.Channels;
using Harmony.P2P.Identity;
using Harmony.P2P.Transport;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>yamux framing, flow control and limits between two in-memory sessions.</summary>
public sealed class YamuxTests
{
    private static readonly PeerIdFixture Peers = new();

    [Fact]
    public void Headers_round_trip_in_big_endian()
    {
        var header = new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn | YamuxFlags.Ack, 0x01020304, 0x0A0B0C0D);
        var bytes = new byte[YamuxHeader.Size];
        header.Write(bytes);
        Convert.ToHexString(bytes).ShouldBe("00010003010203040A0B0C0D");
        YamuxHeader.TryRead(bytes, out var read, out _).ShouldBeTrue();
        read.ShouldBe(header);
    }

    [Theory]
    [InlineData("010000000000000100000000", "version")]
    [InlineData("000400000000000100000000", "type")]
    public void Unknown_versions_and_types_are_rejected(string hex, string problem)
    {
        YamuxHeader.TryRead(Convert.FromHexString(hex), out _, out var reason).ShouldBeFalse();
        reason.ShouldNotBeNull().ShouldContain(problem);
    }

    [Fact]
    public async Task Four_megabytes_flow_through_a_256_KiB_window_and_FIN_ends_the_reader()
    {
        await using var pair = await SessionPair.CreateAsync();
        var stream = (await pair.Client.OpenStreamAsync()).ShouldNotBeNull();
        stream.Id.ShouldBe(1u);
        var payload = new byte[4 << 20];
        new Random(2).NextBytes(payload);
        var send = Task.Run(async () =>
        {
            await stream.Output.WriteAsync(payload);
            await stream.CloseWriteAsync();
        });
        var inbound = await pair.Accepted.Reader.ReadAsync();
        inbound.Id.ShouldBe(1u);
        (await ReadAllAsync(inbound)).ShouldBe(payload);
        await send;

        await inbound.Output.WriteAsync("done"u8.ToArray());
        await inbound.DisposeAsync();
        (await ReadAllAsync(stream)).ShouldBe("done"u8.ToArray());
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task A_reset_reaches_the_other_side_as_an_error()
    {
        await using var pair = await SessionPair.CreateAsync();
        var stream = (await pair.Client.OpenStreamAsync()).ShouldNotBeNull();
        await stream.Output.WriteAsync(new byte[] { 1 });
        var inbound = await pair.Accepted.Reader.ReadAsync();
        stream.Reset();
        var error = await Should.ThrowAsync<Libp2pProtocolException>(async () => await ReadAllAsync(inbound));
        error.Message.ShouldContain("reset");
    }

    [Fact]
    public async Task Pings_are_answered_and_measure_the_round_trip()
    {
        await using var pair = await SessionPair.CreateAsync();
        var roundTrip = await pair.Client.PingAsync().WaitAsync(TimeSpan.FromSeconds(5));
        roundTrip.ShouldBeGreaterThan(TimeSpan.Zero);
        pair.Client.RoundTripTime.ShouldBeGreaterThan(TimeSpan.Zero); // this ping's or the concurrent keep-alive ping's
        (await pair.Server.PingAsync().WaitAsync(TimeSpan.FromSeconds(5))).ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_data_frame_larger_than_the_window_closes_the_session_with_go_away_and_a_logged_reason()
    {
        var logs = new CapturingLoggerFactory();
        var (raw, serverEnd) = DuplexPipePair.Create();
        await using var server = new YamuxSession(serverEnd, isClient: false, Peers.Client, new YamuxOptions(), _ => Task.CompletedTask, logs.CreateLogger("yamux"));
        var header = new byte[YamuxHeader.Size];
        new YamuxHeader(YamuxFrameType.Data, YamuxFlags.Syn, 1, 1 << 20).Write(header);
        await raw.Output.WriteAsync(header);
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        server.CloseReason.ShouldNotBeNull().ShouldContain("exceeds");
        logs.Contains("exceeds").ShouldBeTrue();
        var goAway = await ReadHeaderAsync(raw);
        goAway.Type.ShouldBe(YamuxFrameType.GoAway);
        goAway.Length.ShouldBe(1u); // protocol error
    }

    [Fact]
    public async Task Data_beyond_the_remaining_window_is_a_protocol_error()
    {
        var (raw, serverEnd) = DuplexPipePair.Create();
        var accepted = Channel.CreateUnbounded<YamuxChannel>();
        await using var server = new YamuxSession(serverEnd, isClient: false, Peers.Client, new YamuxOptions(), s => accepted.Writer.WriteAsync(s).AsTask());

        // Two full-window frames without waiting for a window update: the second overflows.
        var frame = new byte[YamuxHeader.Size + YamuxOptions.InitialWindowSize];
        new YamuxHeader(YamuxFrameType.Data, YamuxFlags.Syn, 1, YamuxOptions.InitialWindowSize).Write(frame);
        await raw.Output.WriteAsync(frame);
        new YamuxHeader(YamuxFrameType.Data, YamuxFlags.None, 1, 1).Write(frame);
        await raw.Output.WriteAsync(frame.AsMemory(0, YamuxHeader.Size + 1));
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        server.CloseReason.ShouldNotBeNull().ShouldContain("beyond its receive window");
    }

    [Fact]
    public async Task Streams_beyond_the_limit_are_reset_and_a_peer_that_keeps_opening_them_is_disconnected()
    {
        var logs = new CapturingLoggerFactory();
        var (raw, serverEnd) = DuplexPipePair.Create();
        var options = new YamuxOptions { MaxStreams = 3, MaxRefusedStreams = 2 };
        await using var server = new YamuxSession(serverEnd, isClient: false, Peers.Client, options, _ => Task.CompletedTask, logs.CreateLogger("yamux"));
        var header = new byte[YamuxHeader.Size];
        for (uint id = 1; id <= 2 * 6; id += 2)
        {
            new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, id, 0).Write(header);
            await raw.Output.WriteAsync(header);
        }

        await server.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        server.CloseReason.ShouldNotBeNull().ShouldContain("beyond the limit of 3");
        logs.Contains("Refused yamux stream 7").ShouldBeTrue();

        // Three ACKs, two RSTs (streams 7 and 9), then go-away with the protocol-error code.
        var frames = new List<YamuxHeader>();
        while (frames.Count < 6)
        {
            frames.Add(await ReadHeaderAsync(raw));
        }

        frames.Count(f => (f.Flags & YamuxFlags.Ack) != 0).ShouldBe(3);
        frames.Where(f => (f.Flags & YamuxFlags.Rst) != 0).Select(f => f.StreamId).ShouldBe([7u, 9u]);
        frames[^1].Type.ShouldBe(YamuxFrameType.GoAway);
        frames[^1].Length.ShouldBe(1u);
    }

    [Fact]
    public async Task A_stream_id_of_the_wrong_parity_is_a_protocol_error()
    {
        var (raw, serverEnd) = DuplexPipePair.Create();
        await using var server = new YamuxSession(serverEnd, isClient: false, Peers.Client, new YamuxOptions(), _ => Task.CompletedTask);
        var header = new byte[YamuxHeader.Size];
        new YamuxHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 2, 0).Write(header);
        await raw.Output.WriteAsync(header);
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        server.CloseReason.ShouldNotBeNull().ShouldContain("parity");
    }

    /// <summary>Reads the next frame that is not the session's own keep-alive ping.</summary>
    private static Task<YamuxHeader> ReadHeaderAsync(System.IO.Pipelines.IDuplexPipe pipe) =>
        new RawYamuxPeer(pipe).ReadUntilAsync(h => !RawYamuxPeer.IsPingRequest(h));

    private static async Task<byte[]> ReadAllAsync(YamuxChannel channel)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var result = await channel.Input.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            foreach (var segment in result.Buffer)
            {
                buffer.Write(segment.Span);
            }

            channel.Input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return buffer.ToArray();
            }
        }
    }

    private sealed class SessionPair : IAsyncDisposable
    {
        private SessionPair(YamuxSession client, YamuxSession server, Channel<YamuxChannel> accepted)
        {
            Client = client;
            Server = server;
            Accepted = accepted;
        }

        public YamuxSession Client { get; }

        public YamuxSession Server { get; }

        public Channel<YamuxChannel> Accepted { get; }

        public static Task<SessionPair> CreateAsync()
        {
            var (left, right) = DuplexPipePair.Create();
            var accepted = Channel.CreateUnbounded<YamuxChannel>();
            var client = new YamuxSession(left, isClient: true, Peers.Server, new YamuxOptions(), _ => Task.CompletedTask);
            var server = new YamuxSession(right, isClient: false, Peers.Client, new YamuxOptions(), s => accepted.Writer.WriteAsync(s).AsTask());
            return Task.FromResult(new SessionPair(client, server, accepted));
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}

/// <summary>Two fixed peer ids for sessions that need one.</summary>
internal sealed class PeerIdFixture
{
    public Harmony.P2P.Libp2p.PeerId Client { get; } = Libp2pPrivateKey.FromEd25519Seed(new byte[32]).PeerId;

    public Harmony.P2P.Libp2p.PeerId Server { get; } = Libp2pPrivateKey.FromEd25519Seed(Enumerable.Repeat((byte)1, 32).ToArray()).PeerId;
}
