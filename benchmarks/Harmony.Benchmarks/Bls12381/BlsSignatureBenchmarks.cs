using BenchmarkDotNet.Attributes;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;

namespace Harmony.Benchmarks.Bls12381;

/// <summary>
/// The IETF POP suite end to end (spec/bls.md §2a lists blst's times on this machine for each row): hash to G2, sign,
/// verify, FastAggregateVerify over 100 keys, AggregateVerify over 100 messages, batch verification of 100 sets.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BlsSignatureBenchmarks
{
    private const int Count = 100;
    private readonly IetfBlsScheme _scheme = IetfBlsScheme.Instance;
    private readonly byte[] _message = new byte[32];
    private BlsSecretKey _key = null!;
    private BlsPublicKey _publicKey;
    private BlsSignature _signature;
    private BlsPublicKey[] _keys = [];
    private BlsSignature _sameMessageAggregate;
    private ReadOnlyMemory<byte>[] _messages = [];
    private BlsSignature _distinctAggregate;
    private BlsSignatureSet[] _sets = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(381).NextBytes(_message);
        _key = BlsSecretKey.KeyGen(new byte[32]);
        _publicKey = _scheme.GetPublicKey(_key);
        _signature = _scheme.Sign(_key, _message);

        _keys = new BlsPublicKey[Count];
        _messages = new ReadOnlyMemory<byte>[Count];
        _sets = new BlsSignatureSet[Count];
        var same = new BlsSignature[Count];
        var distinct = new BlsSignature[Count];
        for (int i = 0; i < Count; i++)
        {
            var ikm = new byte[32];
            ikm[0] = (byte)i;
            ikm[1] = 1;
            using var key = BlsSecretKey.KeyGen(ikm);
            _keys[i] = _scheme.GetPublicKey(key);
            same[i] = _scheme.Sign(key, _message);
            var message = new byte[32];
            message[0] = (byte)i;
            _messages[i] = message;
            distinct[i] = _scheme.Sign(key, message);
            _sets[i] = new BlsSignatureSet(_keys[i], message, distinct[i]);
        }

        BlsSignature.TryAggregate(same, out _sameMessageAggregate);
        BlsSignature.TryAggregate(distinct, out _distinctAggregate);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public G2Point HashToG2() => new(HashToCurve.HashToG2(_message, IetfBlsScheme.SignatureDst).ToAffine());

    [Benchmark]
    public BlsSignature Sign() => _scheme.Sign(_key, _message);

    [Benchmark]
    public BlsPublicKey SkToPk() => _scheme.GetPublicKey(_key);

    [Benchmark]
    public bool Verify() => _scheme.Verify(_publicKey, _message, _signature);

    [Benchmark]
    public bool FastAggregateVerify100() => _scheme.FastAggregateVerify(_keys, _message, _sameMessageAggregate);

    [Benchmark]
    public bool AggregateVerify100() => _scheme.AggregateVerify(_keys, _messages, _distinctAggregate);

    [Benchmark]
    public bool BatchVerify100() => _scheme.VerifyBatch(_sets).IsValid;
}
