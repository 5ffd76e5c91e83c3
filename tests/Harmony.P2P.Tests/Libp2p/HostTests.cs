using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>Two C# hosts over loopback TCP, the options validator and the DI registration.</summary>
public sealed class HostTests
{
    [Fact]
    public async Task Two_hosts_connect_identify_ping_stream_and_see_each_other_leave()
    {
        using var aliceKey = Libp2pPrivateKey.GenerateEd25519();
        using var bobKey = Libp2pPrivateKey.GenerateSecp256k1(System.Security.Cryptography.RandomNumberGenerator.Create());
        await using var alice = new Libp2pHost(aliceKey, new Libp2pHostOptions());
        var bob = new Libp2pHost(bobKey, new Libp2pHostOptions());
        bob.SetHandler(new HostInteropTests.EchoHandler());
        var bobAddress = bob.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
        var bobSawAlice = new TaskCompletionSource<PeerId>(TaskCreationOptions.RunContinuationsAsynchronously);
        var aliceSawBobLeave = new TaskCompletionSource<PeerId>(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.PeerConnected += peer => bobSawAlice.TrySetResult(peer);
        alice.PeerDisconnected += peer => aliceSawBobLeave.TrySetResult(peer);

        (await alice.DialAsync(bobAddress.WithPeerId(bob.LocalPeer))).ShouldBe(bob.LocalPeer);
        (await bobSawAlice.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(alice.LocalPeer);
        alice.TryGetConnectionInfo(bob.LocalPeer, out var aliceView).ShouldBeTrue();
        aliceView.ShouldBe(new Libp2pConnectionInfo(Outbound: true, System.Net.IPAddress.Loopback));
        bob.TryGetConnectionInfo(alice.LocalPeer, out var bobView).ShouldBeTrue();
        bobView.ShouldBe(new Libp2pConnectionInfo(Outbound: false, System.Net.IPAddress.Loopback));
        var info = await alice.IdentifyAsync(bob.LocalPeer);
        info.Protocols.ShouldBe(["/harmony-test/echo/1.0.0", "/ipfs/id/1.0.0", "/ipfs/ping/1.0.0"]);
        info.ListenAddresses.ShouldBe([bobAddress]);
        info.PublicKey.ShouldBe(bobKey.PublicKey);
        (await alice.PingAsync(bob.LocalPeer)).ShouldBeGreaterThan(TimeSpan.Zero);

        (await alice.OpenStreamAsync(bob.LocalPeer, ["/not/served"])).ShouldBeNull();
        var channel = (await alice.OpenStreamAsync(bob.LocalPeer, ["/not/served", "/harmony-test/echo/1.0.0"])).ShouldNotBeNull();
        channel.Protocol.ShouldBe("/harmony-test/echo/1.0.0");
        channel.RemotePeer.ShouldBe(bob.LocalPeer);
        await channel.Output.WriteAsync("hello"u8.ToArray());
        await channel.CloseWriteAsync();
        (await HostInteropTests.ReadAllAsync(channel)).ShouldBe("hello"u8.ToArray());
        await channel.DisposeAsync();

        // Graceful shutdown: Bob's go-away closes the connection and Alice sees him leave.
        await bob.DisposeAsync();
        (await aliceSawBobLeave.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(bob.LocalPeer);
        alice.ConnectedPeers.ShouldBeEmpty();
        (await alice.OpenStreamAsync(bob.LocalPeer, ["/ipfs/ping/1.0.0"])).ShouldBeNull();
    }

    [Fact]
    public async Task Ls_lists_the_protocols_a_host_serves_and_keep_alive_measures_the_round_trip()
    {
        using var aliceKey = Libp2pPrivateKey.GenerateEd25519();
        using var bobKey = Libp2pPrivateKey.GenerateEd25519();
        await using var alice = new Libp2pHost(aliceKey, new Libp2pHostOptions());
        await using var bob = new Libp2pHost(bobKey, new Libp2pHostOptions());
        bob.SetHandler(new HostInteropTests.EchoHandler());
        var address = bob.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(bob.LocalPeer);
        await alice.DialAsync(address);

        (await alice.ListProtocolsAsync(bob.LocalPeer)).ShouldBe(bob.Protocols);
        (await alice.ListProtocolsAsync(bob.LocalPeer)).ShouldBe(["/harmony-test/echo/1.0.0", "/ipfs/id/1.0.0", "/ipfs/ping/1.0.0"]);

        // The session pinged at start; its answer gave the round-trip time.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (alice.GetRoundTripTime(bob.LocalPeer) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        alice.GetRoundTripTime(bob.LocalPeer).ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        await Should.ThrowAsync<Harmony.P2P.Transport.Libp2pProtocolException>(() => alice.ListProtocolsAsync(aliceKey.PeerId));
    }

    [Fact]
    public async Task A_host_listening_on_the_wildcard_announces_its_interface_addresses()
    {
        using var aliceKey = Libp2pPrivateKey.GenerateEd25519();
        using var bobKey = Libp2pPrivateKey.GenerateEd25519();
        await using var alice = new Libp2pHost(aliceKey, new Libp2pHostOptions());
        await using var bob = new Libp2pHost(bobKey, new Libp2pHostOptions());
        var bound = bob.Listen(Multiaddress.Parse("/ip4/0.0.0.0/tcp/0"));
        bound.TryGetTcpTarget(out _, out int port).ShouldBeTrue();
        await alice.DialAsync(Multiaddress.Parse($"/ip4/127.0.0.1/tcp/{port}/p2p/{bob.LocalPeer}"));
        var info = await alice.IdentifyAsync(bob.LocalPeer);
        info.ListenAddresses.ShouldContain(Multiaddress.Parse($"/ip4/127.0.0.1/tcp/{port}"));
        info.ListenAddresses.ShouldNotContain(bound);
    }

    [Fact]
    public void The_validator_names_each_bad_setting()
    {
        var options = new Libp2pHostOptions
        {
            MaxConnections = 0,
            MaxPendingHandshakes = 0,
            MaxStreamsPerConnection = 0,
            MaxDataFrameLength = 10,
            HandshakeTimeout = TimeSpan.Zero,
            AgentVersion = " ",
        };
        options.ListenAddresses.Add("/ip4/1.2.3.4/udp/9000");
        var result = new Libp2pHostOptionsValidator().Validate(null, options);
        result.Failed.ShouldBeTrue();
        foreach (string name in new[] { "MaxConnections", "MaxPendingHandshakes", "MaxStreamsPerConnection", "MaxDataFrameLength", "HandshakeTimeout", "ListenAddresses", "AgentVersion" })
        {
            result.FailureMessage.ShouldContain(name);
        }

        new Libp2pHostOptionsValidator().Validate(null, new Libp2pHostOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task AddHarmonyLibp2p_registers_a_host_that_a_registered_key_identifies()
    {
        using var key = Libp2pPrivateKey.GenerateEd25519();
        var services = new ServiceCollection();
        services.AddSingleton(key);
        services.AddHarmonyLibp2p(o => o.ListenAddresses.Add("/ip4/127.0.0.1/tcp/0"));
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<ILibp2pHost>();
        host.ShouldBeSameAs(provider.GetRequiredService<Libp2pHost>());
        host.LocalPeer.ShouldBe(key.PeerId);
        provider.GetRequiredService<IOptions<Libp2pHostOptions>>().Value.ListenAddresses.ShouldBe(["/ip4/127.0.0.1/tcp/0"]);
        await provider.GetRequiredService<Libp2pHost>().StartAsync();
        provider.GetRequiredService<Libp2pHost>().ListenAddresses.Count.ShouldBe(1);
    }
}
