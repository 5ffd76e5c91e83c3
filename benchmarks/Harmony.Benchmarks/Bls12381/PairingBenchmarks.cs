using BenchmarkDotNet.Attributes;
using Harmony.Crypto.Bls12381;
using G1Affine = Harmony.Crypto.Bls12381.AffinePoint<Harmony.Crypto.Bls12381.Fp, Harmony.Crypto.Bls12381.G1Curve>;
using G2Affine = Harmony.Crypto.Bls12381.AffinePoint<Harmony.Crypto.Bls12381.Fp2, Harmony.Crypto.Bls12381.G2Curve>;

namespace Harmony.Benchmarks.Bls12381;

/// <summary>
/// Optimal ate pairing stages. blst on the reference machine (spec §2a): Miller loop 547 µs, 2-pair multi-Miller loop
/// 549 µs, final exponentiation 443 µs, pairing 771 µs. Points live in arrays set up once, so the loop allocates nothing.
/// </summary>
[MemoryDiagnoser]
public class PairingBenchmarks
{
    private G1Affine[] _p1 = [];
    private G2Affine[] _q1 = [];
    private G1Affine[] _p2 = [];
    private G2Affine[] _q2 = [];
    private Fp12 _millerOutput, _result;

    [GlobalSetup]
    public void Setup()
    {
        _p1 = [G1.Generator];
        _q1 = [G2.Generator];
        _p2 = [G1.Generator, G1.Generator.Negate()];
        _q2 = [G2.Generator, G2.Generator];
        _millerOutput = MillerLoop.Run(_p1, _q1);
    }

    [Benchmark]
    public void MillerLoopOnePair() => _result = MillerLoop.Run(_p1, _q1);

    [Benchmark]
    public void MultiMillerLoopTwoPairs() => _result = MillerLoop.Run(_p2, _q2);

    [Benchmark]
    public void FinalExponentiationOnly() => _result = FinalExponentiation.Run(_millerOutput);

    [Benchmark]
    public void Pairing() => _result = FinalExponentiation.Run(MillerLoop.Run(_p1, _q1));
}
