using Harmony.P2P.Kademlia;
using Harmony.P2P.Simulation;

namespace Harmony.P2P.Tests.Kademlia;

/// <summary>Builders and ground-truth helpers shared by the scenario tests.</summary>
internal static class SimulatedNetworks
{
    public static SimulatedNetwork WarmedUp(int nodes, int seed, Action<SimulatedNetworkOptions>? configure = null)
    {
        var options = new SimulatedNetworkOptions { Seed = seed };
        configure?.Invoke(options);
        var network = new SimulatedNetwork(options);
        network.AddNodes(nodes);
        network.WarmUpRoutingTables();
        return network;
    }

    public static SimulatedNode RandomLive(SimulatedNetwork network, Func<SimulatedNode, bool>? where = null)
    {
        while (true)
        {
            var node = network.Nodes[network.Random.Next(network.Nodes.Count)];
            if (node.IsAlive && node.Behavior == SimulatedBehavior.Honest && (where is null || where(node)))
            {
                return node;
            }
        }
    }

    public static byte[] RandomKey(SimulatedNetwork network)
    {
        var key = new byte[34];
        network.Random.NextBytes(key);
        return key;
    }

    /// <summary>Whether the lookup returned exactly the k closest live servers other than its initiator.</summary>
    public static bool FoundTrueClosest(SimulatedNetwork network, KadLookupResult result, int k, SimulatedNode initiator)
    {
        var truth = network.ClosestLiveServers(result.Target, k, n => n != initiator);
        if (result.ClosestPeers.Count != truth.Count)
        {
            return false;
        }

        for (var i = 0; i < truth.Count; i++)
        {
            if (result.ClosestPeers[i].Key != truth[i].Peer.Key)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A lookup succeeds when every peer it returns is alive, the closest live server is among them, and it returns at
    /// least three quarters of k. (With nodes dead without notice the last of the k closest live peers can be
    /// unknowable: every table near the target still lists dead peers in their place until failures evict them.)
    /// </summary>
    public static bool Succeeded(SimulatedNetwork network, KadLookupResult result, int k, SimulatedNode initiator)
    {
        var closest = network.ClosestLiveServers(result.Target, 1, n => n != initiator)[0];
        return result.ClosestPeers.Count >= k * 3 / 4
            && result.ClosestPeers.All(p => network.TryGetNode(p.Key, out var node) && node.IsAlive)
            && result.ClosestPeers.Any(p => p.Key == closest.Peer.Key);
    }

    /// <summary>How many of the true k closest live servers the lookup returned.</summary>
    public static int Overlap(SimulatedNetwork network, KadLookupResult result, int k, SimulatedNode initiator)
    {
        var truth = network.ClosestLiveServers(result.Target, k, n => n != initiator);
        return truth.Count(t => result.ClosestPeers.Any(p => p.Key == t.Peer.Key));
    }

    public static double Percentile(List<int> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
