using Harmony.Crypto.Encoding.Protobuf;
using Harmony.P2P.HarmonyPubSub;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.Protobuf;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>The gossipsub binding on in-memory libp2p hosts: real streams, real timers, StrictSign with Ed25519.</summary>
public class GossipSubOverLibp2pTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static GossipSubOptions Fast() => new()
    {
        HeartbeatInterval = TimeSpan.FromMilliseconds(50),
        HeartbeatInitialDelay = TimeSpan.FromMilliseconds(10),
    };

    private static async Task<List<GossipSub>> StartAsync(InMemoryLibp2pNetwork network, int count, Func<int, GossipSubOptions>? options = null)
    {
        var services = new List<GossipSub>();
        var hosts = new List<InMemoryLibp2pHost>();
        for (var i = 0; i < count; i++)
        {
            var key = new Ed25519TestKey(500 + i);
            var host = network.CreateHost(key.PeerId);
            hosts.Add(host);
            var gossip = new GossipSub(host, options?.Invoke(i) ?? Fast(), key, Ed25519TestVerifier.Instance, random: new Random(i));
            gossip.Start();
            services.Add(gossip);
        }

        // A ring plus chords: every node has 4 neighbours.
        for (var i = 0; i < count; i++)
        {
            InMemoryLibp2pNetwork.Connect(hosts[i], hosts[(i + 1) % count]);
            InMemoryLibp2pNetwork.Connect(hosts[i], hosts[(i + 3) % count]);
        }

        await Task.Yield();
        return services;
    }

    [Fact]
    public async Task Signed_messages_reach_every_subscriber_over_streams()
    {
        var network = new InMemoryLibp2pNetwork(1);
        var nodes = await StartAsync(network, 10);
        const string topic = "harmony/0.0.1/node/shard/2";
        var received = nodes.Select(_ => new System.Collections.Concurrent.ConcurrentBag<string>()).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            var bag = received[i];
            nodes[i].MessageReceived += m => bag.Add(System.Text.Encoding.ASCII.GetString(m.Message.Data.Span));
            nodes[i].Join(topic);
        }

        await Eventually.HoldsAsync(() => nodes.All(n => n.MeshPeers(topic).Count >= 4), patience: Patience);
        for (var i = 0; i < 3; i++)
        {
            nodes[i * 3].TryPublish(topic, System.Text.Encoding.ASCII.GetBytes($"m{i}"), out _).ShouldBeTrue();
        }

        await Eventually.HoldsAsync(() => Enumerable.Range(0, nodes.Count).All(i => received[i].Count == (i % 3 == 0 && i < 9 ? 2 : 3)), patience: Patience);
        received[1].OrderBy(x => x).ShouldBe(["m0", "m1", "m2"]);
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Garbage_and_oversized_frames_reset_only_that_stream()
    {
        var network = new InMemoryLibp2pNetwork(2);
        var nodes = await StartAsync(network, 2, _ => new GossipSubOptions
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(50),
            Limits = new PubSubLimits { MaxRpcSize = 4096, MaxMessageSize = 1024 },
        });
        var intruder = network.CreateHost();
        var victimHost = network.Hosts.First(h => h.LocalPeer == nodes[0].Router.LocalPeer);
        InMemoryLibp2pNetwork.Connect(intruder, victimHost);

        var oversized = (await intruder.OpenStreamAsync(victimHost.LocalPeer, PubSubProtocols.All))!;
        var header = new byte[8];
        var length = Varint.Write(header, 1 << 20);
        await oversized.Output.WriteAsync(header.AsMemory(0, length));
        await Should.ThrowAsync<IOException>(async () => await oversized.Input.ReadAsync().AsTask().WaitAsync(Patience));

        var garbage = (await intruder.OpenStreamAsync(victimHost.LocalPeer, PubSubProtocols.All))!;
        await LengthPrefixedFrames.WriteAsync(garbage.Output, new byte[] { 0x0A, 0x7F, 0x01 });
        await Should.ThrowAsync<IOException>(async () => await garbage.Input.ReadAsync().AsTask().WaitAsync(Patience));

        // The honest pair still works.
        var got = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        nodes[1].MessageReceived += m => got.TrySetResult(System.Text.Encoding.ASCII.GetString(m.Message.Data.Span));
        nodes[0].Join("t");
        nodes[1].Join("t");
        await Eventually.HoldsAsync(() => nodes[0].TopicPeers("t").Count == 1, patience: Patience);
        nodes[0].TryPublish("t", "still fine"u8.ToArray(), out _).ShouldBeTrue();
        (await got.Task.WaitAsync(Patience)).ShouldBe("still fine");
        nodes[0].TryPublish("t", new byte[2000], out _).ShouldBeFalse();
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Harmony_pubsub_over_gossip_delivers_framed_payloads_and_rejects_misplaced_consensus()
    {
        var network = new InMemoryLibp2pNetwork(3);
        var nodes = await StartAsync(network, 4);
        var pubsubs = nodes.Select(n => new GossipHarmonyPubSub(n)).ToList();
        var shard = HarmonyTopics.Node(Harmony.Crypto.HarmonyNetwork.Mainnet, 1);
        var client = HarmonyTopics.Client(Harmony.Crypto.HarmonyNetwork.Mainnet, 0);
        foreach (var pubsub in pubsubs)
        {
            pubsub.Join(shard);
            pubsub.Join(client);
        }

        // Four nodes in a ring, two neighbours each: wait until every mesh holds both, so nothing is published
        // into a mesh still forming (a message forwarded before a GRAFT is never gossiped to the new mesh peer).
        await Eventually.HoldsAsync(() => nodes.All(n => n.TopicPeers(shard).Count == 2 && n.TopicPeers(client).Count == 2 && n.MeshPeers(shard).Count == 2), patience: Patience);
        pubsubs[0].Publish(client, HarmonyMessageCategory.Consensus, "misplaced"u8).ShouldBeTrue();
        pubsubs[0].Publish(shard, HarmonyMessageCategory.Consensus, "prepare"u8).ShouldBeTrue();
        foreach (var receiver in pubsubs.Skip(1))
        {
            var message = await receiver.Messages.ReadAsync().AsTask().WaitAsync(Patience);
            message.Topic.ShouldBe(shard);
            message.Sender.ShouldBe(pubsubs[0].LocalPeer);
            message.Category.ShouldBe(HarmonyMessageCategory.Consensus);
            message.Body.ToArray().ShouldBe("prepare"u8.ToArray());
            receiver.Messages.TryRead(out _).ShouldBeFalse();
        }

        pubsubs[0].Messages.TryRead(out _).ShouldBeFalse();
        nodes.Skip(1).Sum(n => n.Router.Statistics.Rejected).ShouldBeGreaterThan(0);
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
    }
}
