using Harmony.P2P.Kademlia;
using Harmony.P2P.Simulation;

namespace Harmony.Benchmarks.Kademlia;

/// <summary>Ground truth and distribution helpers for the Kademlia report.</summary>
internal static class KademliaStatistics
{
    /// <summary>The <paramref name="k"/> closest live servers satisfying <paramref name="where"/>, by a linear top-k scan.</summary>
    public static List<SimulatedNode> Closest(SimulatedNetwork network, KadKey target, int k, Func<SimulatedNode, bool> where)
    {
        var best = new List<SimulatedNode>(k + 1);
        foreach (var node in network.Nodes)
        {
            if (!node.IsAlive || node.Mode != KadMode.Server || !where(node))
            {
                continue;
            }

            if (best.Count == k && target.CompareDistance(node.Peer.Key, best[^1].Peer.Key) >= 0)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && target.CompareDistance(node.Peer.Key, best[at - 1].Peer.Key) < 0)
            {
                at--;
            }

            best.Insert(at, node);
            if (best.Count > k)
            {
                best.RemoveAt(k);
            }
        }

        return best;
    }

    public static SimulatedNode RandomHonest(SimulatedNetwork network)
    {
        while (true)
        {
            var node = network.Nodes[network.Random.Next(network.Nodes.Count)];
            if (node.IsAlive && node.Behavior == SimulatedBehavior.Honest)
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

    public static string Describe(List<int> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return $"median {At(0.5)}, p90 {At(0.9)}, p99 {At(0.99)}, max {sorted[^1]}, mean {sorted.Average():F1}";
    }

    public static string Histogram(List<int> values, int bucketWidth = 1)
    {
        var groups = values.GroupBy(v => v / bucketWidth * bucketWidth).OrderBy(g => g.Key);
        return string.Join(", ", groups.Select(g => bucketWidth == 1
            ? $"{g.Key}: {100.0 * g.Count() / values.Count:F1}%"
            : $"{g.Key}–{g.Key + bucketWidth - 1}: {100.0 * g.Count() / values.Count:F1}%"));
    }
}
