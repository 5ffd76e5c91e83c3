using System.Diagnostics.Metrics;
using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Tests.Interop;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>The connection manager's watermarks over loopback TCP: what is trimmed, what is kept, and when.</summary>
public sealed class ConnectionManagerTests
{
    [Fact]
    public async Task Above_the_high_watermark_the_newest_idle_connections_go_first_and_protected_or_busy_ones_stay()
    {
        var logs = new CapturingLoggerFactory();
        using var trimmed = new TrimCounter();
        using var hubKey = Libp2pPrivateKey.GenerateEd25519();
        await using var hub = new Libp2pHost(hubKey, Options(low: 3, high: 4, grace: TimeSpan.Zero), logs);
        hub.SetHandler(new HostInteropTests.EchoHandler());
        var address = hub.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(hub.LocalPeer);
        await using var peers = new PeerSet(5);

        hub.Protect(peers[0].LocalPeer, "validator");
        await peers.ConnectAsync(0, hub, address); // protected
        await peers.ConnectAsync(1, hub, address); // oldest idle
        await peers.ConnectAsync(2, hub, address); // busy: keeps a stream open
        var busy = await peers[2].OpenStreamAsync(hub.LocalPeer, [HostInteropTests.EchoHandler.ProtocolId]);
        busy.ShouldNotBeNull();
        await peers.ConnectAsync(3, hub, address); // idle
        hub.ConnectionCount.ShouldBe(4);

        // The fifth connection takes the hub above 4: it trims to 3, closing the two newest idle connections.
        await peers.ConnectAsync(4, hub, address, waitForHub: false);
        await WaitUntilAsync(() => hub.ConnectionCount == 3 && !hub.ConnectedPeers.Contains(peers[4].LocalPeer));
        hub.ConnectedPeers.ShouldBe([peers[0].LocalPeer, peers[1].LocalPeer, peers[2].LocalPeer], ignoreOrder: true);
        trimmed.Value.ShouldBe(2);
        await logs.WaitForAsync($"closing connection to {peers[3].LocalPeer}");
        logs.Contains("5 connections exceed the high watermark of 4; trimming to 3").ShouldBeTrue();

        // The busy stream still works.
        await busy.Output.WriteAsync("still here"u8.ToArray());
        await busy.CloseWriteAsync();
        (await HostInteropTests.ReadAllAsync(busy)).ShouldBe("still here"u8.ToArray());
    }

