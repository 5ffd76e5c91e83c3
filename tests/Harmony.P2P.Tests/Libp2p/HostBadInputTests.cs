using System.IO.Pipelines;
using System.Security.Cryptography;
using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Multistream;
using Harmony.P2P.Noise;
using Harmony.P2P.Transport;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>
/// Every bad-input path against a real host on loopback: the offending connection is closed with a logged reason
/// and the host keeps serving well-behaved peers.
/// </summary>
public sealed class HostBadInputTests
{
    [Fact]
    public async Task Garbage_before_multistream_closes_the_connection_with_a_logged_reason()
    {
        long rejected = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Libp2pMetrics.MeterName && instrument.Name == "harmony.libp2p.connections.rejected")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rejected, value));
        listener.Start();
        await using var target = await Target.StartAsync();
        await using var tcp = await target.ConnectRawAsync();
        await tcp.Output.WriteAsync("GET / HTTP/1.1\r\nHost: harmony\r\n\r\n"u8.ToArray());
        await ShouldBeClosedAsync(tcp);
        await target.Logs.WaitForAsync("expected the header");
        Interlocked.Read(ref rejected).ShouldBeGreaterThanOrEqualTo(1);
        await target.ShouldStillServeAsync();
    }

    [Fact]
    public async Task A_noise_handshake_with_a_wrong_signature_closes_the_connection_with_a_logged_reason()
    {
        await using var target = await Target.StartAsync();
        await using var tcp = await target.ConnectRawAsync();
        using var random = RandomNumberGenerator.Create();
        using var liar = Libp2pPrivateKey.GenerateEd25519(random);
        (await MultistreamSelect.SelectAsync(tcp, [NoiseHandshake.ProtocolId], default)).ShouldBe(NoiseHandshake.ProtocolId);
        Func<byte[], byte[]> forged = staticKey =>
            NoiseHandshakePayload.Encode(liar.PublicKey.Encoded, liar.Sign(NoiseHandshakePayload.SignedBytes(new byte[32])));
        await using var session = await NoiseHandshake.RunAsync(tcp, liar, null, random, initiator: true, forged, default);
        await ShouldBeClosedAsync(session);
        await target.Logs.WaitForAsync("signature");
        await target.ShouldStillServeAsync();
    }

    [Fact]
    public async Task An_oversized_yamux_frame_closes_the_connection_with_a_logged_reason()
    {
        await using var target = await Target.StartAsync();
        var (tcp, session) = await target.ConnectSecuredAsync();
        await using (tcp)
        {
            var header = new byte[YamuxHeader.Size];
            new YamuxHeader(YamuxFrameType.Data, YamuxFlags.Syn, 1, 16 << 20).Write(header);
            await session.Output.WriteAsync(header);
            await ShouldBeClosedAsync(session);
            await target.Logs.WaitForAsync("exceeds");
            await target.ShouldStillServeAsync();
        }
    }

    [Fact]
    public async Task Too_many_streams_close_the_connection_with_a_logged_reason()
    {
        await using var target = await Target.StartAsync(o =>
        {
            o.MaxStreamsPerConnection = 4;
            o.MaxRefusedStreams = 2;
            o.IdentifyOnConnect = false;
        });
        var (tcp, secured) = await target.ConnectSecuredAsync();
        await using (tcp)
        {
            await using var client = new YamuxSession(secured, isClient: true, target.Host.LocalPeer, new YamuxOptions { MaxStreams = 100 }, _ => Task.CompletedTask);
            for (int i = 0; i < 8; i++)
            {
                await client.OpenStreamAsync();
            }

            await client.Completion.WaitAsync(TimeSpan.FromSeconds(10));
            await target.Logs.WaitForAsync("kept opening streams");
            await target.ShouldStillServeAsync();
        }
    }

    [Fact]
    public async Task A_silent_connection_is_closed_when_the_handshake_times_out()
    {
        await using var target = await Target.StartAsync(o => o.HandshakeTimeout = TimeSpan.FromMilliseconds(300));
        await using var tcp = await target.ConnectRawAsync();
        await ShouldBeClosedAsync(tcp);
        await target.Logs.WaitForAsync("did not finish within");
        await target.ShouldStillServeAsync();
    }

    [Fact]
    public async Task Connections_beyond_the_pending_handshake_limit_are_refused()
    {
        await using var target = await Target.StartAsync(o =>
        {
            o.MaxPendingHandshakes = 1;
            o.HandshakeTimeout = TimeSpan.FromSeconds(2);
        });
        await using var first = await target.ConnectRawAsync();
        await Task.Delay(200); // let the host accept the first one
        try
        {
            await using var second = await target.ConnectRawAsync();
            await ShouldBeClosedAsync(second);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Reset before the connect call even returned: refused as well.
        }

        await target.Logs.WaitForAsync("handshakes are already pending");
        target.Logs.Contains("did not finish within").ShouldBeFalse("the first connection is still within its handshake time");
    }

    [Fact]
    public async Task Dialing_an_address_whose_peer_id_is_not_the_listener_fails()
    {
        await using var target = await Target.StartAsync();
        using var impostor = Libp2pPrivateKey.GenerateEd25519();
        using var key = Libp2pPrivateKey.GenerateEd25519();
        await using var dialer = new Libp2pHost(key, new Libp2pHostOptions());
        var error = await Should.ThrowAsync<Libp2pProtocolException>(() => dialer.DialAsync(target.Address.WithPeerId(impostor.PeerId)));
        error.Message.ShouldContain("expected peer");
        dialer.ConnectedPeers.ShouldBeEmpty();
    }

    private static async Task ShouldBeClosedAsync(IDuplexPipe pipe)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var result = await pipe.Input.ReadAsync(timeout.Token);
                pipe.Input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or Libp2pProtocolException)
        {
            // Reset by the host: closed as well.
        }
    }

    private sealed class Target : IAsyncDisposable
    {
        private readonly Libp2pPrivateKey _key;

        private Target(Libp2pPrivateKey key, Libp2pHost host, Multiaddress address, CapturingLoggerFactory logs)
        {
            _key = key;
            Host = host;
            Address = address;
            Logs = logs;
        }

        public Libp2pHost Host { get; }

        public Multiaddress Address { get; }

        public CapturingLoggerFactory Logs { get; }

        public static Task<Target> StartAsync(Action<Libp2pHostOptions>? configure = null)
        {
            var options = new Libp2pHostOptions();
            configure?.Invoke(options);
            var logs = new CapturingLoggerFactory();
            var key = Libp2pPrivateKey.GenerateEd25519();
            var host = new Libp2pHost(key, options, logs);
            var address = host.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
            return Task.FromResult(new Target(key, host, address, logs));
        }

        public Task<TcpConnection> ConnectRawAsync()
        {
            Address.TryGetTcpTarget(out var host, out int port).ShouldBeTrue();
            return TcpConnection.ConnectAsync(host!, port, CancellationToken.None);
        }

        /// <summary>TCP, Noise and the yamux negotiation, leaving the secured pipe for hand-made yamux frames.</summary>
        public async Task<(TcpConnection Tcp, NoiseSession Session)> ConnectSecuredAsync()
        {
            var tcp = await ConnectRawAsync();
            using var random = RandomNumberGenerator.Create();
            using var key = Libp2pPrivateKey.GenerateEd25519(random);
            await MultistreamSelect.SelectAsync(tcp, [NoiseHandshake.ProtocolId], default);
            var session = await NoiseHandshake.InitiateAsync(tcp, key, Host.LocalPeer, random, default);
            (await MultistreamSelect.SelectAsync(session, [YamuxSession.ProtocolId], default)).ShouldBe(YamuxSession.ProtocolId);
            return (tcp, session);
        }

        /// <summary>A well-behaved host still connects and pings.</summary>
        public async Task ShouldStillServeAsync()
        {
            using var key = Libp2pPrivateKey.GenerateEd25519();
            await using var good = new Libp2pHost(key, new Libp2pHostOptions());
            (await good.DialAsync(Address.WithPeerId(Host.LocalPeer))).ShouldBe(Host.LocalPeer);
            (await good.PingAsync(Host.LocalPeer)).ShouldBeGreaterThan(TimeSpan.Zero);
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            _key.Dispose();
        }
    }
}
