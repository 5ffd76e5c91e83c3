using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.PubSub;
using Harmony.P2P.PubSub.Scoring;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>Direct peers (explicit peering agreements): always sent every message, never in a mesh, reconnected.</summary>
public class GossipSubDirectPeersTests
{
    private const string Topic = "harmony/0.0.1/node/shard/3";

    private static GossipSubOptions Options(params PeerId[] direct)
    {
        var options = new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign, FloodPublish = false, DirectConnectTicks = 5 };
        foreach (var peer in direct)
        {
            options.DirectPeers.Add(peer);
        }

        return options;
    }

    [Fact]
    public void Direct_peers_get_every_message_but_are_never_grafted()
    {
        var sim = new GossipSimulation(71);
        var ids = Enumerable.Range(0, 8).Select(_ => InMemoryLibp2pNetwork.RandomPeerId(sim.Random)).ToList();
        var hub = sim.AddNode(Options(ids[1]), ids[0]);
        var direct = sim.AddNode(Options(ids[0]), ids[1]);
        var others = ids.Skip(2).Select(id => sim.AddNode(Options(), id)).ToList();
        GossipSimulation.Connect(hub, direct);
        foreach (var other in others)
        {
            GossipSimulation.Connect(other, hub);
        }

        foreach (var node in sim.Nodes)
        {
            node.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(5));
        hub.Router.MeshPeers(Topic).ShouldNotContain(direct.Peer);
        direct.Router.MeshPeers(Topic).ShouldBeEmpty();
        hub.Router.MeshPeers(Topic).Count.ShouldBeInRange(4, 6);

        // Messages published by the hub and by a mesh peer (forwarded by the hub) both reach the direct peer.
        hub.Router.TryPublish(Topic, "from the hub"u8.ToArray(), out _).ShouldBeTrue();
        others[0].Router.TryPublish(Topic, "from a leaf"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromSeconds(1));
        direct.HasDelivered("from the hub"u8).ShouldBeTrue();
        direct.HasDelivered("from a leaf"u8).ShouldBeTrue();

        // And the direct peer's messages reach the others through the hub.
        direct.Router.TryPublish(Topic, "from the direct peer"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromSeconds(1));
        var fromDirect = "from the direct peer"u8.ToArray();
        others.ShouldAllBe(o => o.HasDelivered(fromDirect));
        hub.Router.Statistics.GraftsSent.ShouldBeGreaterThan(0);
        direct.Router.Statistics.GraftsSent.ShouldBe(0);
    }

    [Fact]
    public void A_graft_from_a_direct_peer_is_answered_with_a_prune_without_peer_exchange()
    {
        var sim = new GossipSimulation(72);
        var hubId = InMemoryLibp2pNetwork.RandomPeerId(sim.Random);
        var peerId = InMemoryLibp2pNetwork.RandomPeerId(sim.Random);
        var hubOptions = Options(peerId);
        hubOptions.PeerExchange = true;
        var hub = sim.AddNode(hubOptions, hubId);

        // The other side did not configure the agreement, so it treats the hub as an ordinary peer and grafts it. It
        // would pass on any peer exchange it got (threshold 0), so an empty exchange list shows the PRUNE carried none.
        var misconfiguredOptions = Options();
        misconfiguredOptions.PeerExchange = true;
        misconfiguredOptions.Thresholds = new PeerScoreThresholds { AcceptPeerExchange = 0 };
        var misconfigured = sim.AddNode(misconfiguredOptions, peerId);
        var leaf = sim.AddNode(Options());
        GossipSimulation.Connect(misconfigured, hub);
        GossipSimulation.Connect(leaf, hub);
        hub.Router.Join(Topic);
        leaf.Router.Join(Topic);
        misconfigured.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        misconfigured.Router.Heartbeat();
        misconfigured.Router.MeshPeers(Topic).ShouldBe([hub.Peer]);

        var prunesBefore = hub.Router.Statistics.PrunesSent;
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        hub.Router.Statistics.PrunesSent.ShouldBe(prunesBefore + 1);
        hub.Router.MeshPeers(Topic).ShouldNotContain(misconfigured.Peer);
        hub.Router.TopicPeers(Topic).ShouldContain(leaf.Peer);
        misconfigured.Router.MeshPeers(Topic).ShouldBeEmpty();
        misconfigured.Router.IsBackedOff(hub.Peer, Topic).ShouldBeTrue();
        misconfigured.Exchanges.ShouldBeEmpty();
    }

    [Fact]
    public void Missing_direct_peers_are_asked_for_at_the_first_heartbeat_and_every_DirectConnectTicks()
    {
        var sim = new GossipSimulation(73);
        var absent = InMemoryLibp2pNetwork.RandomPeerId(sim.Random);
        var presentId = InMemoryLibp2pNetwork.RandomPeerId(sim.Random);
        var node = sim.AddNode(Options(absent, presentId));
        var present = sim.AddNode(Options(), presentId);
        GossipSimulation.Connect(node, present);
        for (var i = 0; i < 11; i++)
        {
            node.Router.Heartbeat();
        }

        // Heartbeats 1, 5 and 10; the connected direct peer is never asked for.
        node.ReconnectRequests.ShouldBe([absent, absent, absent]);
        node.Router.Statistics.DirectReconnects.ShouldBe(3);
        node.Router.IsDirect(absent).ShouldBeTrue();
        node.Router.IsDirect(node.Peer).ShouldBeFalse();
    }

    [Fact]
    public void A_direct_peer_is_never_graylisted()
    {
        var sim = new GossipSimulation(74);
        var hubId = InMemoryLibp2pNetwork.RandomPeerId(sim.Random);
        var directId = InMemoryLibp2pNetwork.RandomPeerId(sim.Random);
        var strangerId = InMemoryLibp2pNetwork.RandomPeerId(sim.Random);
        var options = Options(directId);
        options.Score = new PeerScoreParams { AppSpecificScore = p => p.Equals(hubId) ? 0 : -1000 };
        var hub = sim.AddNode(options, hubId);
        var direct = sim.AddNode(Options(hubId), directId);
        var strangerOptions = Options();
        strangerOptions.FloodPublish = true;
        var stranger = sim.AddNode(strangerOptions, strangerId);
        GossipSimulation.Connect(hub, direct);
        GossipSimulation.Connect(hub, stranger);
        hub.Router.Join(Topic);
        direct.Router.Join(Topic);
        stranger.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromMilliseconds(50));

        hub.Router.Score(direct.Peer).ShouldBe(-1000);
        hub.Router.TopicPeers(Topic).ShouldBe([direct.Peer]);
        direct.Router.TryPublish(Topic, "accepted"u8.ToArray(), out _).ShouldBeTrue();
        stranger.Router.TryPublish(Topic, "dropped"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        hub.HasDelivered("accepted"u8).ShouldBeTrue();
        hub.HasDelivered("dropped"u8).ShouldBeFalse();
        hub.Router.Statistics.GraylistedRpcs.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Direct_peer_options_are_validated()
    {
        var local = InMemoryLibp2pNetwork.RandomPeerId(new Random(1));
        var other = InMemoryLibp2pNetwork.RandomPeerId(new Random(2));
        var validator = new GossipSubOptionsValidator();
        validator.Validate(null, Options(other)).Succeeded.ShouldBeTrue();
        validator.Validate(null, Options(other, other)).FailureMessage!.ShouldContain("DirectPeers");
        var zeroTicks = Options(other);
        zeroTicks.DirectConnectTicks = 0;
        validator.Validate(null, zeroTicks).FailureMessage!.ShouldContain("DirectConnectTicks");
        var sink = new GossipSimulation(1).AddNode();
        Should.Throw<ArgumentException>(() => new GossipSubRouter(local, sink, Options(local)))
            .Message.ShouldContain("direct peer");
    }

    [Fact]
    public async Task The_binding_redials_a_disconnected_direct_peer_and_delivery_resumes()
    {
        var network = new InMemoryLibp2pNetwork(75);
        var aHost = network.CreateHost();
        var bHost = network.CreateHost();
        GossipSubOptions BindingOptions(PeerId direct)
        {
            var options = Options(direct);
            options.HeartbeatInterval = TimeSpan.FromMilliseconds(30);
            options.HeartbeatInitialDelay = TimeSpan.FromMilliseconds(10);
            options.DirectConnectTicks = 3;
            options.DirectPeerDialer = (peer, _) =>
            {
                network.TryGetHost(peer, out var remote).ShouldBeTrue();
                InMemoryLibp2pNetwork.Connect(aHost, remote!);
                return ValueTask.CompletedTask;
            };
            return options;
        }

        await using var a = new GossipSub(aHost, BindingOptions(bHost.LocalPeer), random: new Random(1));
        var bOptions = Options(aHost.LocalPeer);
        bOptions.HeartbeatInterval = TimeSpan.FromMilliseconds(30);
        await using var b = new GossipSub(bHost, bOptions, random: new Random(2));
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        b.MessageReceived += m => received.Enqueue(System.Text.Encoding.ASCII.GetString(m.Message.Data.Span));
        a.Start();
        b.Start();
        a.Join(Topic);
        b.Join(Topic);

        // Nobody connected them: A's first heartbeat dials its direct peer B.
        await Eventually.HoldsAsync(() => a.TopicPeers(Topic).Count == 1);
        a.MeshPeers(Topic).ShouldBeEmpty();
        a.TryPublish(Topic, "first"u8.ToArray(), out _).ShouldBeTrue();
        await Eventually.HoldsAsync(() => received.Contains("first"));

        InMemoryLibp2pNetwork.Disconnect(aHost, bHost);
        await Eventually.HoldsAsync(() => aHost.ConnectedPeers.Count == 1 && a.TopicPeers(Topic).Count == 1);
        a.TryPublish(Topic, "second"u8.ToArray(), out _).ShouldBeTrue();
        await Eventually.HoldsAsync(() => received.Contains("second"));
        a.Router.Statistics.DirectReconnects.ShouldBeGreaterThanOrEqualTo(2);
    }
}
