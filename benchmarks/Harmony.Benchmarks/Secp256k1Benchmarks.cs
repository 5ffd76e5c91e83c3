using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using Harmony.Crypto.Secp256k1;

namespace Harmony.Benchmarks;

/// <summary>
/// secp256k1 ECDSA: ours against the system's libsecp256k1 (P/Invoke, marked as the baseline of each
/// category so the ratio column reads ours / native). When the library is not installed the native cases
/// (methods named *_Native) are filtered out and only ours run.
/// </summary>
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(NativeFilterConfig))]
public class Secp256k1Benchmarks
{
    private const string NativeSuffix = "_Native";

    private readonly byte[] _secret = new byte[32];
    private readonly byte[] _hash = new byte[32];
    private readonly byte[] _compact = new byte[64];
    private readonly byte[] _nativePublicKey = new byte[64];
    private readonly byte[] _nativeSignature = new byte[64];
    private readonly byte[] _nativeRecoverable = new byte[65];
    private readonly byte[] _nativeOutput = new byte[65];
    private Secp256k1PrivateKey? _key;
    private Secp256k1PublicKey _publicKey;
    private EcdsaSignature _signature;
    private nint _context;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        random.NextBytes(_secret);
        _secret[0] &= 0x7f;
        random.NextBytes(_hash);
        _key = Secp256k1PrivateKey.FromBytes(_secret);
        _publicKey = _key.PublicKey;
        _signature = _key.Sign(_hash);
        _signature.WriteCompact(_compact);

        if (NativeSecp256k1.IsAvailable)
        {
            _context = NativeSecp256k1.CreateContext();
            Check(NativeSecp256k1.ParsePublicKey(_context, _publicKey.ToUncompressed(), _nativePublicKey));
            Check(NativeSecp256k1.ParseSignature(_context, _compact, _nativeSignature));
            Check(NativeSecp256k1.ParseRecoverable(_context, _compact, _signature.RecoveryId, _nativeRecoverable));
            Check(NativeSecp256k1.Verify(_context, _nativeSignature, _hash, _nativePublicKey));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key?.Dispose();

    [BenchmarkCategory("Sign"), Benchmark(Baseline = true)]
    public bool Sign_Native() => NativeSecp256k1.Sign(_context, _hash, _secret, _nativeOutput);

    [BenchmarkCategory("Sign"), Benchmark]
    public int Sign_Harmony() => _key!.Sign(_hash).RecoveryId;

    [BenchmarkCategory("Verify"), Benchmark(Baseline = true)]
    public bool Verify_Native() => NativeSecp256k1.Verify(_context, _nativeSignature, _hash, _nativePublicKey);

    [BenchmarkCategory("Verify"), Benchmark]
    public bool Verify_Harmony() => _publicKey.Verify(_hash, _signature);

    [BenchmarkCategory("Recover"), Benchmark(Baseline = true)]
    public bool Recover_Native() => NativeSecp256k1.Recover(_context, _nativeRecoverable, _hash, _nativeOutput);

    [BenchmarkCategory("Recover"), Benchmark]
    public bool Recover_Harmony() => Secp256k1Ecdsa.TryRecover(_hash, _signature, out _);

    [BenchmarkCategory("PublicKey"), Benchmark(Baseline = true)]
    public bool PublicKey_Native() => NativeSecp256k1.CreatePublicKey(_context, _secret, _nativeOutput);

    [BenchmarkCategory("PublicKey"), Benchmark]
    public Secp256k1PublicKey PublicKey_Harmony()
    {
        // A fresh key each time: the property caches its result.
        using Secp256k1PrivateKey key = Secp256k1PrivateKey.FromBytes(_secret);
        return key.PublicKey;
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("libsecp256k1 rejected the benchmark's own key or signature.");
        }
    }

    /// <summary>Drops the native cases when libsecp256k1 cannot be loaded.</summary>
    private sealed class NativeFilterConfig : ManualConfig
    {
        public NativeFilterConfig()
        {
            AddFilter(new SimpleFilter(benchmark =>
                NativeSecp256k1.IsAvailable || !benchmark.Descriptor.WorkloadMethod.Name.EndsWith(NativeSuffix, StringComparison.Ordinal)));
        }
    }
}
