using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harmony.P2P.Kademlia;
using Harmony.P2P.Simulation;
using static Harmony.Benchmarks.Kademlia.KademliaStatistics;

namespace Harmony.Benchmarks.Kademlia;

/// <summary>
/// The 10,000-node statistics of issue 7: exact-k success, rounds, hops and message distributions without churn
/// and with 20% of nodes dead without notice, values stored before the failures, an eclipse attempt against plain
/// and disjoint-path lookups, and retained memory per simulated node. Deterministic for a given seed.
/// </summary>
internal static class KademliaReport
{
    public static string Run(int nodes, int lookups, int seed)
    {
        var text = new StringBuilder();
        void Line(string s) => text.AppendLine(CultureInfo.InvariantCulture, $"{s}");
        Line($"# Kademlia simulation report: {nodes} nodes, {lookups} lookups per scenario, seed {seed}");
        Line($"k = 20, α = 10, β = 3; per-node access latency 5–60 ms + ≤10 ms jitter; request timeout 2 s.");
        Line("");

        // Memory per node: retained heap of a warmed-up network divided by its node count.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var network = new SimulatedNetwork(new SimulatedNetworkOptions { Seed = seed });
        network.AddNodes(nodes);
        network.WarmUpRoutingTables();
        var buildTime = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var tables = network.Nodes.Select(n => n.Node.RoutingTable.Count).ToList();
        Line($"## Memory");
        Line($"- built and warmed up in {buildTime.TotalSeconds:F1} s; routing-table sizes {Describe(tables)}");
        Line($"- retained heap after warm-up: {(after - before) / (double)nodes / 1024:F1} KiB per node");

        // Healthy network.
        var healthy = Lookups(network, lookups, out var lookupTime);
        var afterLookups = GC.GetTotalMemory(forceFullCollection: true);
        Line($"- retained heap after {lookups} lookups (rate-limiter state etc.): {(afterLookups - before) / (double)nodes / 1024:F1} KiB per node");
        Line("");
        Line($"## No churn");
        Report(Line, healthy, lookupTime);

        // 20 % dead without notice, values stored before.
        var keys = Enumerable.Range(0, 100).Select(i => Encoding.UTF8.GetBytes($"/v/report-{i}")).ToList();
        foreach (var key in keys)
        {
            network.Run(RandomHonest(network).Node.PutValueAsync(key, key));
        }

        network.KillRandom(0.2);
        var dead = Lookups(network, lookups, out var deadTime);
        var found = keys.Count(key => network.Run(RandomHonest(network).Node.GetValueAsync(key)) is { Found: true } r && r.Value!.Value.Span.SequenceEqual(key));
        Line("");
        Line($"## 20% of nodes dead without notice");
        Report(Line, dead, deadTime);
        Line($"- values stored before the failures and found after: {found}/{keys.Count}");

        // Eclipse attempt.
        Line("");
        Line($"## Eclipse attempt");
        var attack = new SimulatedNetwork(new SimulatedNetworkOptions { Seed = seed + 1 });
        var members = nodes / 10;
        attack.AddNodes(nodes - members);
        var targetId = RandomKey(attack);
        var target = KadKey.Hash(targetId);
        var prefix = (int)Math.Ceiling(Math.Log2(nodes)) + 3;
        attack.AddEclipseAttack(target, members, sybils: 20, prefixBits: prefix);
        attack.WarmUpRoutingTables();
        var honest = Closest(attack, target, 20, n => n.Behavior == SimulatedBehavior.Honest);
        Line($"- {members} attackers among the members (10%) plus 20 hidden Sybils sharing ≥ {prefix} bits with the target; all answer only with each other.");
        Line($"- success = the lookup got an answer from the honest node closest to the target; coverage = share of the 20 closest honest nodes that answered.");
        foreach (var paths in new[] { 1, 4, 8 })
        {
            var reached = 0;
            var coverage = 0.0;
            var messages = new List<int>();
            var runs = Math.Max(100, lookups / 3);
            for (var i = 0; i < runs; i++)
            {
                var result = attack.Run(RandomHonest(attack).Node.FindClosestPeersAsync(targetId, paths));
                var answered = result.Responders.Select(p => p.Key).ToHashSet();
                reached += answered.Contains(honest[0].Peer.Key) ? 1 : 0;
                coverage += honest.Count(h => answered.Contains(h.Peer.Key)) / 20.0;
                messages.Add(result.Messages);
            }

            Line($"- {(paths == 1 ? "plain lookup   " : $"disjoint, d = {paths}")}: success {100.0 * reached / runs:F1}%, coverage {100 * coverage / runs:F1}%, messages {Describe(messages)}");
        }

        return text.ToString();
    }

    private static Outcome Lookups(SimulatedNetwork network, int count, out TimeSpan elapsed)
    {
        var outcome = new Outcome();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var initiator = RandomHonest(network);
            var result = network.Run(initiator.Node.FindClosestPeersAsync(RandomKey(network)));
            var truth = Closest(network, result.Target, 20, n => n != initiator);
            var returned = result.ClosestPeers.Select(p => p.Key).ToList();
            outcome.Exact += returned.SequenceEqual(truth.Select(t => t.Peer.Key)) ? 1 : 0;
            outcome.Overlap += truth.Count(t => returned.Contains(t.Peer.Key));
            outcome.Success += returned.Count >= 15 && returned.Contains(truth[0].Peer.Key)
                && returned.All(k => network.TryGetNode(k, out var n) && n.IsAlive) ? 1 : 0;
            outcome.Rounds.Add(result.Rounds);
            outcome.Hops.Add(result.HopsToClosest);
            outcome.Messages.Add(result.Messages);
            outcome.Failures.Add(result.Failures);
            outcome.Returned.Add(result.ClosestPeers.Count);
        }

        elapsed = watch.Elapsed;
        outcome.Count = count;
        return outcome;
    }

    private static void Report(Action<string> line, Outcome o, TimeSpan elapsed)
    {
        line($"- exact k closest live nodes: {100.0 * o.Exact / o.Count:F1}%; success (≥ 15 peers, all alive, incl. the closest live one): {100.0 * o.Success / o.Count:F1}%; mean overlap with the true 20: {o.Overlap / (double)o.Count:F2}");
        line($"- rounds: {Describe(o.Rounds)}; distribution {Histogram(o.Rounds)}");
        line($"- hops to the closest peer: {Describe(o.Hops)}; distribution {Histogram(o.Hops)}");
        line($"- messages per lookup: {Describe(o.Messages)}; distribution {Histogram(o.Messages, 10)}");
        line($"- failed requests per lookup: {Describe(o.Failures)}");
        line($"- peers returned: {Describe(o.Returned)}; lookups returning all k: {100.0 * o.Returned.Count(r => r == 20) / o.Count:F1}%");
        line($"- wall clock: {o.Count / elapsed.TotalSeconds:F0} lookups/s including ground-truth checks");
    }

    private sealed class Outcome
    {
        public int Count { get; set; }

        public int Exact { get; set; }

        public int Success { get; set; }

        public long Overlap { get; set; }

        public List<int> Rounds { get; } = [];

        public List<int> Hops { get; } = [];

        public List<int> Messages { get; } = [];

        public List<int> Failures { get; } = [];

        public List<int> Returned { get; } = [];
    }
}
