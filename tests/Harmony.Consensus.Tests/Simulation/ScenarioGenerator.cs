using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Tests.Simulation;

/// <summary>Turns a seed into a random but reproducible scenario.</summary>
internal static class ScenarioGenerator
{
    private static readonly int[] Sizes = [4, 7, 16];

    /// <summary>A scenario with at most f faulty keys, partitions that heal, and a lossy, reordering network.</summary>
    public static ScenarioSpec Create(int seed, IBlsSignatureScheme scheme, IReadOnlyList<int>? sizes = null, bool mild = false)
    {
        var rng = new Random(seed * 7919 + 17);
        var choices = sizes ?? Sizes;
        int n = choices[rng.Next(choices.Count)];
        int f = (n - 1) / 3;

        // Usually one key per node; sometimes one node runs two keys (a multi-key validator).
        var nodeKeys = new List<int[]>();
        bool multiKey = n > 4 && rng.NextDouble() < 0.3;
        for (int key = 0; key < n; key++)
        {
            if (multiKey && key == 1)
            {
                nodeKeys.Add([1, 2]);
                key++;
                continue;
            }

            nodeKeys.Add([key]);
        }

        var faults = new List<NodeFault>();
        int budget = rng.Next(f + 1);
        var kinds = Enum.GetValues<FaultKind>();
        var order = Enumerable.Range(0, nodeKeys.Count).OrderBy(_ => rng.Next()).ToList();
        foreach (int node in order)
        {
            if (nodeKeys[node].Length > budget)
            {
                continue;
            }

            if (budget == 0)
            {
                break;
            }

            budget -= nodeKeys[node].Length;
            var kind = kinds[rng.Next(kinds.Length)];
            var at = TimeSpan.FromSeconds(kind == FaultKind.Crash ? rng.Next(3, 60) : 0);
            TimeSpan? until = kind == FaultKind.Crash && rng.NextDouble() < 0.5 ? at + TimeSpan.FromSeconds(rng.Next(10, 90)) : null;
            faults.Add(new NodeFault(node, kind, at, until));
        }

        var partitions = new List<Partition>();
        if (!mild && rng.NextDouble() < 0.3)
        {
            var group = order.Take(1 + rng.Next(Math.Max(1, nodeKeys.Count / 2))).ToHashSet();
            var from = TimeSpan.FromSeconds(rng.Next(0, 40));
            partitions.Add(new Partition(group, from, from + TimeSpan.FromSeconds(rng.Next(10, 90))));
        }

        return new ScenarioSpec
        {
            Seed = seed,
            Scheme = scheme,
            NodeKeys = nodeKeys,
            Staked = rng.NextDouble() < 0.3,
            Loss = mild ? rng.NextDouble() * 0.05 : rng.NextDouble() * 0.15,
            Duplication = rng.NextDouble() * 0.1,
            MinDelay = TimeSpan.FromMilliseconds(1 + rng.Next(20)),
            MaxDelay = TimeSpan.FromMilliseconds(50 + rng.Next(mild ? 200 : 750)),
            Faults = faults,
            Partitions = partitions,
            BlocksAfterHeal = mild ? 2 : 3,
        };
    }
}
