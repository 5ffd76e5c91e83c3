using BenchmarkDotNet.Attributes;
using Harmony.Sharding.Vdf;

namespace Harmony.Benchmarks.Sharding;

/// <summary>
/// The class-group VDF at the production discriminant size: one NUDUPL squaring (its inverse is squarings per second),
/// one composition, the proof from stored checkpoints for T = 2^16, and verification (independent of T).
/// </summary>
[MemoryDiagnoser]
public class VdfBenchmarks
{
    private const int SquaringsPerInvoke = 1000;
    private const long Difficulty = 1 << 16;
    private ClassGroup _group = null!;
    private QuadraticForm _x;
    private QuadraticForm _y;
    private QuadraticForm[] _checkpoints = [];
    private WesolowskiVdf.ProofPlan _plan;
    private System.Numerics.BigInteger _challenge;
    private WesolowskiProof _proof;

    [Params(1024)]
    public int DiscriminantBits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _group = DiscriminantDerivation.GroupFromSeed("benchmark"u8, DiscriminantBits);
        _x = _group.RepeatedSquare(_group.Generator, 100);
        _y = _group.Square(_x);
        _plan = WesolowskiVdf.PlanProof(Difficulty);
        long spacing = (long)_plan.K * _plan.L;
        _checkpoints = new QuadraticForm[((Difficulty - 1) / spacing) + 1];
        var current = _group.Generator;
        for (long t = 0; t < Difficulty; t++)
        {
            if (t % spacing == 0)
            {
                _checkpoints[t / spacing] = current;
            }

            current = _group.Square(current);
        }

        _challenge = WesolowskiVdf.Challenge(_group, _group.Generator, current, Difficulty);
        _proof = new WesolowskiProof(current, WesolowskiVdf.ProveFromCheckpoints(_group, _checkpoints, _plan, Difficulty, _challenge));
    }

    [Benchmark(OperationsPerInvoke = SquaringsPerInvoke)]
    public QuadraticForm Squaring() => _group.RepeatedSquare(_x, SquaringsPerInvoke);

    [Benchmark]
    public QuadraticForm Composition() => _group.Compose(_x, _y);

    [Benchmark]
    public QuadraticForm ProofFromCheckpointsT65536() =>
        WesolowskiVdf.ProveFromCheckpoints(_group, _checkpoints, _plan, Difficulty, _challenge);

    [Benchmark]
    public bool VerifyT65536() => WesolowskiVdf.Verify(_group, _group.Generator, Difficulty, _proof);
}
