using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>Mesh maintenance and delivery in simulated networks of 30–40 routers on a fake clock.</summary>
public class GossipSubMeshTests
{
    private const string Topic = "harmony/0.0.1/node/shard/1";

    private static GossipSimulation Network(int nodes, int degree, int seed, Func<GossipSubOptions>? options = null)
    {
        var sim = new GossipSimulation(seed);
        for (var i = 0; i < nodes; i++)
        {
            sim.AddNode(options?.Invoke());
        }

        sim.ConnectRandomly(degree);
        foreach (var node in sim.Nodes)
        {
            node.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        return sim;
    }

    [Fact]
    public void Meshes_converge_to_between_D_lo_and_D_hi_in_a_40_node_network()
    {
        var sim = Network(40, degree: 8, seed: 11);
        sim.RunFor(TimeSpan.FromSeconds(15));
        foreach (var node in sim.Nodes)
        {
            var mesh = node.Router.MeshPeers(Topic).Count;
            mesh.ShouldBeInRange(4, 8, $"node {node.Peer} has {node.Router.TopicPeers(Topic).Count} topic peers");
        }

        // Meshes are symmetric once settled: a GRAFT is either accepted or answered with a PRUNE.
        foreach (var node in sim.Nodes)
        {
            foreach (var peer in node.Router.MeshPeers(Topic))
            {
                sim[peer].Router.MeshPeers(Topic).ShouldContain(node.Peer);
            }
        }
    }

    [Fact]
    public void Every_subscriber_receives_every_message_once()
    {
        var sim = Network(30, degree: 6, seed: 3);
        sim.RunFor(TimeSpan.FromSeconds(5));
        var publishers = sim.Nodes.Take(5).ToList();
        for (var i = 0; i < publishers.Count; i++)
        {
            publishers[i].Router.TryPublish(Topic, new byte[] { (byte)i, 0xAB }, out _).ShouldBeTrue();
        }

        sim.RunFor(TimeSpan.FromSeconds(2));
        for (var i = 0; i < publishers.Count; i++)
        {
            foreach (var node in sim.Nodes.Where(n => n != publishers[i]))
            {
                node.Delivered.Count(m => m.Data.Span.SequenceEqual(new[] { (byte)i, (byte)0xAB })).ShouldBe(1);
            }
        }

        sim.Nodes.Sum(n => n.Router.Statistics.Duplicates).ShouldBeGreaterThan(0);
        sim.Nodes.Sum(n => n.RefusedRpcs).ShouldBe(0);
    }

    [Fact]
    public void Messages_lost_on_the_mesh_are_recovered_through_IHAVE_and_IWANT()
    {
        var sim = Network(30, degree: 8, seed: 5, () => new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign, FloodPublish = false });
        sim.RunFor(TimeSpan.FromSeconds(5));
        var victim = sim.Nodes[7];

        // Every full message pushed to the victim by a mesh peer is lost; only gossip-driven IWANT answers get through.
        sim.DropMessage = (from, to, _) => to == victim && to.Router.MeshPeers(Topic).Contains(from.Peer);
        var publisher = sim.Nodes[20];
        for (var i = 0; i < 5; i++)
        {
            publisher.Router.TryPublish(Topic, new[] { (byte)i, (byte)0x77 }, out _).ShouldBeTrue();
            sim.RunFor(TimeSpan.FromMilliseconds(200));
        }

        sim.RunFor(TimeSpan.FromSeconds(3));
        for (var i = 0; i < 5; i++)
        {
            victim.HasDelivered(new[] { (byte)i, (byte)0x77 }).ShouldBeTrue($"message {i}");
        }

        victim.Router.Statistics.IWantRequested.ShouldBeGreaterThanOrEqualTo(5);
        sim.Nodes.Sum(n => n.Router.Statistics.IWantServed).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void Publishing_to_a_topic_not_joined_uses_a_fanout_of_D_peers_that_expires()
    {
        var sim = Network(20, degree: 8, seed: 9);
        var outsider = sim.AddNode();
        foreach (var node in sim.Nodes.Take(12))
        {
            GossipSimulation.Connect(outsider, node);
        }

        sim.RunFor(TimeSpan.FromSeconds(3));
        var options = new GossipSubOptions();
        outsider.Router.Options.FloodPublish.ShouldBeTrue();
        outsider.Router.TryPublish(Topic, "tx"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromSeconds(2));
        sim.Nodes.Where(n => n != outsider).All(n => n.HasDelivered("tx"u8.ToArray())).ShouldBeTrue();

        // Without flood publishing the same node keeps a fanout of D peers for FanoutTtl after its last publish.
        var quiet = sim.AddNode(new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign, FloodPublish = false });
        foreach (var node in sim.Nodes.Take(12))
        {
            GossipSimulation.Connect(quiet, node);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(1));
        quiet.Router.TryPublish(Topic, "tx2"u8.ToArray(), out _).ShouldBeTrue();
        quiet.Router.FanoutPeers(Topic).Count.ShouldBe(options.D);
        sim.RunFor(TimeSpan.FromSeconds(2));
        sim.Nodes.Where(n => n != quiet && n != outsider).All(n => n.HasDelivered("tx2"u8.ToArray())).ShouldBeTrue();
        sim.RunFor(options.FanoutTtl + TimeSpan.FromSeconds(2));
        quiet.Router.FanoutPeers(Topic).ShouldBeEmpty();
    }

    [Fact]
    public void A_floodsub_peer_gets_messages_but_no_control()
    {
        var sim = new GossipSimulation(21);
        var gossip = sim.AddNode();
        var flood = sim.AddNode();
        var other = sim.AddNode();
        GossipSimulation.Connect(gossip, flood, Harmony.P2P.PubSub.PubSubPeerKind.FloodSub);
        GossipSimulation.Connect(gossip, other);
        foreach (var node in sim.Nodes)
        {
            node.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(3));
        gossip.Router.MeshPeers(Topic).ShouldNotContain(flood.Peer);
        other.Router.TryPublish(Topic, "to flood"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromSeconds(1));
        flood.HasDelivered("to flood"u8).ShouldBeTrue();
    }
}
