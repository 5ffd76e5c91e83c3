using Harmony.P2P.Kademlia;
using Harmony.P2P.Simulation;
using static Harmony.P2P.Tests.Kademlia.SimulatedNetworks;

namespace Harmony.P2P.Tests.Kademlia;

/// <summary>Lookups, values and providers on healthy simulated networks of 1,000–2,000 nodes.</summary>
public class KademliaNormalFlowTests
{
    [Fact]
    public void Find_node_returns_the_true_k_closest_live_nodes_in_at_least_99_percent_of_lookups()
    {
        var network = WarmedUp(2000, seed: 11);
        var exact = 0;
        var rounds = new List<int>();
        const int Lookups = 300;
        for (var i = 0; i < Lookups; i++)
        {
            var initiator = RandomLive(network);
            var result = network.Run(initiator.Node.FindClosestPeersAsync(RandomKey(network)));
            exact += FoundTrueClosest(network, result, 20, initiator) ? 1 : 0;
            rounds.Add(result.Rounds);
            result.Messages.ShouldBeGreaterThanOrEqualTo(result.ClosestPeers.Count);
        }

        (exact / (double)Lookups).ShouldBeGreaterThanOrEqualTo(0.99);
        Percentile(rounds, 0.5).ShouldBeLessThanOrEqualTo(4);
        Percentile(rounds, 0.99).ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public void Nodes_that_join_through_one_bootstrap_peer_build_tables_that_find_the_true_closest()
    {
        var network = new SimulatedNetwork(new SimulatedNetworkOptions { Seed = 5 });
        network.AddNodes(1000);
        network.JoinAll();
        network.Nodes.Average(n => n.Node.RoutingTable.Count).ShouldBeGreaterThan(60);
        var exact = 0;
        const int Lookups = 100;
        for (var i = 0; i < Lookups; i++)
        {
            var initiator = RandomLive(network);
            var result = network.Run(initiator.Node.FindClosestPeersAsync(RandomKey(network)));
            exact += FoundTrueClosest(network, result, 20, initiator) ? 1 : 0;
        }

        exact.ShouldBeGreaterThanOrEqualTo(99);
    }

    [Fact]
    public void A_stored_value_is_found_from_any_node_and_stale_copies_are_corrected()
    {
        var network = WarmedUp(1000, seed: 3);
        var key = "/v/answer"u8.ToArray();
        var writer = RandomLive(network).Node;
        network.Run(writer.PutValueAsync(key, "v1"u8.ToArray())).ShouldBeGreaterThanOrEqualTo(19);

        var reader = RandomLive(network).Node;
        var read = network.Run(reader.GetValueAsync(key));
        read.Found.ShouldBeTrue();
        read.Value!.Value.ToArray().ShouldBe("v1"u8.ToArray());

        // Half of the holders get a newer version directly; a quorum read sees both and corrects the rest.
        var holders = network.Run(writer.FindClosestPeersAsync(key)).ClosestPeers;
        foreach (var holder in holders.Take(10))
        {
            network.TryGetNode(holder.Key, out var node).ShouldBeTrue();
            var put = new KadMessage(KadMessageType.PutValue, key, new KadRecord(key, "v2"u8.ToArray(), network.Clock.GetUtcNow()));
            node.Node.HandleRequest(writer.Self, KadMode.Server, put).ShouldNotBeNull();
        }

        var corrected = network.Run(RandomLive(network).Node.GetValueAsync(key, quorum: 20));
        corrected.Value!.Value.ToArray().ShouldBe("v2"u8.ToArray());
        corrected.Corrected.ShouldBeGreaterThan(0);
        var after = network.Run(RandomLive(network).Node.GetValueAsync(key, quorum: 20));
        after.Value!.Value.ToArray().ShouldBe("v2"u8.ToArray());
        after.Corrected.ShouldBe(0);
    }

    [Fact]
    public void Topic_providers_are_discovered_the_way_harmony_uses_provider_records()
    {
        var network = WarmedUp(1000, seed: 4);
        var topic = HarmonyTopics.Node(Harmony.Crypto.HarmonyNetwork.Mainnet, 1);
        var members = Enumerable.Range(0, 8).Select(_ => RandomLive(network)).Distinct().ToList();
        foreach (var member in members)
        {
            network.Run(member.Node.AdvertiseAsync(topic)).ShouldBeGreaterThan(0);
        }

        var found = network.Run(RandomLive(network).Node.FindPeersAsync(topic, limit: 50));
        found.Select(p => p.Key).ToHashSet().SetEquals(members.Select(m => m.Peer.Key)).ShouldBeTrue();
        network.Run(RandomLive(network).Node.FindPeersAsync("harmony/0.0.1/node/shard/9")).ShouldBeEmpty();
    }

    [Fact]
    public void Provider_records_expire_after_48_hours_unless_republished_every_22_hours()
    {
        var network = WarmedUp(300, seed: 6);
        var key = KadDiscovery.NamespaceKey("harmony/sync/partner/0/1.0.0");
        var provider = network.Nodes[1];
        var lapsing = network.Nodes[2];
        using var maintenance = provider.Node.StartMaintenance();
        network.Run(provider.Node.ProvideAsync(key));
        network.Run(lapsing.Node.ProvideAsync(key));
        lapsing.Node.StopProviding(key).ShouldBeTrue();

        network.RunFor(TimeSpan.FromHours(49));
        var found = network.Run(network.Nodes[3].Node.FindProvidersAsync(key));
        found.Providers.Select(p => p.Key).ShouldBe([provider.Peer.Key]);
    }

    [Fact]
    public void Bucket_refresh_on_the_simulated_clock_refills_a_table_that_lost_entries()
    {
        var network = WarmedUp(500, seed: 8);
        var node = network.Nodes[0];
        foreach (var peer in node.Node.RoutingTable.ToList().Skip(5))
        {
            node.Node.RoutingTable.Remove(peer.Key);
        }

        node.Node.RoutingTable.Count.ShouldBe(5);
        using var maintenance = node.Node.StartMaintenance();
        network.RunFor(TimeSpan.FromMinutes(11));
        node.Node.RoutingTable.Count.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Client_mode_nodes_use_the_dht_but_never_enter_routing_tables()
    {
        var network = new SimulatedNetwork(new SimulatedNetworkOptions { Seed = 9 });
        network.AddNodes(300);
        var clients = network.AddNodes(20, KadMode.Client);
        network.JoinAll();
        foreach (var node in network.Nodes)
        {
            foreach (var client in clients)
            {
                node.Node.RoutingTable.Contains(client.Peer.Key).ShouldBeFalse();
            }
        }

        var key = "/v/from-a-client"u8.ToArray();
        network.Run(clients[0].Node.PutValueAsync(key, "x"u8.ToArray())).ShouldBe(20);
        network.Run(clients[1].Node.GetValueAsync(key)).Found.ShouldBeTrue();
        clients[0].Node.StoredRecordCount.ShouldBe(0);
    }
}
