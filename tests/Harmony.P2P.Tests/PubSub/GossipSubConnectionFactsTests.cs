using System.Net;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.PubSub;
using Harmony.P2P.PubSub.Scoring;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>
/// The gossipsub binding feeds the host's connection facts (who dialed, the peer's IP) into the router: D_out and the
/// IP-colocation score P₆ then work over real (in-memory) libp2p connections.
/// </summary>
public class GossipSubConnectionFactsTests
{
    private const string Topic = "harmony/0.0.1/node/shard/0";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static GossipSubOptions Options(PeerScoreParams? score = null, int d = 5, int dLow = 4, int dHigh = 8, int dOut = 2)
    {
        var options = new GossipSubOptions
        {
            D = d,
            DLow = dLow,
            DHigh = dHigh,
            DOut = dOut,
            DScore = Math.Min(2, d),
            SignaturePolicy = SignaturePolicy.StrictNoSign,
            HeartbeatInterval = TimeSpan.FromMilliseconds(40),
            HeartbeatInitialDelay = TimeSpan.FromMilliseconds(10),
        };
        if (score is not null)
        {
            options.Score = score;
        }

        return options;
    }

    private static (InMemoryLibp2pHost Host, GossipSub Gossip) Start(InMemoryLibp2pNetwork network, GossipSubOptions options, string? ip, int seed)
    {
        var host = network.CreateHost(address: ip is null ? null : IPAddress.Parse(ip));
        var gossip = new GossipSub(host, options, random: new Random(seed));
        gossip.Start();
        gossip.Join(Topic);
        return (host, gossip);
    }

