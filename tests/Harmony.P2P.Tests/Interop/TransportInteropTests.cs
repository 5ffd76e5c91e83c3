using System.Text.Json.Nodes;
using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;

namespace Harmony.P2P.Tests.Interop;

/// <summary>yamux keep-alive and multistream-select <c>ls</c> against js-libp2p.</summary>
public sealed class TransportInteropTests
{
    [SkippableFact]
    public async Task CSharp_lists_the_protocols_js_serves_with_ls()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        using var identity = Libp2pPrivateKey.GenerateEd25519();
        await using var host = HostInteropTests.NewHost(identity);
        await host.DialAsync(js.Address);

        var listed = (await host.ListProtocolsAsync(js.PeerId)).ShouldNotBeNull();
        listed.ShouldBe(js.Protocols, ignoreOrder: true);
        listed.ShouldContain("/ipfs/kad/1.0.0");
        listed.ShouldContain("/harmony-test/sink/1.0.0");

        // The ls stream was closed cleanly: the connection still carries streams.
        (await host.PingAsync(js.PeerId)).ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [SkippableFact]
    public async Task Js_answers_keep_alive_pings_so_the_connection_stays_up_and_the_round_trip_is_measured()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        using var identity = Libp2pPrivateKey.GenerateEd25519();
        var options = new Libp2pHostOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(100), KeepAliveTimeout = TimeSpan.FromSeconds(2) };
        await using var host = new Libp2pHost(identity, options);
        host.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
        await host.DialAsync(js.Address);

        // Twenty keep-alive rounds; an unanswered one would close the connection.
        await Task.Delay(TimeSpan.FromSeconds(2));
        host.ConnectedPeers.ShouldContain(js.PeerId);
        host.GetRoundTripTime(js.PeerId).ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        var peers = await js.CommandAsync(new JsonObject { ["cmd"] = "peers" });
        peers["peers"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldContain(host.LocalPeer.ToString());
    }
}
