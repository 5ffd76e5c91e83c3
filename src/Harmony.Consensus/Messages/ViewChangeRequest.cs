using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.Consensus.Messages;

/// <summary>
/// <c>harmonymessage.ViewChangeRequest</c>, the body of VIEWCHANGE and NEWVIEW: view_id(1), block_num(2), shard_id(3),
/// sender_pubkey(4), leader_pubkey(5), payload(6), viewchange_sig(7), viewid_sig(8), m2_aggsigs(9), m2_bitmap(10),
/// m3_aggsigs(11), m3_bitmap(12), prepared_block(13).
/// </summary>
public sealed record ViewChangeRequest
{
    /// <summary>The view being changed to.</summary>
    public ulong ViewId { get; init; }

    /// <summary>The stuck height.</summary>
    public ulong BlockNumber { get; init; }

    /// <summary>The shard.</summary>
    public uint ShardId { get; init; }

    /// <summary>The sender's key (one per message).</summary>
    public ReadOnlyMemory<byte> SenderPublicKey { get; init; }

    /// <summary>The proposed next leader (VIEWCHANGE).</summary>
    public ReadOnlyMemory<byte> LeaderPublicKey { get; init; }

    /// <summary>M1: <c>blockHash ‖ preparedSig ‖ preparedBitmap</c>, or empty for M2.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>The M1 or M2 signature (VIEWCHANGE).</summary>
    public ReadOnlyMemory<byte> ViewChangeSignature { get; init; }

    /// <summary>The M3 signature over <c>LE64(view_id)</c> (VIEWCHANGE).</summary>
    public ReadOnlyMemory<byte> ViewIdSignature { get; init; }

    /// <summary>The aggregate of the M2 signatures (NEWVIEW).</summary>
    public ReadOnlyMemory<byte> M2AggregateSignature { get; init; }

    /// <summary>Who signed M2 (NEWVIEW).</summary>
    public ReadOnlyMemory<byte> M2Bitmap { get; init; }

    /// <summary>The aggregate of the M3 signatures (NEWVIEW).</summary>
    public ReadOnlyMemory<byte> M3AggregateSignature { get; init; }

    /// <summary>Who signed M3 (NEWVIEW).</summary>
    public ReadOnlyMemory<byte> M3Bitmap { get; init; }

    /// <summary>The prepared block carried over (M1), or empty.</summary>
    public ReadOnlyMemory<byte> PreparedBlock { get; init; }

    internal byte[] Encode()
    {
        var writer = new ProtoBufferWriter();
        writer.WriteVarintField(1, ViewId);
        writer.WriteVarintField(2, BlockNumber);
        writer.WriteVarintField(3, ShardId);
        writer.WriteBytesField(4, SenderPublicKey.Span);
        writer.WriteBytesField(5, LeaderPublicKey.Span);
        writer.WriteBytesField(6, Payload.Span);
        writer.WriteBytesField(7, ViewChangeSignature.Span);
        writer.WriteBytesField(8, ViewIdSignature.Span);
        writer.WriteBytesField(9, M2AggregateSignature.Span);
        writer.WriteBytesField(10, M2Bitmap.Span);
        writer.WriteBytesField(11, M3AggregateSignature.Span);
        writer.WriteBytesField(12, M3Bitmap.Span);
        writer.WriteBytesField(13, PreparedBlock.Span);
        return writer.ToArray();
    }

    internal static bool TryDecode(ReadOnlySpan<byte> data, [NotNullWhen(true)] out ViewChangeRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        var reader = new ProtoReader(data);
        ulong view = 0, number = 0, shard = 0;
        var bytes = new byte[14][];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = [];
        }

        while (!reader.End)
        {
            if (!reader.TryReadTag(out int field, out var wire))
            {
                error = "ViewChangeRequest: malformed field key.";
                return false;
            }

            bool ok = (field, (int)wire) switch
            {
                (1, 0) => reader.TryReadVarint(out view),
                (2, 0) => reader.TryReadVarint(out number),
                (3, 0) => reader.TryReadVarint(out shard) && shard <= uint.MaxValue,
                (13, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxMessageSize, out bytes[13]),
                ( >= 4 and <= 12, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxSmallFieldSize, out bytes[field]),
                _ => false,
            };
            if (!ok)
            {
                error = $"ViewChangeRequest: field {field} (wire type {(int)wire}) is unknown, truncated or too large.";
                return false;
            }
        }

        request = new ViewChangeRequest
        {
            ViewId = view,
            BlockNumber = number,
            ShardId = (uint)shard,
            SenderPublicKey = bytes[4],
            LeaderPublicKey = bytes[5],
            Payload = bytes[6],
            ViewChangeSignature = bytes[7],
            ViewIdSignature = bytes[8],
            M2AggregateSignature = bytes[9],
            M2Bitmap = bytes[10],
            M3AggregateSignature = bytes[11],
            M3Bitmap = bytes[12],
            PreparedBlock = bytes[13],
        };
        error = null;
        return true;
    }
}
