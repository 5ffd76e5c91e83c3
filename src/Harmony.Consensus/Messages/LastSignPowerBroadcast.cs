using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.Consensus.Messages;

/// <summary>
/// <c>harmonymessage.LastSignPowerBroadcast</c>: prepare(1,int64), commit(2,int64), change(3,int64),
/// sender_pubkey(4), shard_id(5,uint32) — the leader's report of the last round's vote power (spec §1.12).
/// </summary>
public sealed record LastSignPowerBroadcast
{
    /// <summary>The prepare tally × 100, truncated.</summary>
    public long Prepare { get; init; }

    /// <summary>The commit tally × 100, truncated.</summary>
    public long Commit { get; init; }

    /// <summary>The view-change power, divided by 10 until it is at most 100.</summary>
    public long Change { get; init; }

    /// <summary>The leader's key.</summary>
    public ReadOnlyMemory<byte> SenderPublicKey { get; init; }

    /// <summary>The shard.</summary>
    public uint ShardId { get; init; }

    internal byte[] Encode()
    {
        var writer = new ProtoBufferWriter();
        writer.WriteInt64Field(1, Prepare);
        writer.WriteInt64Field(2, Commit);
        writer.WriteInt64Field(3, Change);
        writer.WriteBytesField(4, SenderPublicKey.Span);
        writer.WriteVarintField(5, ShardId);
        return writer.ToArray();
    }

    internal static bool TryDecode(ReadOnlySpan<byte> data, [NotNullWhen(true)] out LastSignPowerBroadcast? broadcast, [NotNullWhen(false)] out string? error)
    {
        broadcast = null;
        var reader = new ProtoReader(data);
        ulong prepare = 0, commit = 0, change = 0, shard = 0;
        byte[] sender = [];
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int field, out var wire))
            {
                error = "LastSignPowerBroadcast: malformed field key.";
                return false;
            }

            bool ok = (field, (int)wire) switch
            {
                (1, 0) => reader.TryReadVarint(out prepare),
                (2, 0) => reader.TryReadVarint(out commit),
                (3, 0) => reader.TryReadVarint(out change),
                (4, 2) => ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxSmallFieldSize, out sender),
                (5, 0) => reader.TryReadVarint(out shard) && shard <= uint.MaxValue,
                _ => false,
            };
            if (!ok)
            {
                error = $"LastSignPowerBroadcast: field {field} (wire type {(int)wire}) is unknown, truncated or too large.";
                return false;
            }
        }

        broadcast = new LastSignPowerBroadcast
        {
            Prepare = unchecked((long)prepare),
            Commit = unchecked((long)commit),
            Change = unchecked((long)change),
            SenderPublicKey = sender,
            ShardId = (uint)shard,
        };
        error = null;
        return true;
    }
}
