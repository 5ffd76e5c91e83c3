using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>Which peers a mesh keeps: the outbound quota when pruning, and opportunistic grafting of better peers.</summary>
public class GossipSubMeshSelectionTests
{
    private const string Topic = "hmy/testnet/0.0.1/node/shard/1";

    [Fact]
    public void Pruning_an_oversubscribed_mesh_keeps_D_out_outbound_peers()
    {
        var sim = new GossipSimulation(31);
        var hub = sim.AddNode();
        var inbound = Enumerable.Range(0, 12).Select(_ => sim.AddNode()).ToList();
        var outbound = Enumerable.Range(0, 2).Select(_ => sim.AddNode()).ToList();
        foreach (var leaf in inbound)
        {
            GossipSimulation.Connect(leaf, hub);
        }

        foreach (var leaf in outbound)
        {
            GossipSimulation.Connect(hub, leaf);
        }

        foreach (var node in sim.Nodes)
        {
            node.Router.Join(Topic);
        }

        // The leaves' heartbeats graft the hub (each leaf has the hub only); then the hub's heartbeat prunes to D.
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        foreach (var leaf in inbound.Concat(outbound))
        {
            leaf.Router.Heartbeat();
        }

        sim.RunFor(TimeSpan.FromMilliseconds(50));
        hub.Router.MeshPeers(Topic).Count.ShouldBeGreaterThan(8);
        hub.Router.Heartbeat();
        var mesh = hub.Router.MeshPeers(Topic);
        mesh.Count.ShouldBe(hub.Router.Options.D);
        foreach (var leaf in outbound)
        {
            mesh.ShouldContain(leaf.Peer);
        }
    }

    [Fact]
    public void Opportunistic_grafting_adds_peers_scoring_above_a_poor_mesh_median()
    {
        var sim = new GossipSimulation(32);
        var options = new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign, OpportunisticGraftTicks = 5 };
        var node = sim.AddNode(options);
        var ordinary = Enumerable.Range(0, 6).Select(_ => sim.AddNode()).ToList();
        foreach (var peer in ordinary)
        {
            GossipSimulation.Connect(node, peer);
            peer.Router.Join(Topic);
        }

        sim.RunFor(TimeSpan.FromMilliseconds(50));
        node.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        node.Router.MeshPeers(Topic).Count.ShouldBe(options.D);

        var good = Enumerable.Range(0, 2).Select(_ => sim.AddNode()).ToList();
        options.Score!.AppSpecificScore = p => good.Any(g => g.Peer == p) ? 5 : 0;
        foreach (var peer in good)
        {
            GossipSimulation.Connect(node, peer);
            peer.Router.Join(Topic);
        }

        // The good peers never run a heartbeat, so they never graft on their own: only the node can bring them in.
        sim.StartHeartbeats([node, .. ordinary]);
        sim.RunFor(TimeSpan.FromSeconds(1.5));
        var mesh = node.Router.MeshPeers(Topic);
        mesh.ShouldNotContain(good[0].Peer);
        mesh.ShouldNotContain(good[1].Peer);

        sim.RunFor(TimeSpan.FromSeconds(5));
        mesh = node.Router.MeshPeers(Topic);
        foreach (var peer in good)
        {
            mesh.ShouldContain(peer.Peer);
            peer.Router.MeshPeers(Topic).ShouldContain(node.Peer);
        }
    }
}
