using System.Security.Cryptography;
using Harmony.Consensus;
using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Hashing;

namespace Harmony.Benchmarks.Consensus;

/// <summary>A clock that only moves when told to.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A minimal block format for the benchmarks (height, view, parent hash, parent commit), hashed with Keccak.</summary>
internal sealed class BenchmarkChain : IBlockProposer, IBlockValidator
{
    public bool TryPropose(BlockProposalContext context, out ReadOnlyMemory<byte> block)
    {
        var bytes = new byte[8 + 8 + 32 + context.ParentCommit.Length];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), context.Height);
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), context.ViewId);
        context.ParentHash.Span.CopyTo(bytes.AsSpan(16));
        context.ParentCommit.Span.CopyTo(bytes.AsSpan(48));
        block = bytes;
        return true;
    }

    public bool TryValidate(ReadOnlyMemory<byte> block, out BlockSummary summary, out string? reason)
    {
        var span = block.Span;
        ulong height = BitConverter.ToUInt64(span);
        summary = new BlockSummary(Keccak256.HashData(span), height, BitConverter.ToUInt64(span[8..]), height == 1 ? ReadOnlyMemory<byte>.Empty : span.Slice(16, 32).ToArray(), null, span[48..].ToArray());
        reason = null;
        return true;
    }
}

/// <summary>Deterministic keys and a committee of N for the consensus benchmarks (Harmony's BLS suite).</summary>
internal sealed class BenchmarkCommittee
{
    public BenchmarkCommittee(int size)
    {
        Scheme = HarmonyBlsScheme.Instance;
        Keys = Enumerable.Range(0, size).Select(i => BlsSecretKey.KeyGen(SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        PublicKeys = Keys.Select(Scheme.GetPublicKey).ToArray();
        var encoded = PublicKeys.Select(k =>
        {
            var bytes = new byte[Scheme.PublicKeySize];
            Scheme.EncodePublicKey(k, bytes);
            return (ReadOnlyMemory<byte>)bytes;
        }).ToList();
        Committee = ConsensusCommittee.Create(Scheme, encoded, new OneNodeOneVoteDecider(size));
    }

    public IBlsSignatureScheme Scheme { get; }

    public BlsSecretKey[] Keys { get; }

    public BlsPublicKey[] PublicKeys { get; }

    public ConsensusCommittee Committee { get; }

    public ConsensusOptions Options { get; } = new() { BlockPeriod = TimeSpan.FromSeconds(1) };

    public BenchmarkChain Chain { get; } = new();

    public FbftEngine Engine(int index, SteppedClock clock) =>
        new(Committee, [Keys[index]], Chain, Chain, new InMemoryCommittedBlockStore(), Options, clock);
}