    private static async Task DisposeAll(IEnumerable<GossipSub> nodes)
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
    }

    private static PeerScoreParams ColocationScore(params IPNetwork[] whitelist)
    {
        var score = new PeerScoreParams { IPColocationFactorThreshold = 2, IPColocationFactorWeight = -10 };
        foreach (var network in whitelist)
        {
            score.IPColocationFactorWhitelist.Add(network);
        }

        return score;
    }

    [Fact]
    public async Task The_router_learns_direction_and_address_from_the_host()
    {
        var network = new InMemoryLibp2pNetwork(40);
        var (aHost, a) = Start(network, Options(), "192.0.2.1", 1);
        var (bHost, b) = Start(network, Options(), "192.0.2.2", 2);
        InMemoryLibp2pNetwork.Connect(aHost, bHost);
        await Eventually.HoldsAsync(() => a.TopicPeers(Topic).Count == 1 && b.TopicPeers(Topic).Count == 1, "both see each other's subscription", Patience);
        await DisposeAll([a, b]); // stops the routers, so their state can be read without the binding's lock

        a.Router.IsOutbound(bHost.LocalPeer).ShouldBeTrue();
        b.Router.IsOutbound(aHost.LocalPeer).ShouldBeFalse();
        a.Router.PeerAddress(bHost.LocalPeer).ShouldBe(IPAddress.Parse("192.0.2.2"));
        b.Router.PeerAddress(aHost.LocalPeer).ShouldBe(IPAddress.Parse("192.0.2.1"));
    }

    [Fact]
    public async Task Colocated_sybils_get_P6_penalties_and_lose_their_mesh_slots()
    {
        var network = new InMemoryLibp2pNetwork(41);
        var (victimHost, victim) = Start(network, Options(ColocationScore()), "198.51.100.1", 0);
        var nodes = new List<GossipSub> { victim };
        var honest = new List<InMemoryLibp2pHost>();
        var sybils = new List<InMemoryLibp2pHost>();
        for (var i = 0; i < 2; i++)
        {
            var (host, gossip) = Start(network, Options(), $"198.51.100.{10 + i}", 10 + i);
            honest.Add(host);
            nodes.Add(gossip);
            InMemoryLibp2pNetwork.Connect(host, victimHost);
        }

        // Two sybils on one address are within the threshold (2): they score 0 and take mesh slots.
        for (var i = 0; i < 2; i++)
        {
            var (host, gossip) = Start(network, Options(), "203.0.113.66", 20 + i);
            sybils.Add(host);
            nodes.Add(gossip);
            InMemoryLibp2pNetwork.Connect(host, victimHost);
        }

        await Eventually.HoldsAsync(() => victim.MeshPeers(Topic).Count == 4, "the victim's mesh holds all four peers", Patience);

        // Four more on the same address: six colocated, a surplus of 4, so each scores 4² × −10 = −160.
        for (var i = 0; i < 4; i++)
        {
            var (host, gossip) = Start(network, Options(), "203.0.113.66", 30 + i);
            sybils.Add(host);
            nodes.Add(gossip);
            InMemoryLibp2pNetwork.Connect(host, victimHost);
        }

        await Eventually.HoldsAsync(() => victim.Router.Peers.Count == 8, "all eight peers are pubsub peers of the victim", Patience);
        await Eventually.HoldsAsync(() => !victim.MeshPeers(Topic).Intersect(sybils.Select(s => s.LocalPeer)).Any(), "no sybil is left in the mesh", Patience);
        victim.MeshPeers(Topic).ShouldBe(honest.Select(h => h.LocalPeer), ignoreOrder: true);
        await DisposeAll(nodes);

        // Out of the mesh, a sybil's score is P₆ alone; the honest peers keep their time-in-mesh credit.
        sybils.ShouldAllBe(s => victim.Router.Score(s.LocalPeer) == -160);
        honest.ShouldAllBe(h => victim.Router.Score(h.LocalPeer) >= 0);
    }

    [Fact]
    public async Task Peers_on_a_whitelisted_network_are_exempt_from_P6()
    {
        var network = new InMemoryLibp2pNetwork(42);
        var (victimHost, victim) = Start(network, Options(ColocationScore(IPNetwork.Parse("203.0.113.0/24"))), "198.51.100.1", 0);
        var nodes = new List<GossipSub> { victim };
        var colocated = new List<InMemoryLibp2pHost>();
        for (var i = 0; i < 6; i++)
        {
            var (host, gossip) = Start(network, Options(), "203.0.113.66", 50 + i);
            colocated.Add(host);
            nodes.Add(gossip);
            InMemoryLibp2pNetwork.Connect(host, victimHost);
        }

        await Eventually.HoldsAsync(() => victim.MeshPeers(Topic).Count >= 4, "the victim's mesh fills from the colocated peers", Patience);
        await DisposeAll(nodes);
        colocated.ShouldAllBe(c => victim.Router.Score(c.LocalPeer) >= 0);
    }

    [Fact]
    public async Task IPv6_peers_in_one_64_prefix_count_as_colocated()
    {
        var network = new InMemoryLibp2pNetwork(43);
        var (victimHost, victim) = Start(network, Options(ColocationScore()), "2001:db8:1::1", 0);
        var nodes = new List<GossipSub> { victim };
        var sameSlash64 = new List<InMemoryLibp2pHost>();
        for (var i = 0; i < 3; i++)
        {
            var (host, gossip) = Start(network, Options(), $"2001:db8:2::{i + 1:x}", 60 + i);
            sameSlash64.Add(host);
            nodes.Add(gossip);
            InMemoryLibp2pNetwork.Connect(host, victimHost);
        }

        var (otherHost, other) = Start(network, Options(), "2001:db8:3::1", 70);
        nodes.Add(other);
        InMemoryLibp2pNetwork.Connect(otherHost, victimHost);
        await Eventually.HoldsAsync(() => victim.TopicPeers(Topic).Count == 4 && victim.MeshPeers(Topic).Count == 1, "only the peer of another /64 is in the mesh", Patience);
        await DisposeAll(nodes);

        // Three in 2001:db8:2::/64 against a threshold of 2: a surplus of 1 costs each −10 (and keeps them out of the mesh).
        sameSlash64.ShouldAllBe(s => victim.Router.Score(s.LocalPeer) == -10);
        victim.Router.Score(otherHost.LocalPeer).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task A_full_mesh_still_takes_and_keeps_D_out_outbound_peers()
    {
        // D_hi = 4: once four inbound peers fill the hub's mesh, further inbound GRAFTs are pruned; only the peers the
        // hub dialed (outbound, as the host reports) are accepted beyond D_hi and kept when the mesh is pruned back to D.
        var network = new InMemoryLibp2pNetwork(44);
        var hubOptions = Options(d: 4, dLow: 3, dHigh: 4, dOut: 2);
        var (hubHost, hub) = Start(network, hubOptions, "192.0.2.100", 0);
        var nodes = new List<GossipSub> { hub };
        for (var i = 0; i < 10; i++)
        {
            var (host, gossip) = Start(network, Options(), $"192.0.2.{i + 1}", 80 + i);
            nodes.Add(gossip);
            InMemoryLibp2pNetwork.Connect(host, hubHost);
        }

        await Eventually.HoldsAsync(() => hub.TopicPeers(Topic).Count == 10 && hub.MeshPeers(Topic).Count == 4, "the hub's mesh is full of inbound peers", Patience);
        var dialed = new List<InMemoryLibp2pHost>();
        for (var i = 0; i < 2; i++)
        {
            var (host, gossip) = Start(network, Options(), $"192.0.2.{50 + i}", 90 + i);
            nodes.Add(gossip);
            dialed.Add(host);
            InMemoryLibp2pNetwork.Connect(hubHost, host);
        }

        var outbound = dialed.Select(h => h.LocalPeer).ToList();
        await Eventually.HoldsAsync(() => outbound.All(p => hub.MeshPeers(Topic).Contains(p)), "both dialed peers are in the hub's mesh", Patience);

        // Heartbeats keep running (every 40 ms): across a second of them the mesh never drops below D_out outbound peers.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < deadline)
        {
            var mesh = hub.MeshPeers(Topic);
            mesh.Count(outbound.Contains).ShouldBeGreaterThanOrEqualTo(hubOptions.DOut);
            mesh.Count.ShouldBeLessThanOrEqualTo(hubOptions.DHigh + outbound.Count);
            await Task.Delay(30);
        }

        await DisposeAll(nodes);
    }
}
