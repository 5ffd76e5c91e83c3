using System.Numerics;
using BenchmarkDotNet.Attributes;
using Harmony.Crypto;
using Harmony.Crypto.Accounts;
using Harmony.Crypto.Secp256k1;
using Harmony.Crypto.Transactions;

namespace Harmony.Benchmarks;

/// <summary>
/// What a wallet and a transaction pool pay per Harmony transfer: sign and encode on one side; decode, hash and
/// recover the sender on the other.
/// </summary>
[MedianColumn]
public class TransactionBenchmarks
{
    private Secp256k1PrivateKey _key = null!;
    private HarmonyTransaction _unsigned = null!;
    private byte[] _raw = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = Secp256k1PrivateKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        _unsigned = new HarmonyTransaction
        {
            Nonce = 42,
            GasPrice = 100_000_000_000,
            GasLimit = 21_000,
            ShardId = 0,
            ToShardId = 1,
            To = Address.Parse("one1gh043zc95e6mtutwy5a2zhvsxv7lnlklkj42ux"),
            Value = BigInteger.Pow(10, 18),
        };
        _raw = _unsigned.Sign(_key, ChainIds.Mainnet).Encode();
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public byte[] SignAndEncode() => _unsigned.Sign(_key, ChainIds.Mainnet).Encode();

    [Benchmark]
    public Address DecodeAndRecoverSender() => HarmonyTransaction.Decode(_raw).RecoverSender(ChainIds.Mainnet);

    [Benchmark]
    public byte[] DecodeAndHash() => HarmonyTransaction.Decode(_raw).GetHash();
}
