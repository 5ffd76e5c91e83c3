using System.Numerics;
using Harmony.Consensus;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Sharding.CrossShard;
using Harmony.Sharding.State;

namespace Harmony.Sharding.Tests.CrossShard;

/// <summary>Shard 1's committee seals a block with receipts to shards 0 and 2; shard 0 verifies its proof.</summary>
public sealed class CrossShardProofTests : IDisposable
{
    private const ulong Epoch = 700;
    private const ulong BlockNumber = 5000;
    private const ulong ViewId = 5003;
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;

    private readonly BlsSecretKey[] _shard1Keys = Keys(1, 4);
    private readonly BlsSecretKey[] _shard0Keys = Keys(10, 3);
    private readonly ShardState _state;
    private readonly ShardStateCommitteeProvider _provider;
    private readonly InMemorySpentReceiptsStore _spent = new();
    private readonly CrossShardProofVerifier _verifier;
    private readonly CXReceipt[] _blockReceipts;
    private readonly byte[] _header;

    public CrossShardProofTests()
    {
        // Shard 1: one Harmony slot and three staked slots (100, 200, 300); shard 0: three Harmony slots.
        _state = new ShardState(Epoch, [
            new ShardCommittee(0, _shard0Keys.Select((k, i) => new ShardSlot(TestData.Address(i), Pk(k), null))),
            new ShardCommittee(1, _shard1Keys.Select((k, i) => new ShardSlot(TestData.Address(100 + i), Pk(k), i == 0 ? null : Decimal18.FromInteger(100 * i)))),
        ]);
        _provider = new ShardStateCommitteeProvider(Scheme, e => e == Epoch ? _state : null, _ => Decimal18.Parse("0.01"), stakingEpoch: 186);
        _verifier = new CrossShardProofVerifier(_provider, _spent);
        _blockReceipts =
        [
            Receipt(1, to: 0, amount: 10),
            Receipt(2, to: 2, amount: 20),
            Receipt(3, to: 0, amount: 30),
        ];
        _header = HeaderBuilder.V3(BlockNumber, ViewId, Epoch, shardId: 1, outgoingReceiptHash: OutgoingReceiptHash.Compute(_blockReceipts));
    }

    [Fact]
    public void A_proof_sealed_by_the_source_committee_verifies_at_the_destination_and_is_applied_once()
    {
        var proof = ProofFor(0, Seal(signers: [1, 2, 3]));
        proof.Receipts.Count.ShouldBe(2);
        proof.MerkleProof.ShardIds.ShouldBe([0u, 2u]);

        _verifier.Verify(proof, 0).ShouldBe(CrossShardProofError.None);
        _verifier.TryApply(proof, 0).ShouldBe(CrossShardProofError.None);
        _spent.IsSpent(1, BlockNumber).ShouldBeTrue();
        _verifier.TryApply(proof, 0).ShouldBe(CrossShardProofError.AlreadySpent);
        _verifier.Verify(proof, 0).ShouldBe(CrossShardProofError.AlreadySpent);
    }

    [Fact]
    public void The_wire_encoding_round_trips_and_still_verifies()
    {
        var proof = ProofFor(2, Seal(signers: [1, 2, 3]));
        CXReceiptsProof.TryDecode(proof.Encode(), out var decoded, out string? error).ShouldBeTrue(error);
        decoded.Encode().ShouldBe(proof.Encode());
        _verifier.Verify(decoded, 2).ShouldBe(CrossShardProofError.None);
    }

