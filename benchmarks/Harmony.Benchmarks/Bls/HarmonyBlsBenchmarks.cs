using BenchmarkDotNet.Attributes;
using Harmony.Crypto.Bls;

namespace Harmony.Benchmarks.Bls;

/// <summary>
/// The Harmony suite (mcl SignHash semantics): hash to G2, sign, verify, and a leader's or validator's check of a
/// 250-signer commit — aggregate the signers' keys from the bitmap against a committee taken from a warm
/// <see cref="BlsCommitteeCache"/>, then verify one aggregate signature. The IETF verify runs in the same job as the
/// reference the 2× target is measured against.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HarmonyBlsBenchmarks
{
    private const int CommitteeSize = 250;
    private readonly HarmonyBlsScheme _scheme = HarmonyBlsScheme.Instance;
    private readonly BlsCommitteeCache _cache = new();
    private readonly byte[] _payload = new byte[48];
    private BlsSecretKey _key = null!;
    private BlsPublicKey _publicKey;
    private BlsSignature _signature;
    private BlsPublicKey _ietfPublicKey;
    private BlsSignature _ietfSignature;
    private readonly List<ReadOnlyMemory<byte>> _encodedCommittee = [];
    private SignerBitmap _signers = null!;
    private BlsSignature _aggregate;

    [GlobalSetup]
    public void Setup()
    {
        new Random(186).NextBytes(_payload);
        _key = BlsSecretKey.KeyGen(new byte[32]);
        _publicKey = _scheme.GetPublicKey(_key);
        _signature = _scheme.Sign(_key, _payload);
        _ietfPublicKey = IetfBlsScheme.Instance.GetPublicKey(_key);
        _ietfSignature = IetfBlsScheme.Instance.Sign(_key, _payload);

        // 250 members, every fifth one silent: 200 signers, as in a commit that just passed 2/3.
        _signers = new SignerBitmap(CommitteeSize);
        var signatures = new List<BlsSignature>();
        for (int i = 0; i < CommitteeSize; i++)
        {
            var ikm = new byte[32];
            ikm[0] = (byte)i;
            ikm[1] = (byte)(i >> 8);
            ikm[2] = 7;
            using var member = BlsSecretKey.KeyGen(ikm);
            _encodedCommittee.Add(_scheme.EncodePublicKey(_scheme.GetPublicKey(member)));
            if (i % 5 != 4)
            {
                _signers.Set(i);
                signatures.Add(_scheme.Sign(member, _payload));
            }
        }

        BlsSignature.TryAggregate(signatures.ToArray(), out _aggregate);
        _cache.TryGetOrCreate(_scheme, _encodedCommittee, out _, out _);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public bool HashToG2() => HarmonyBlsScheme.TryHashToPoint(_payload, out _);

    [Benchmark]
    public BlsSignature Sign() => _scheme.Sign(_key, _payload);

    [Benchmark(Baseline = true)]
    public bool Verify() => _scheme.Verify(_publicKey, _payload, _signature);

    [Benchmark]
    public bool IetfVerify() => IetfBlsScheme.Instance.Verify(_ietfPublicKey, _payload, _ietfSignature);

    [Benchmark]
    public bool Aggregate250FromBitmapAndVerify()
    {
        _cache.TryGetOrCreate(_scheme, _encodedCommittee, out var committee, out _);
        return committee!.VerifyAggregate(_signers, _payload, _aggregate);
    }
}