    [Fact]
    public async Task Connections_in_their_grace_period_are_kept_and_trimmed_once_it_ends()
    {
        var clock = new ManualTimeProvider();
        using var hubKey = Libp2pPrivateKey.GenerateEd25519();
        await using var hub = new Libp2pHost(hubKey, Options(low: 1, high: 2, grace: TimeSpan.FromMinutes(1)), timeProvider: clock);
        var address = hub.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(hub.LocalPeer);
        await using var peers = new PeerSet(3);
        for (int i = 0; i < 3; i++)
        {
            await peers.ConnectAsync(i, hub, address);
        }

        (await hub.TrimConnectionsAsync()).ShouldBe(0);
        hub.ConnectionCount.ShouldBe(3);

        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => hub.ConnectionCount == 1);
    }

    [Fact]
    public async Task Outbound_connections_outlast_inbound_ones()
    {
        using var hubKey = Libp2pPrivateKey.GenerateEd25519();
        await using var hub = new Libp2pHost(hubKey, Options(low: 1, high: 2, grace: TimeSpan.Zero));
        var address = hub.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(hub.LocalPeer);
        await using var peers = new PeerSet(3);

        // The hub dials the first peer (outbound); the other two dial the hub (inbound), the older of them first.
        var listen = peers[0].Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(peers[0].LocalPeer);
        await hub.DialAsync(listen);
        await peers.ConnectAsync(1, hub, address);
        await peers.ConnectAsync(2, hub, address, waitForHub: false);
        await WaitUntilAsync(() => hub.ConnectionCount == 1);
        hub.ConnectedPeers.ShouldBe([peers[0].LocalPeer]);
    }

    [Fact]
    public void Protection_tags_are_independent()
    {
        using var hubKey = Libp2pPrivateKey.GenerateEd25519();
        var hub = new Libp2pHost(hubKey, new Libp2pHostOptions());
        var peer = Libp2pPrivateKey.FromEd25519Seed(new byte[32]).PeerId;
        hub.IsProtected(peer).ShouldBeFalse();
        hub.Protect(peer, "gossipsub-mesh");
        hub.Protect(peer, "validator");
        hub.Unprotect(peer, "gossipsub-mesh").ShouldBeTrue();
        hub.IsProtected(peer).ShouldBeTrue();
        hub.Unprotect(peer, "validator").ShouldBeFalse();
        hub.IsProtected(peer).ShouldBeFalse();
        hub.Unprotect(peer, "validator").ShouldBeFalse();
    }

    [Fact]
    public void A_host_refuses_invalid_yamux_settings_at_construction()
    {
        using var key = Libp2pPrivateKey.GenerateEd25519();
        Should.Throw<ArgumentException>(() => new Libp2pHost(key, new Libp2pHostOptions { KeepAliveTimeout = TimeSpan.Zero }))
            .Message.ShouldContain("KeepAliveTimeout");
    }

    [Theory]
    [InlineData(160, 160, 256, "LowWatermark < HighWatermark")]
    [InlineData(-1, 192, 256, "0 <= LowWatermark")]
    [InlineData(160, 256, 256, "HighWatermark < MaxConnections")]
    public void The_validator_rejects_watermarks_out_of_order(int low, int high, int max, string rule)
    {
        var options = new Libp2pHostOptions { LowWatermark = low, HighWatermark = high, MaxConnections = max };
        var result = new Libp2pHostOptionsValidator().Validate(null, options);
        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(rule);
    }

    [Fact]
    public void The_validator_checks_the_grace_period_and_the_yamux_settings_under_their_host_names()
    {
        var options = new Libp2pHostOptions
        {
            ConnectionGracePeriod = TimeSpan.FromSeconds(-1),
            KeepAliveInterval = TimeSpan.FromSeconds(5),
            KeepAliveTimeout = TimeSpan.Zero,
            MaxReceiveWindowSize = 1,
            ConnectionWindowGrowthBudget = -1,
            MaxStreamsPerConnection = 0,
        };
        var message = new Libp2pHostOptionsValidator().Validate(null, options).FailureMessage.ShouldNotBeNull();
        foreach (string name in new[] { "ConnectionGracePeriod", "KeepAliveTimeout", "MaxReceiveWindowSize", "ConnectionWindowGrowthBudget", "MaxStreamsPerConnection" })
        {
            message.ShouldContain(name);
        }
    }

    private static Libp2pHostOptions Options(int low, int high, TimeSpan grace) => new()
    {
        LowWatermark = low,
        HighWatermark = high,
        MaxConnections = high + 10,
        ConnectionGracePeriod = grace,
        IdentifyOnConnect = false,
        KeepAliveInterval = TimeSpan.Zero,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not become true within 15 s");
            await Task.Delay(10);
        }
    }

    /// <summary>Hosts that dial the hub one after another, so their connections' ages are ordered.</summary>
    private sealed class PeerSet : IAsyncDisposable
    {
        private readonly List<Libp2pPrivateKey> _keys = [];
        private readonly List<Libp2pHost> _hosts = [];

        public PeerSet(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var key = Libp2pPrivateKey.GenerateEd25519();
                _keys.Add(key);
                _hosts.Add(new Libp2pHost(key, new Libp2pHostOptions { IdentifyOnConnect = false, KeepAliveInterval = TimeSpan.Zero }));
            }
        }

        public Libp2pHost this[int index] => _hosts[index];

        public async Task ConnectAsync(int index, Libp2pHost hub, Multiaddress address, bool waitForHub = true)
        {
            int before = hub.ConnectionCount;
            await _hosts[index].DialAsync(address);
            if (waitForHub)
            {
                await WaitUntilAsync(() => hub.ConnectionCount == before + 1);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var host in _hosts)
            {
                await host.DisposeAsync();
            }

            foreach (var key in _keys)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>Counts <c>harmony.libp2p.connections.trimmed</c> while it lives (only this class trims, one test at a time).</summary>
    private sealed class TrimCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _value;

        public TrimCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Libp2pMetrics.MeterName && instrument.Name == "harmony.libp2p.connections.trimmed")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _value, value));
            _listener.Start();
        }

        public long Value => Interlocked.Read(ref _value);

        public void Dispose() => _listener.Dispose();
    }
}
