using BenchmarkDotNet.Attributes;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;

namespace Harmony.Benchmarks.Bls12381;

/// <summary>
/// Point-level costs against spec/bls.md §2a/§2b: aggregating 250 G1 and 250 G2 points, decompression with the subgroup
/// check, and variable-base scalar multiplication.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BlsPointBenchmarks
{
    private const int Count = 250;
    private readonly byte[] _scalar = new byte[32];
    private BlsPublicKey[] _keys = [];
    private BlsSignature[] _signatures = [];
    private byte[] _g1Compressed = [];
    private byte[] _g2Compressed = [];

    [GlobalSetup]
    public void Setup()
    {
        var scheme = IetfBlsScheme.Instance;
        _keys = new BlsPublicKey[Count];
        _signatures = new BlsSignature[Count];
        for (int i = 0; i < Count; i++)
        {
            var ikm = new byte[32];
            ikm[0] = (byte)i;
            using var key = BlsSecretKey.KeyGen(ikm);
            _keys[i] = scheme.GetPublicKey(key);
            _signatures[i] = scheme.Sign(key, ikm);
        }

        _g1Compressed = _keys[0].Point.ToCompressed();
        _g2Compressed = _signatures[0].Point.ToCompressed();
        new Random(5).NextBytes(_scalar);
        _scalar[0] &= 0x3f;
    }

    [Benchmark]
    public bool AggregatePublicKeys250() => BlsPublicKey.TryAggregate(_keys, out _);

    [Benchmark]
    public bool AggregateSignatures250() => BlsSignature.TryAggregate(_signatures, out _);

    [Benchmark]
    public bool DecompressG1WithSubgroupCheck() => G1Point.TryDecode(_g1Compressed, out _);

    [Benchmark]
    public bool DecompressG2WithSubgroupCheck() => G2Point.TryDecode(_g2Compressed, out _);

    [Benchmark]
    public G1Point MultiplyG1() => _keys[0].Point.Multiply(_scalar);

    [Benchmark]
    public G2Point MultiplyG2() => _signatures[0].Point.Multiply(_scalar);
}
