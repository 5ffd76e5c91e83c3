using System.Buffers;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using Harmony.Consensus;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Encoding;
using Harmony.Sharding.CrossShard;
using Harmony.Sharding.State;

namespace Harmony.Benchmarks.Sharding;

/// <summary>
/// Verifying one cross-shard proof end to end (10 receipts, a v3 header, a 250-slot source committee with 200 signers):
/// the receipt trie, the hashes, the staked quorum by mask and one aggregate-signature pairing check. The committee is
/// cached after the first call, as on a node.
/// </summary>
[MemoryDiagnoser]
public class CrossShardProofBenchmarks
{
    private const int CommitteeSize = 250;
    private CrossShardProofVerifier _verifier = null!;
    private CXReceiptsProof _proof = null!;
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        var scheme = HarmonyBlsScheme.Instance;
        var keys = Enumerable.Range(1, CommitteeSize).Select(i => BlsSecretKey.KeyGen(BitConverter.GetBytes(i).Concat(new byte[28]).ToArray())).ToArray();
        var slots = keys.Select((k, i) => new ShardSlot(Address(i), scheme.EncodePublicKey(scheme.GetPublicKey(k)), i < 2 ? null : Decimal18.FromInteger(1000 + i)));
        var state = new ShardState(700, [new ShardCommittee(0, []), new ShardCommittee(1, slots)]);
        var provider = new ShardStateCommitteeProvider(scheme, _ => state, _ => Decimal18.Parse("0.01"), 186);
        _verifier = new CrossShardProofVerifier(provider, new InMemorySpentReceiptsStore());

        var receipts = Enumerable.Range(0, 10)
            .Select(i => new CXReceipt(Enumerable.Repeat((byte)i, 32).ToArray(), Address(i), Address(100 + i), 1, (uint)(i % 2), new BigInteger(1000 + i)))
            .ToArray();
        byte[] header = Header(OutgoingReceiptHash.Compute(receipts));
        SourceHeader.TryParse(header, out var parsed, out _);
        byte[] payload = CommitPayload.Build(parsed!.Number, parsed.Hash.Span, parsed.ViewId, includeViewId: true);
        var bitmap = new SignerBitmap(CommitteeSize);
        var signatures = new List<BlsSignature>();
        for (int i = 0; i < 200; i++)
        {
            bitmap.Set(i);
            signatures.Add(scheme.Sign(keys[i], payload));
        }

        BlsSignature.TryAggregate(signatures.ToArray(), out var aggregate);
        CrossShardProofBuilder.TryBuild(receipts, header, scheme.EncodeSignature(aggregate), bitmap.Bytes.ToArray(), out var proofs, out _);
        _proof = proofs![0];
        _encoded = _proof.Encode();
        if (_verifier.Verify(_proof, 0) != CrossShardProofError.None)
        {
            throw new InvalidOperationException("The benchmark proof does not verify.");
        }
    }

    [Benchmark]
    public CrossShardProofError Verify() => _verifier.Verify(_proof, 0);

    [Benchmark]
    public CrossShardProofError DecodeAndVerify() =>
        CXReceiptsProof.TryDecode(_encoded, out var proof, out _) ? _verifier.Verify(proof, 0) : CrossShardProofError.MalformedHeader;

    private static byte[] Address(int i)
    {
        byte[] address = new byte[20];
        BitConverter.TryWriteBytes(address.AsSpan(16), i);
        return address;
    }

    private static byte[] Header(byte[] outgoingReceiptHash)
    {
        byte[][] fields =
        [
            Rlp.EncodeBytes(new byte[32]), Rlp.EncodeBytes(new byte[20]), Rlp.EncodeBytes(new byte[32]), Rlp.EncodeBytes(new byte[32]),
            Rlp.EncodeBytes(new byte[32]), Rlp.EncodeBytes(outgoingReceiptHash), Rlp.EncodeBytes(new byte[32]), Rlp.EncodeBytes(new byte[256]),
            Rlp.EncodeBytes([0x13, 0x88]), Rlp.EncodeBytes([]), Rlp.EncodeBytes([]), Rlp.EncodeBytes([]), Rlp.EncodeBytes([]),
            Rlp.EncodeBytes(new byte[32]), Rlp.EncodeBytes([0x13, 0x8b]), Rlp.EncodeBytes([0x02, 0xbc]), Rlp.EncodeBytes([0x01]),
            Rlp.EncodeBytes(new byte[96]), Rlp.EncodeBytes([]), Rlp.EncodeBytes([]), Rlp.EncodeBytes([]), Rlp.EncodeBytes([]),
            Rlp.EncodeBytes([]), Rlp.EncodeBytes([]),
        ];
        var inner = new ArrayBufferWriter<byte>();
        var innerWriter = new RlpWriter(inner);
        innerWriter.WriteListHeader(fields.Sum(f => f.Length));
        foreach (byte[] field in fields)
        {
            innerWriter.WriteRaw(field);
        }

        var outer = new ArrayBufferWriter<byte>();
        var writer = new RlpWriter(outer);
        HarmonyTaggedRlp.WriteEnvelope(ref writer, "v3"u8, inner.WrittenSpan);
        return outer.WrittenSpan.ToArray();
    }
}
