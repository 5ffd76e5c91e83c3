using BenchmarkDotNet.Attributes;
using Harmony.Consensus.Engine;

namespace Harmony.Benchmarks.Consensus;

/// <summary>
/// Wall time per committed block for a whole committee in one process (real Harmony BLS, zero network delay):
/// every validator signs its PREPARE and COMMIT and checks PREPARED and COMMITTED, the leader aggregates. One
/// invocation advances the clock one block period and runs the round until every engine has committed.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CommitteeRoundBenchmarks
{
    private readonly Queue<(int From, ReadOnlyMemory<byte> Frame)> _wire = new();
    private readonly SteppedClock _clock = new();
    private FbftEngine[] _engines = [];

    [Params(4, 64, 250)]
    public int Validators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var committee = new BenchmarkCommittee(Validators);
        _engines = Enumerable.Range(0, Validators).Select(i => committee.Engine(i, _clock)).ToArray();
        for (int i = 0; i < _engines.Length; i++)
        {
            Take(i, _engines[i].Start());
        }

        Pump();
        if (_engines.Any(e => e.Height != 2))
        {
            throw new InvalidOperationException("The first block did not commit.");
        }
    }

    [Benchmark]
    public ulong CommitOneBlock()
    {
        ulong target = _engines[0].Height + 1;
        _clock.Advance(TimeSpan.FromSeconds(1));
        Take(0, _engines[0].Tick());
        Pump();
        return _engines.All(e => e.Height == target) ? target : throw new InvalidOperationException("The block did not commit everywhere.");
    }

    private void Take(int from, FbftOutput output)
    {
        foreach (var message in output.Messages)
        {
            _wire.Enqueue((from, message.Payload));
        }
    }

    private void Pump()
    {
        while (_wire.TryDequeue(out var item))
        {
            for (int to = 0; to < _engines.Length; to++)
            {
                if (to != item.From)
                {
                    Take(to, _engines[to].HandleMessage(item.Frame.Span));
                }
            }
        }
    }
}
