using System.Buffers;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2p.InMemory;

namespace Harmony.P2P.Tests.Libp2p;

public class InMemoryLibp2pHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Streams_negotiate_the_first_protocol_the_remote_serves()
    {
        var network = new InMemoryLibp2pNetwork(1);
        var a = network.CreateHost();
        var b = network.CreateHost();
        var handler = new Echo("/b/1.0.0", "/b/2.0.0");
        b.SetHandler(handler);
        (await a.OpenStreamAsync(b.LocalPeer, ["/b/2.0.0"])).ShouldBeNull("not connected yet");

        var connected = new List<PeerId>();
        a.PeerConnected += connected.Add;
        InMemoryLibp2pNetwork.Connect(a, b);
        connected.ShouldBe([b.LocalPeer]);
        a.ConnectedPeers.ShouldBe([b.LocalPeer]);

        (await a.OpenStreamAsync(b.LocalPeer, ["/x/1.0.0"])).ShouldBeNull();
        await using var stream = (await a.OpenStreamAsync(b.LocalPeer, ["/x/1.0.0", "/b/2.0.0", "/b/1.0.0"]))!;
        stream.Protocol.ShouldBe("/b/2.0.0");
        stream.RemotePeer.ShouldBe(b.LocalPeer);
        await stream.Output.WriteAsync("ping"u8.ToArray());
        await stream.CloseWriteAsync();
        var read = await stream.Input.ReadAtLeastAsync(4).AsTask().WaitAsync(Patience);
        read.Buffer.ToArray().ShouldBe("ping"u8.ToArray());
        (await handler.RemotePeers.Reader.ReadAsync()).ShouldBe(a.LocalPeer);
    }

    [Fact]
    public void Connection_info_gives_the_dialer_an_outbound_link_and_each_side_the_other_address()
    {
        var network = new InMemoryLibp2pNetwork(2);
        var a = network.CreateHost(address: System.Net.IPAddress.Parse("10.0.0.1"));
        var b = network.CreateHost(address: System.Net.IPAddress.Parse("10.0.0.2"));
        a.TryGetConnectionInfo(b.LocalPeer, out _).ShouldBeFalse();

        InMemoryLibp2pNetwork.Connect(a, b);

        a.TryGetConnectionInfo(b.LocalPeer, out var aView).ShouldBeTrue();
        aView.ShouldBe(new Libp2pConnectionInfo(Outbound: true, b.Address));
        b.TryGetConnectionInfo(a.LocalPeer, out var bView).ShouldBeTrue();
        bView.ShouldBe(new Libp2pConnectionInfo(Outbound: false, a.Address));
        InMemoryLibp2pNetwork.Disconnect(a, b);
        a.TryGetConnectionInfo(b.LocalPeer, out _).ShouldBeFalse();
    }

    [Fact]
    public void Protection_tags_are_independent_and_the_peer_stays_protected_until_the_last_is_removed()
    {
        var network = new InMemoryLibp2pNetwork(3);
        var a = network.CreateHost();
        var peer = InMemoryLibp2pNetwork.RandomPeerId(new Random(4));
        a.Protect(peer, "validator");
        a.Protect(peer, "gossipsub-mesh");

        a.Unprotect(peer, "validator").ShouldBeTrue("the mesh tag remains");
        a.IsProtected(peer).ShouldBeTrue();
        a.Unprotect(peer, "gossipsub-mesh").ShouldBeFalse();
        a.IsProtected(peer).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => a.Protect(peer, ""));
    }

    [Fact]
    public async Task Disconnecting_resets_open_streams_and_raises_events_on_both_sides()
    {
        var network = new InMemoryLibp2pNetwork(2);
        var a = network.CreateHost();
        var b = network.CreateHost();
        b.SetHandler(new Echo("/e/1.0.0"));
        InMemoryLibp2pNetwork.Connect(a, b);
        var stream = (await a.OpenStreamAsync(b.LocalPeer, ["/e/1.0.0"]))!;
        a.OpenStreamCount.ShouldBe(1);
        var gone = new List<PeerId>();
        b.PeerDisconnected += gone.Add;

        InMemoryLibp2pNetwork.Disconnect(a, b);
        gone.ShouldBe([a.LocalPeer]);
        a.ConnectedPeers.ShouldBeEmpty();
        await Should.ThrowAsync<IOException>(async () => await stream.Input.ReadAsync().AsTask().WaitAsync(Patience));
        a.OpenStreamCount.ShouldBe(0);
        (await a.OpenStreamAsync(b.LocalPeer, ["/e/1.0.0"])).ShouldBeNull();
    }

    [Fact]
    public async Task A_throwing_handler_resets_its_stream_and_the_host_keeps_serving()
    {
        var network = new InMemoryLibp2pNetwork(3);
        var a = network.CreateHost();
        var b = network.CreateHost();
        b.SetHandler(new Throwing());
        b.SetHandler(new Echo("/ok/1.0.0"));
        InMemoryLibp2pNetwork.Connect(a, b);
        var bad = (await a.OpenStreamAsync(b.LocalPeer, ["/throw/1.0.0"]))!;
        await Should.ThrowAsync<IOException>(async () => await bad.Input.ReadAsync().AsTask().WaitAsync(Patience));
        var good = (await a.OpenStreamAsync(b.LocalPeer, ["/ok/1.0.0"]))!;
        await good.Output.WriteAsync(new byte[] { 1 });
        (await good.Input.ReadAtLeastAsync(1).AsTask().WaitAsync(Patience)).Buffer.FirstSpan[0].ShouldBe((byte)1);
        await a.DisposeAsync();
        b.ConnectedPeers.ShouldBeEmpty();
        network.Hosts.ShouldBe([b]);
    }

    private sealed class Echo(params string[] protocols) : ILibp2pProtocolHandler
    {
        public System.Threading.Channels.Channel<PeerId> RemotePeers { get; } = System.Threading.Channels.Channel.CreateUnbounded<PeerId>();

        public IReadOnlyList<string> Protocols { get; } = protocols;

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            RemotePeers.Writer.TryWrite(stream.RemotePeer);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    var result = await stream.Input.ReadAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var segment in result.Buffer)
                    {
                        await stream.Output.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
                    }

                    stream.Input.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        return;
                    }
                }
            }
        }
    }

    private sealed class Throwing : ILibp2pProtocolHandler
    {
        public IReadOnlyList<string> Protocols { get; } = ["/throw/1.0.0"];

        public Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler failure under test");
    }
}
