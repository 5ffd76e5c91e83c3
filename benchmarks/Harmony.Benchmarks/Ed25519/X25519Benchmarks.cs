using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Harmony.Crypto.Ed25519;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace Harmony.Benchmarks.Ed25519;

/// <summary>
/// X25519 public-key derivation and shared-secret computation (one Noise handshake does two of each):
/// Harmony.Crypto against BouncyCastle 1.8.10 (the baseline of each category), same keys.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class X25519Benchmarks
{
    private readonly byte[] _privateKey = new byte[32];
    private readonly byte[] _peerPublicKey = new byte[32];
    private readonly byte[] _output = new byte[32];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7748);
        random.NextBytes(_privateKey);
        byte[] peer = new byte[32];
        random.NextBytes(peer);
        X25519.GetPublicKey(peer, _peerPublicKey);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("PublicKey")]
    public byte[] PublicKey_BouncyCastle()
    {
        BcX25519.ScalarMultBase(_privateKey, 0, _output, 0);
        return _output;
    }

    [Benchmark]
    [BenchmarkCategory("PublicKey")]
    public byte[] PublicKey_Harmony()
    {
        X25519.GetPublicKey(_privateKey, _output);
        return _output;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SharedSecret")]
    public bool SharedSecret_BouncyCastle() => BcX25519.CalculateAgreement(_privateKey, 0, _peerPublicKey, 0, _output, 0);

    [Benchmark]
    [BenchmarkCategory("SharedSecret")]
    public bool SharedSecret_Harmony() => X25519.TryDeriveSharedSecret(_privateKey, _peerPublicKey, _output);
}