    [Fact]
    public void Every_way_a_proof_can_be_wrong_is_rejected_with_its_reason()
    {
        var good = ProofFor(0, Seal(signers: [1, 2, 3]));
        var merkle = good.MerkleProof;

        _verifier.Verify(good with { Receipts = [] }, 0).ShouldBe(CrossShardProofError.NoReceipts);
        _verifier.Verify(good with { Receipts = [good.Receipts[0], Receipt(2, to: 2, amount: 20)] }, 0).ShouldBe(CrossShardProofError.MixedDestinations);
        _verifier.Verify(good, 2).ShouldBe(CrossShardProofError.WrongDestination);
        _verifier.Verify(good with { Receipts = [Receipt(1, to: 0, amount: 10, from: 3), good.Receipts[1]] }, 0).ShouldBe(CrossShardProofError.WrongSourceShard);
        _verifier.Verify(good with { Header = HeaderBuilder.List([HeaderBuilder.Str(new byte[32])]) }, 0).ShouldBe(CrossShardProofError.MalformedHeader);
        _verifier.Verify(good with { Header = HeaderBuilder.V3(BlockNumber, ViewId, epoch: 27, shardId: 1) }, 0).ShouldBe(CrossShardProofError.CrossShardNotActive);
        _verifier.Verify(good with { MerkleProof = merkle with { ShardIds = [2, 0] } }, 0).ShouldBe(CrossShardProofError.MalformedShardList);
        _verifier.Verify(good with { MerkleProof = merkle with { ShardIds = [0] } }, 0).ShouldBe(CrossShardProofError.MalformedShardList);
        _verifier.Verify(good with { MerkleProof = merkle with { ShardIds = [1, 2] } }, 0).ShouldBe(CrossShardProofError.DestinationNotListed);
        _verifier.Verify(good with { Receipts = [good.Receipts[0], Receipt(3, to: 0, amount: 31)] }, 0).ShouldBe(CrossShardProofError.ReceiptRootMismatch);
        _verifier.Verify(good with { Receipts = [good.Receipts[1], good.Receipts[0]] }, 0).ShouldBe(CrossShardProofError.ReceiptRootMismatch);
        _verifier.Verify(good with { MerkleProof = merkle with { ShardHashes = [merkle.ShardHashes[0], new byte[32]] } }, 0).ShouldBe(CrossShardProofError.ReceiptHashMismatch);

        byte[] otherHeader = HeaderBuilder.V3(BlockNumber + 1, ViewId, Epoch, shardId: 1, outgoingReceiptHash: merkle.CXReceiptHash.ToArray());
        _verifier.Verify(good with { Header = otherHeader }, 0).ShouldBe(CrossShardProofError.BlockHashMismatch);
        SourceHeader.TryParse(otherHeader, out var parsedOther, out _).ShouldBeTrue();
        _verifier.Verify(good with { Header = otherHeader, MerkleProof = merkle with { BlockHash = parsedOther!.Hash } }, 0).ShouldBe(CrossShardProofError.HeaderMismatch);
        byte[] wrongOutgoing = HeaderBuilder.V3(BlockNumber, ViewId, Epoch, shardId: 1);
        SourceHeader.TryParse(wrongOutgoing, out var parsedWrong, out _).ShouldBeTrue();
        _verifier.Verify(good with { Header = wrongOutgoing, MerkleProof = merkle with { BlockHash = parsedWrong!.Hash } }, 0).ShouldBe(CrossShardProofError.HeaderMismatch);

        _verifier.Verify(ProofFor(0, Seal(signers: [1, 2])), 0).ShouldBe(CrossShardProofError.NoQuorum);
        _verifier.Verify(good with { CommitBitmap = new byte[2] }, 0).ShouldBe(CrossShardProofError.MalformedSignature);
        _verifier.Verify(good with { CommitSignature = new byte[95] }, 0).ShouldBe(CrossShardProofError.MalformedSignature);
        _verifier.Verify(ProofFor(0, Seal(signers: [1, 2, 3], viewId: ViewId + 1)), 0).ShouldBe(CrossShardProofError.InvalidSignature);
        _verifier.Verify(ProofFor(0, Seal(signers: [1, 2, 3], claimed: [0, 2, 3])), 0).ShouldBe(CrossShardProofError.InvalidSignature);

        var unknownEpoch = new CrossShardProofVerifier(new ShardStateCommitteeProvider(Scheme, _ => null, _ => Decimal18.One, 186), new InMemorySpentReceiptsStore());
        unknownEpoch.Verify(good, 0).ShouldBe(CrossShardProofError.UnknownCommittee);

        _spent.Count.ShouldBe(0);
    }

    [Fact]
    public void The_builder_refuses_a_header_that_does_not_commit_to_the_receipts()
    {
        CrossShardProofBuilder.TryBuild(_blockReceipts[..2], _header, new byte[96], new byte[1], out var proofs, out string? error).ShouldBeFalse();
        proofs.ShouldBeNull();
        error.ShouldContain("OutgoingReceiptHash");
    }

    [Theory]
    [InlineData("")]
    [InlineData("c0")]
    [InlineData("c5c0c0c0c0c0")]
    public void Malformed_proof_encodings_are_refused(string hex)
    {
        CXReceiptsProof.TryDecode(Convert.FromHexString(hex), out var proof, out string? error).ShouldBeFalse();
        proof.ShouldBeNull();
        error.ShouldNotBeNullOrEmpty();
    }

    public void Dispose()
    {
        foreach (var key in _shard1Keys.Concat(_shard0Keys))
        {
            key.Dispose();
        }
    }

    private CXReceiptsProof ProofFor(uint destination, (byte[] Signature, byte[] Bitmap) seal)
    {
        CrossShardProofBuilder.TryBuild(_blockReceipts, _header, seal.Signature, seal.Bitmap, out var proofs, out string? error).ShouldBeTrue(error);
        return proofs.Single(p => p.Receipts[0].ToShardId == destination);
    }

    private (byte[] Signature, byte[] Bitmap) Seal(int[] signers, ulong viewId = ViewId, int[]? claimed = null)
    {
        SourceHeader.TryParse(_header, out var header, out _).ShouldBeTrue();
        byte[] payload = CommitPayload.Build(BlockNumber, header!.Hash.Span, viewId, includeViewId: true);
        BlsSignature.TryAggregate(signers.Select(i => Scheme.Sign(_shard1Keys[i], payload)).ToArray(), out var aggregate).ShouldBeTrue();
        var bitmap = new SignerBitmap(_shard1Keys.Length);
        foreach (int i in claimed ?? signers)
        {
            bitmap.Set(i);
        }

        return (Scheme.EncodeSignature(aggregate), bitmap.Bytes.ToArray());
    }

    private static CXReceipt Receipt(byte tx, uint to, long amount, uint from = 1) =>
        new(Enumerable.Repeat(tx, 32).ToArray(), TestData.Address(tx), TestData.Address(50 + tx), from, to, new BigInteger(amount));

    private static byte[] Pk(BlsSecretKey key) => Scheme.EncodePublicKey(Scheme.GetPublicKey(key));

    private static BlsSecretKey[] Keys(int seed, int count) =>
        [.. Enumerable.Range(seed, count).Select(i => BlsSecretKey.KeyGen(Enumerable.Repeat((byte)i, 32).ToArray()))];
}
