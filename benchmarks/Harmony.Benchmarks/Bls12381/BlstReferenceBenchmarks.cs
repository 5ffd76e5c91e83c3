using BenchmarkDotNet.Attributes;

namespace Harmony.Benchmarks.Bls12381;

/// <summary>
/// blst's times for the rows of <see cref="BlsSignatureBenchmarks"/>, measured in the same BenchmarkDotNet run (the
/// machine is shared and its speed drifts, so ratios are taken between rows of one run). Each invocation asks the node
/// process for a batch of operations; the batch sizes keep one request near 10 ms, so the pipe round trip (tens of
/// microseconds) stays below 1% of a row.
/// </summary>
[MedianColumn]
public class BlstReferenceBenchmarks
{
    private BlstProcess _blst = null!;

    [GlobalSetup]
    public void Setup() => _blst = BlstProcess.Start();

    [GlobalCleanup]
    public void Cleanup() => _blst.Dispose();

    [Benchmark(OperationsPerInvoke = 64)]
    public void SkToPk() => _blst.Run(nameof(SkToPk), 64);

    [Benchmark(OperationsPerInvoke = 16)]
    public void Sign() => _blst.Run(nameof(Sign), 16);

    [Benchmark(OperationsPerInvoke = 8)]
    public void Verify() => _blst.Run(nameof(Verify), 8);

    [Benchmark(OperationsPerInvoke = 8)]
    public void FastAggregateVerify100() => _blst.Run(nameof(FastAggregateVerify100), 8);

    [Benchmark(OperationsPerInvoke = 1)]
    public void AggregateVerify100() => _blst.Run(nameof(AggregateVerify100), 1);

    [Benchmark(OperationsPerInvoke = 1)]
    public void BatchVerify100() => _blst.Run(nameof(BatchVerify100), 1);
}
