using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Harmony.Crypto.Hashing;

namespace Harmony.Benchmarks;

/// <summary>
/// One-shot Keccak-256 against the platform's SHA3-256 (same permutation and rate, OpenSSL on Linux) on the same
/// input, so the ratio column reads as our time over the platform's.
/// </summary>
[MedianColumn]
public class KeccakBenchmarks
{
    private readonly byte[] _digest = new byte[Keccak256.HashSizeInBytes];
    private byte[] _input = [];

    [Params(32, 1024, 1048576)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Size];
        new Random(42).NextBytes(_input);
    }

    [Benchmark(Baseline = true)]
    public int Sha3_256_Platform()
    {
        return SHA3_256.HashData(_input, _digest);
    }

    [Benchmark]
    public int Keccak256_OneShot()
    {
        Keccak256.HashData(_input, _digest);
        return _digest[0];
    }
}
