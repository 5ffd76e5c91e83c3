using System.Buffers.Binary;
using Harmony.Consensus.Blocks;
using Harmony.Crypto.Hashing;

namespace Harmony.Consensus.Tests.Infrastructure;

/// <summary>
/// A tiny block format for tests: <c>height(8) ‖ view(8) ‖ unixMs(8) ‖ parentHash(32) ‖ LE16(commitLen) ‖ parentCommit ‖
/// LE16(payloadLen) ‖ payload</c>, hashed with Keccak-256. A proposer that builds it and a validator that parses it.
/// </summary>
internal sealed class TestChain : IBlockProposer, IBlockValidator
{
    private readonly byte[] _tag;

    /// <param name="tag">Bytes put into every proposed payload (a Byzantine leader uses two tags for two blocks).</param>
    public TestChain(string tag = "")
    {
        _tag = System.Text.Encoding.UTF8.GetBytes(tag);
    }

    public int Proposed { get; private set; }

    public static byte[] Build(ulong height, ulong view, DateTimeOffset time, ReadOnlySpan<byte> parentHash, ReadOnlySpan<byte> parentCommit, ReadOnlySpan<byte> payload)
    {
        var block = new byte[8 + 8 + 8 + 32 + 2 + parentCommit.Length + 2 + payload.Length];
        var span = block.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, height);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], view);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], time.ToUnixTimeMilliseconds());
        parentHash.CopyTo(span[24..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span[56..], (ushort)parentCommit.Length);
        parentCommit.CopyTo(span[58..]);
        int at = 58 + parentCommit.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)payload.Length);
        payload.CopyTo(span[(at + 2)..]);
        return block;
    }

    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> block)
    {
        int commitLength = BinaryPrimitives.ReadUInt16LittleEndian(block[56..]);
        int at = 58 + commitLength;
        return block.Slice(at + 2, BinaryPrimitives.ReadUInt16LittleEndian(block[at..]));
    }

    public bool TryPropose(BlockProposalContext context, out ReadOnlyMemory<byte> block)
    {
        Proposed++;
        var payload = new byte[_tag.Length + 8];
        _tag.CopyTo(payload, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(_tag.Length), context.Height);
        byte[] parent = context.ParentHash.IsEmpty ? new byte[32] : context.ParentHash.ToArray();
        block = Build(context.Height, context.ViewId, context.Now, parent, context.ParentCommit.Span, payload);
        return true;
    }

    public bool TryValidate(ReadOnlyMemory<byte> block, out BlockSummary summary, out string? reason)
    {
        summary = default;
        var span = block.Span;
        if (span.Length < 60)
        {
            reason = "too short";
            return false;
        }

        int commitLength = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        if (span.Length < 60 + commitLength)
        {
            reason = "truncated commit";
            return false;
        }

        int at = 58 + commitLength;
        int payloadLength = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
        if (span.Length != at + 2 + payloadLength)
        {
            reason = "length mismatch";
            return false;
        }

        ulong height = BinaryPrimitives.ReadUInt64LittleEndian(span);
        var parent = span.Slice(24, 32).ToArray();
        summary = new BlockSummary(
            Keccak256.HashData(span),
            height,
            BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            height == 1 ? ReadOnlyMemory<byte>.Empty : parent,
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(span[16..])),
            span.Slice(58, commitLength).ToArray());
        reason = null;
        return true;
    }
}
