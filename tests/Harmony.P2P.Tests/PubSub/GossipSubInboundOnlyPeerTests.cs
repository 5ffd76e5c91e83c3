using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.Protobuf;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>A peer that reaches us over an inbound pubsub stream while our own stream to it cannot be opened.</summary>
public sealed class GossipSubInboundOnlyPeerTests
{
    private const string Topic = "harmony/0.0.1/node/shard/1";

    [Fact]
    public async Task Stays_a_router_peer_while_its_inbound_stream_is_read_and_leaves_when_it_ends()
    {
        var network = new InMemoryLibp2pNetwork(31);
        var localHost = network.CreateHost();
        var remote = network.CreateHost(); // serves no pubsub protocol, so our outbound stream to it fails
        await using var gossip = new GossipSub(localHost, new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign });
        gossip.Start();
        InMemoryLibp2pNetwork.Connect(remote, localHost);

        var stream = (await remote.OpenStreamAsync(localHost.LocalPeer, PubSubProtocols.All))!;
        var rpc = new PubSubRpc();
        rpc.Subscriptions.Add(new SubscriptionChange(true, Topic));
        await LengthPrefixedFrames.WriteAsync(stream.Output, PubSubRpcCodec.Encode(rpc));

        await Eventually.HoldsAsync(() => gossip.TopicPeers(Topic).Contains(remote.LocalPeer), "the subscription is recorded");

        // Give the failed outbound attempt every chance to run; the peer must survive it.
        await Task.Delay(300);
        gossip.TopicPeers(Topic).ShouldContain(remote.LocalPeer);

        await stream.CloseWriteAsync();
        await Eventually.HoldsAsync(() => !gossip.TopicPeers(Topic).Contains(remote.LocalPeer), "the peer is gone once its only stream ended");
        await stream.DisposeAsync();
    }
}
