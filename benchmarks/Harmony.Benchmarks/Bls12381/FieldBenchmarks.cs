using BenchmarkDotNet.Attributes;
using Harmony.Crypto.Bls12381;

namespace Harmony.Benchmarks.Bls12381;

/// <summary>
/// BLS12-381 field tower primitives. Each benchmark is one operation on fixed inputs whose result is kept in a field, so
/// nothing is optimised away and nothing allocates. blst on the reference machine (spec §2b): Fp mul 56 ns, Fp square
/// 59 ns, Fp2 mul 146 ns, Fp12 mul 2.57 µs, Fp12 square 1.94 µs, cyclotomic square 1.18 µs, Fp inverse 5.2 µs.
/// </summary>
[MemoryDiagnoser]
public class FieldBenchmarks
{
    private Fp _a, _b, _fpResult;
    private Fp2 _a2, _b2, _fp2Result;
    private Fp12 _f, _g, _cyclotomic, _fp12Result;
    private bool _boolResult;

    [GlobalSetup]
    public void Setup()
    {
        _a = Fp.FromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb");
        _b = Fp.FromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1");
        _a2 = new Fp2(_a, _b);
        _b2 = new Fp2(_b, _a * _b);
        _f = MillerLoop.Run([G1.Generator], [G2.Generator]);
        _g = _f.Square();
        _cyclotomic = FinalExponentiation.Run(_f);
    }

    [Benchmark]
    public void FpMul() => Fp.Mul(_a, _b, out _fpResult);

    [Benchmark]
    public void FpSquare() => Fp.Sqr(_a, out _fpResult);

    [Benchmark]
    public void Fp2Mul() => Fp2.Mul(_a2, _b2, out _fp2Result);

    [Benchmark]
    public void Fp2Square() => Fp2.Sqr(_a2, out _fp2Result);

    [Benchmark]
    public void Fp12Mul() => Fp12.Mul(_f, _g, out _fp12Result);

    [Benchmark]
    public void Fp12Square() => Fp12.Sqr(_f, out _fp12Result);

    [Benchmark]
    public void Fp12MulBy014() => Fp12.MulBy014(_f, _a2, _b2, _a2, out _fp12Result);

    [Benchmark]
    public void Fp12CyclotomicSquare() => Fp12.CyclotomicSqr(_cyclotomic, out _fp12Result);

    [Benchmark]
    public void FpInverse() => _fpResult = Fp.Inverse(_a);

    [Benchmark]
    public void FpSqrt() => _boolResult = Fp.TrySqrt(_a, out _fpResult);
}
