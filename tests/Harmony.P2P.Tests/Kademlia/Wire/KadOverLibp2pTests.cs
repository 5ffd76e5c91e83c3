using Harmony.P2P.Kademlia;
using Harmony.P2P.Kademlia.Wire;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.Protobuf;

namespace Harmony.P2P.Tests.Kademlia.Wire;

/// <summary>KadNodes talking <c>/ipfs/kad/1.0.0</c> through the in-memory libp2p host.</summary>
public class KadOverLibp2pTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static (InMemoryLibp2pHost Host, KadNode Node)[] Network(int count, int seed)
    {
        var network = new InMemoryLibp2pNetwork(seed);
        var nodes = new (InMemoryLibp2pHost Host, KadNode Node)[count];
        for (var i = 0; i < count; i++)
        {
            var host = network.CreateHost();
            var transport = new Libp2pKadTransport(host);
            var node = new KadNode(Libp2pKadTransport.ToKadPeer(host.LocalPeer), transport, random: new Random(seed + i));
            host.SetHandler(new KadProtocolHandler(node, senderMode: _ => KadMode.Server));
            nodes[i] = (host, node);
        }

        // Everyone is connected to everyone (the in-memory host cannot dial by address).
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                InMemoryLibp2pNetwork.Connect(nodes[i].Host, nodes[j].Host);
            }
        }

        return nodes;
    }

    [Fact]
    public async Task Find_node_put_and_get_work_across_twelve_nodes()
    {
        var nodes = Network(12, seed: 7);
        foreach (var (_, node) in nodes.Skip(1))
        {
            (await node.BootstrapAsync([nodes[0].Node.Self]).WaitAsync(Patience)).ShouldBeGreaterThan(0);
        }

        var target = nodes[11].Node.Self;
        var found = await nodes[1].Node.FindPeerAsync(target.Id).WaitAsync(Patience);
        found.ShouldBe(target);

        var key = "/v/harmony"u8.ToArray();
        (await nodes[2].Node.PutValueAsync(key, "shard 1"u8.ToArray()).WaitAsync(Patience)).ShouldBeGreaterThan(0);
        var got = await nodes[9].Node.GetValueAsync(key).WaitAsync(Patience);
        got.Found.ShouldBeTrue();
        got.Value!.Value.ToArray().ShouldBe("shard 1"u8.ToArray());
    }

    [Fact]
    public async Task Unreachable_peers_and_refused_protocols_give_null_not_exceptions()
    {
        var network = new InMemoryLibp2pNetwork(3);
        var a = network.CreateHost();
        var b = network.CreateHost();
        var transport = new Libp2pKadTransport(a);
        var request = new KadMessage(KadMessageType.FindNode, a.LocalPeer.Memory);
        (await transport.RequestAsync(Libp2pKadTransport.ToKadPeer(b.LocalPeer), request)).ShouldBeNull();
        InMemoryLibp2pNetwork.Connect(a, b);
        (await transport.RequestAsync(Libp2pKadTransport.ToKadPeer(b.LocalPeer), request)).ShouldBeNull();
        (await transport.RequestAsync(new KadPeer("not a multihash"u8), request)).ShouldBeNull();
    }

    [Fact]
    public async Task A_silent_peer_times_out()
    {
        var network = new InMemoryLibp2pNetwork(4);
        var a = network.CreateHost();
        var b = network.CreateHost();
        b.SetHandler(new SilentHandler());
        InMemoryLibp2pNetwork.Connect(a, b);
        var transport = new Libp2pKadTransport(a, new KadWireOptions { RequestTimeout = TimeSpan.FromMilliseconds(100) });
        (await transport.RequestAsync(Libp2pKadTransport.ToKadPeer(b.LocalPeer), new KadMessage(KadMessageType.FindNode, "k"u8.ToArray()))).ShouldBeNull();
    }

    [Fact]
    public async Task Oversized_and_garbage_frames_reset_the_inbound_stream()
    {
        var network = new InMemoryLibp2pNetwork(5);
        var client = network.CreateHost();
        var server = network.CreateHost();
        var node = new KadNode(Libp2pKadTransport.ToKadPeer(server.LocalPeer), new Libp2pKadTransport(server), random: new Random(5));
        server.SetHandler(new KadProtocolHandler(node, new KadWireOptions { MaxMessageSize = 64 }));
        InMemoryLibp2pNetwork.Connect(client, server);

        foreach (var frame in new[] { new byte[] { 0x80, 0x01 }, new byte[] { 0x03, 0xFF, 0xFF, 0xFF } })
        {
            var stream = (await client.OpenStreamAsync(server.LocalPeer, ["/ipfs/kad/1.0.0"]))!;
            await stream.Output.WriteAsync(frame);
            await Should.ThrowAsync<IOException>(async () => await LengthPrefixedFrames.ReadAsync(stream.Input, 1024).AsTask().WaitAsync(Patience));
            await stream.DisposeAsync();
        }

        // A valid request on a fresh stream is still served: the process and the host are unaffected.
        var ok = (await client.OpenStreamAsync(server.LocalPeer, ["/ipfs/kad/1.0.0"]))!;
        await LengthPrefixedFrames.WriteAsync(ok.Output, KadWireCodec.Encode(new KadMessage(KadMessageType.FindNode, "k"u8.ToArray())));
        var answer = await LengthPrefixedFrames.ReadAsync(ok.Input, 1024).AsTask().WaitAsync(Patience);
        answer.Status.ShouldBe(FrameReadStatus.Frame);
        KadWireCodec.TryDecode(answer.Payload, new KadOptions(), out var message, out _).ShouldBeTrue();
        message.Type.ShouldBe(KadMessageType.FindNode);
    }

    private sealed class SilentHandler : ILibp2pProtocolHandler
    {
        public IReadOnlyList<string> Protocols { get; } = ["/ipfs/kad/1.0.0"];

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            await using (stream.ConfigureAwait(false))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
