using BenchmarkDotNet.Attributes;
using Harmony.P2P.Simulation;

namespace Harmony.Benchmarks.Kademlia;

/// <summary>
/// FIND_NODE lookups per second on a warmed-up simulated network (each operation is one full iterative lookup of
/// about 30–40 simulated messages), and the cost of building the network. Retained memory per node is printed by
/// the setup and reported in detail by <see cref="KademliaReportBenchmark"/>.
/// </summary>
[MemoryDiagnoser]
public class KademliaLookupBenchmarks
{
    private const int LookupsPerInvoke = 100;
    private SimulatedNetwork _network = null!;
    private byte[][] _keys = [];
    private SimulatedNode[] _initiators = [];

    [Params(10_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _network = new SimulatedNetwork(new SimulatedNetworkOptions { Seed = 7 });
        _network.AddNodes(Nodes);
        _network.WarmUpRoutingTables();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// retained memory per simulated node: {(after - before) / (double)Nodes / 1024:F1} KiB");
        var random = new Random(8);
        _keys = Enumerable.Range(0, 1024).Select(_ =>
        {
            var key = new byte[34];
            random.NextBytes(key);
            return key;
        }).ToArray();
        _initiators = Enumerable.Range(0, 1024).Select(_ => _network.Nodes[random.Next(Nodes)]).ToArray();
    }

    [Benchmark(OperationsPerInvoke = LookupsPerInvoke)]
    public int FindNode()
    {
        var total = 0;
        for (var i = 0; i < LookupsPerInvoke; i++)
        {
            var slot = (i * 7919 + total) & 1023;
            total += _network.Run(_initiators[slot].Node.FindClosestPeersAsync(_keys[slot])).Messages;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = LookupsPerInvoke)]
    public int FindNodeDisjoint4()
    {
        var total = 0;
        for (var i = 0; i < LookupsPerInvoke; i++)
        {
            var slot = (i * 7919 + total) & 1023;
            total += _network.Run(_initiators[slot].Node.FindClosestPeersAsync(_keys[slot], 4)).Messages;
        }

        return total;
    }
}
