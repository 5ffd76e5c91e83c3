using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Harmony.Crypto.Ed25519;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Harmony.Benchmarks.Ed25519;

/// <summary>
/// Ed25519 signing and verification of a 256-byte message (a typical signed gossip message): Harmony.Crypto's
/// managed code against BouncyCastle 1.8.10 (the baseline of each category), same key, message and signature.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Ed25519Benchmarks
{
    private readonly byte[] _seed = new byte[32];
    private readonly byte[] _message = new byte[256];
    private readonly byte[] _publicKey = new byte[32];
    private readonly byte[] _signature = new byte[64];
    private readonly byte[] _output = new byte[64];
    private Ed25519PrivateKey? _key;
    private Ed25519PublicKey? _decodedKey;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(25519);
        random.NextBytes(_seed);
        random.NextBytes(_message);
        _key = Ed25519PrivateKey.FromSeed(_seed);
        _key.PublicKey.CopyTo(_publicKey);
        _decodedKey = _key.PublicKey;
        _key.Sign(_message, _signature);
        if (!BcEd25519.Verify(_signature, 0, _publicKey, 0, _message, 0, _message.Length))
        {
            throw new InvalidOperationException("BouncyCastle rejects Harmony's signature.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key?.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Sign")]
    public byte[] Sign_BouncyCastle()
    {
        // The public key is passed, as Harmony.P2P did, so BouncyCastle does not re-derive it.
        BcEd25519.Sign(_seed, 0, _publicKey, 0, _message, 0, _message.Length, _output, 0);
        return _output;
    }

    [Benchmark]
    [BenchmarkCategory("Sign")]
    public byte[] Sign_Harmony()
    {
        _key!.Sign(_message, _output);
        return _output;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Verify")]
    public bool Verify_BouncyCastle() => BcEd25519.Verify(_signature, 0, _publicKey, 0, _message, 0, _message.Length);

    /// <summary>Verification with a key decoded once (what Harmony.P2P does: a peer's key is decoded with its identity).</summary>
    [Benchmark]
    [BenchmarkCategory("Verify")]
    public bool Verify_Harmony() => _decodedKey!.Verify(_message, _signature);

    /// <summary>Verification from the 32 key bytes, decoding (one square root) every time, like BouncyCastle does.</summary>
    [Benchmark]
    [BenchmarkCategory("Verify")]
    public bool Verify_Harmony_FromBytes() => Ed25519PublicKey.Verify(_publicKey, _message, _signature);
}
