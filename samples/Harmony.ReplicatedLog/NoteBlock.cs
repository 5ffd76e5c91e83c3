using System.Buffers.Binary;
using System.Text;
using Harmony.Consensus.Blocks;
using Harmony.Crypto.Hashing;

namespace Harmony.ReplicatedLog;

/// <summary>
/// The app's block: a header the engine needs (height, view, time, parent hash, parent commit) and a list of notes.
/// The same class proposes blocks from the shared queue of submitted notes and validates received ones.
/// </summary>
internal sealed class NoteBlock(Queue<string> pending) : IBlockProposer, IBlockValidator
{
    public bool TryPropose(BlockProposalContext context, out ReadOnlyMemory<byte> block)
    {
        var notes = new List<string>();
        while (notes.Count < 3 && pending.TryDequeue(out var note))
        {
            notes.Add(note);
        }

        byte[] body = Encoding.UTF8.GetBytes(string.Join('\n', notes));
        var bytes = new byte[58 + context.ParentCommit.Length + body.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, context.Height);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), context.ViewId);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), context.Now.ToUnixTimeMilliseconds());
        context.ParentHash.Span.CopyTo(bytes.AsSpan(24));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(56), (ushort)context.ParentCommit.Length);
        context.ParentCommit.Span.CopyTo(bytes.AsSpan(58));
        body.CopyTo(bytes.AsSpan(58 + context.ParentCommit.Length));
        block = bytes;
        return true;
    }

    public bool TryValidate(ReadOnlyMemory<byte> block, out BlockSummary summary, out string? reason)
    {
        var span = block.Span;
        summary = default;
        if (span.Length < 58 || span.Length < 58 + BinaryPrimitives.ReadUInt16LittleEndian(span[56..]))
        {
            reason = "truncated";
            return false;
        }

        ulong height = BinaryPrimitives.ReadUInt64LittleEndian(span);
        int commit = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        summary = new BlockSummary(
            Keccak256.HashData(span),
            height,
            BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            height == 1 ? ReadOnlyMemory<byte>.Empty : span.Slice(24, 32).ToArray(),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(span[16..])),
            span.Slice(58, commit).ToArray());
        reason = null;
        return true;
    }

    public static IEnumerable<string> Notes(ReadOnlySpan<byte> block)
    {
        int commit = BinaryPrimitives.ReadUInt16LittleEndian(block[56..]);
        string text = Encoding.UTF8.GetString(block[(58 + commit)..]);
        return text.Length == 0 ? [] : text.Split('\n');
    }
}
