using System.Buffers.Binary;
using Harmony.Consensus.Blocks;
using Harmony.Crypto.Hashing;

namespace Harmony.Node.Simulation;

/// <summary>
/// The simulation's block: <c>height(8) ‖ view(8) ‖ unixMs(8) ‖ parentHash(32) ‖ LE16(len) ‖ parentCommit ‖ payload</c>,
/// hashed with Keccak-256. The header carries the parent's commit <c>sig ‖ bitmap</c> as Harmony's does.
/// </summary>
internal sealed class SimulatedChain : IBlockProposer, IBlockValidator
{
    private const int HeaderSize = 58;

    public static byte[] Build(ulong height, ulong view, DateTimeOffset time, ReadOnlySpan<byte> parentHash, ReadOnlySpan<byte> parentCommit, ReadOnlySpan<byte> payload)
    {
        var block = new byte[HeaderSize + parentCommit.Length + payload.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(block, height);
        BinaryPrimitives.WriteUInt64LittleEndian(block.AsSpan(8), view);
        BinaryPrimitives.WriteInt64LittleEndian(block.AsSpan(16), time.ToUnixTimeMilliseconds());
        parentHash.CopyTo(block.AsSpan(24));
        BinaryPrimitives.WriteUInt16LittleEndian(block.AsSpan(56), (ushort)parentCommit.Length);
        parentCommit.CopyTo(block.AsSpan(HeaderSize));
        payload.CopyTo(block.AsSpan(HeaderSize + parentCommit.Length));
        return block;
    }

    public bool TryPropose(BlockProposalContext context, out ReadOnlyMemory<byte> block)
    {
        var parent = context.ParentHash.IsEmpty ? new byte[32] : context.ParentHash.ToArray();
        block = Build(context.Height, context.ViewId, context.Now, parent, context.ParentCommit.Span, System.Text.Encoding.UTF8.GetBytes($"block {context.Height} by {context.LeaderIndex}"));
        return true;
    }

    public bool TryValidate(ReadOnlyMemory<byte> block, out BlockSummary summary, out string? reason)
    {
        summary = default;
        var span = block.Span;
        if (span.Length < HeaderSize || span.Length < HeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(span[56..]))
        {
            reason = "truncated block";
            return false;
        }

        ulong height = BinaryPrimitives.ReadUInt64LittleEndian(span);
        int commitLength = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        summary = new BlockSummary(
            Keccak256.HashData(span),
            height,
            BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            height == 1 ? ReadOnlyMemory<byte>.Empty : span.Slice(24, 32).ToArray(),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(span[16..])),
            span.Slice(HeaderSize, commitLength).ToArray());
        reason = null;
        return true;
    }
}
