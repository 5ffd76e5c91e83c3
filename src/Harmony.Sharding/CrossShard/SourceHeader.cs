using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Harmony.Crypto.Encoding;
using Harmony.Crypto.Hashing;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// The fields of a source-shard header that a cross-shard proof is checked against, read from the header's tagged RLP
/// (v1, v2 or v3; spec/harmony.md §8 — v0 headers have no <c>OutgoingReceiptHash</c>): the hash (Keccak-256 of the
/// encoding), <c>OutgoingReceiptHash</c> (field 5), <c>Number</c> (8), <c>ViewID</c> (14), <c>Epoch</c> (15) and
/// <c>ShardID</c> (16).
/// </summary>
/// <param name="Hash">Keccak-256 of the encoded header.</param>
/// <param name="Version">The envelope tag: v1, v2 or v3.</param>
/// <param name="OutgoingReceiptHash">The root over the block's outgoing receipts.</param>
/// <param name="Number">The block number.</param>
/// <param name="ViewId">The consensus view of the block.</param>
/// <param name="Epoch">The block's epoch.</param>
/// <param name="ShardId">The block's shard.</param>
public sealed record SourceHeader(ReadOnlyMemory<byte> Hash, string Version, ReadOnlyMemory<byte> OutgoingReceiptHash, ulong Number, ulong ViewId, ulong Epoch, uint ShardId)
{
    /// <summary>Largest accepted header encoding.</summary>
    public const int MaxEncodedSize = 64 * 1024;

    private const int FieldsBeforeShardId = 17;

    /// <summary>Reads the fields from a tagged v1–v3 header encoding.</summary>
    /// <param name="encoded">The header's RLP (the tagged envelope).</param>
    /// <param name="header">The fields, or <see langword="null"/>.</param>
    /// <param name="error">Why the header was refused, or <see langword="null"/>.</param>
    /// <returns>Whether the encoding is a v1–v3 header.</returns>
    public static bool TryParse(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out SourceHeader? header, [NotNullWhen(false)] out string? error)
    {
        header = null;
        if (encoded.Length > MaxEncodedSize)
        {
            error = $"The header is {encoded.Length} bytes, more than {MaxEncodedSize}.";
            return false;
        }

        if (!HarmonyTaggedRlp.TryReadEnvelope(encoded, out var tag, out var inner, out var rlpError))
        {
            error = $"The header is not well-formed RLP ({rlpError}).";
            return false;
        }

        string version = System.Text.Encoding.ASCII.GetString(tag);
        if (version is not ("v1" or "v2" or "v3"))
        {
            error = tag.IsEmpty ? "A legacy (v0) header has no outgoing receipt hash." : $"Unknown header version '{version}'.";
            return false;
        }

        var top = new RlpReader(inner);
        if (!top.TryReadList(out var fields))
        {
            error = $"The header body is not a list ({top.LastError}).";
            return false;
        }

        ReadOnlySpan<byte> outgoing = default;
        BigInteger number = 0, viewId = 0, epoch = 0;
        ulong shardId = 0;
        for (int index = 0; index < FieldsBeforeShardId; index++)
        {
            bool ok = index switch
            {
                5 => fields.TryReadFixedBytes(CXReceipt.HashSize, out outgoing),
                8 => fields.TryReadBigInteger(out number),
                14 => fields.TryReadBigInteger(out viewId),
                15 => fields.TryReadBigInteger(out epoch),
                16 => fields.TryReadUInt64(out shardId),
                _ => fields.TryReadRaw(out _),
            };
            if (!ok)
            {
                error = $"Header field {index} is malformed ({fields.LastError}).";
                return false;
            }
        }

        if (number > ulong.MaxValue || viewId > ulong.MaxValue || epoch > ulong.MaxValue || shardId > uint.MaxValue)
        {
            error = "A header number, view, epoch or shard is out of range.";
            return false;
        }

        header = new SourceHeader(Keccak256.HashData(encoded), version, outgoing.ToArray(), (ulong)number, (ulong)viewId, (ulong)epoch, (uint)shardId);
        error = null;
        return true;
    }
}
