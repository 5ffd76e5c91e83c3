using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.Consensus.Messages;

/// <summary>
/// <c>harmonymessage.ConsensusRequest</c>, the body of ANNOUNCE, PREPARE, PREPARED, COMMIT and COMMITTED:
/// view_id(1), block_num(2), shard_id(3), block_hash(4), block(5), sender_pubkey(6), payload(7),
/// sender_pubkey_bitmap(8).
/// </summary>
public sealed record ConsensusRequest
{
    /// <summary>The sender's view (<c>blockViewID</c>).</summary>
    public ulong ViewId { get; init; }

    /// <summary>The height being agreed on.</summary>
    public ulong BlockNumber { get; init; }

    /// <summary>The shard.</summary>
    public uint ShardId { get; init; }

    /// <summary>The 32-byte block hash.</summary>
    public ReadOnlyMemory<byte> BlockHash { get; init; }

    /// <summary>The encoded block (ANNOUNCE and PREPARED), else empty.</summary>
    public ReadOnlyMemory<byte> Block { get; init; }

    /// <summary>The single sender key, or empty when <see cref="SenderPublicKeyBitmap"/> names the senders.</summary>
    public ReadOnlyMemory<byte> SenderPublicKey { get; init; }

    /// <summary>The phase payload (block hash, one vote signature, or <c>sig ‖ bitmap</c>).</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>The committee bitmap of a multi-key sender, or empty.</summary>
    public ReadOnlyMemory<byte> SenderPublicKeyBitmap { get; init; }

    internal byte[] Encode()
    {
        var writer = new ProtoBufferWriter();
        writer.WriteVarintField(1, ViewId);
        writer.WriteVarintField(2, BlockNumber);
        writer.WriteVarintField(3, ShardId);
        writer.WriteBytesField(4, BlockHash.Span);
        writer.WriteBytesField(5, Block.Span);
        writer.WriteBytesField(6, SenderPublicKey.Span);
        writer.WriteBytesField(7, Payload.Span);
        writer.WriteBytesField(8, SenderPublicKeyBitmap.Span);
        return writer.ToArray();
    }

    internal static bool TryDecode(ReadOnlySpan<byte> data, [NotNullWhen(true)] out ConsensusRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        var reader = new ProtoReader(data);
        ulong view = 0, number = 0, shard = 0;
        byte[] hash = [], block = [], sender = [], payload = [], bitmap = [];
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int field, out var wire))
            {
                error = "ConsensusRequest: malformed field key.";
                return false;
            }

            bool ok = (field, (int)wire) switch
            {
                (1, 0) => reader.TryReadVarint(out view),
                (2, 0) => reader.TryReadVarint(out number),
                (3, 0) => reader.TryReadVarint(out shard) && shard <= uint.MaxValue,
                (4, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxSmallFieldSize, out hash),
                (5, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxMessageSize, out block),
                (6, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxSmallFieldSize, out sender),
                (7, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxSmallFieldSize, out payload),
                (8, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxSmallFieldSize, out bitmap),
                _ => false,
            };
            if (!ok)
            {
                error = $"ConsensusRequest: field {field} (wire type {(int)wire}) is unknown, truncated or too large.";
                return false;
            }
        }

        request = new ConsensusRequest
        {
            ViewId = view,
            BlockNumber = number,
            ShardId = (uint)shard,
            BlockHash = hash,
            Block = block,
            SenderPublicKey = sender,
            Payload = payload,
            SenderPublicKeyBitmap = bitmap,
        };
        error = null;
        return true;
    }
}
