using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Security.Cryptography;
using Harmony.Crypto.Encoding;

namespace Harmony.Consensus.Evidence;

/// <summary>
/// Double-sign evidence in Harmony's slashing layout (spec/harmony.md §1.11, go-ethereum RLP with embedded structs as
/// nested lists): <c>Record = [Evidence, Reporter(20)]</c>, <c>Evidence = [Moment, ConflictingVotes, Offender(20)]</c>,
/// <c>Moment = [Epoch, ShardID, Height, ViewID]</c>, <c>ConflictingVotes = [FirstVote, SecondVote]</c>.
/// </summary>
/// <param name="Epoch">The epoch of the conflicting votes.</param>
/// <param name="ShardId">The shard.</param>
/// <param name="Height">The block number both votes are for.</param>
/// <param name="ViewId">The view both votes are for.</param>
/// <param name="FirstVote">The first vote.</param>
/// <param name="SecondVote">The conflicting vote.</param>
/// <param name="Offender">The 20-byte operator address the shared keys belong to.</param>
/// <param name="Reporter">The 20-byte address of the reporting node.</param>
public sealed record DoubleSignRecord(BigInteger Epoch, uint ShardId, ulong Height, ulong ViewId, DoubleSignVote FirstVote, DoubleSignVote SecondVote, ReadOnlyMemory<byte> Offender, ReadOnlyMemory<byte> Reporter)
{
    /// <summary>The largest encoded record <see cref="TryDecode"/> reads.</summary>
    public const int MaxEncodedSize = 256 * 1024;

    /// <summary>The RLP encoding.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        byte[] moment = List(Item(w => w.WriteBigInteger(Epoch)), Item(w => w.WriteUInt64(ShardId)), Item(w => w.WriteUInt64(Height)), Item(w => w.WriteUInt64(ViewId)));
        byte[] votes = List(EncodeVote(FirstVote), EncodeVote(SecondVote));
        byte[] evidence = List(moment, votes, Bytes(Offender.Span));
        return List(evidence, Bytes(Reporter.Span));
    }

    /// <summary>The record hash Harmony uses: SHA3-256 (FIPS 202, not Keccak) of the RLP.</summary>
    /// <returns>32 bytes.</returns>
    /// <exception cref="PlatformNotSupportedException">The platform has no SHA3-256.</exception>
    public byte[] Hash() => SHA3_256.HashData(Encode());

    /// <summary>Decodes untrusted RLP; fails with a reason, never throws.</summary>
    /// <param name="encoded">The bytes.</param>
    /// <param name="record">The record, or <see langword="null"/>.</param>
    /// <param name="error">Why decoding failed, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a record.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out DoubleSignRecord? record, [NotNullWhen(false)] out string? error)
    {
        record = null;
        error = "Double-sign record: malformed RLP.";
        if (encoded.Length > MaxEncodedSize)
        {
            error = $"Double-sign record: {encoded.Length} bytes exceed {MaxEncodedSize}.";
            return false;
        }

        var top = new RlpReader(encoded);
        if (!top.TryReadList(out var recordList) || !top.TryEnsureEnd()
            || !recordList.TryReadList(out var evidence)
            || !recordList.TryReadFixedBytes(20, out var reporter) || !recordList.TryEnsureEnd()
            || !evidence.TryReadList(out var moment)
            || !moment.TryReadBigInteger(out var epoch) || !moment.TryReadUInt64(out ulong shard) || shard > uint.MaxValue
            || !moment.TryReadUInt64(out ulong height) || !moment.TryReadUInt64(out ulong view) || !moment.TryEnsureEnd()
            || !evidence.TryReadList(out var votes)
            || !TryDecodeVote(ref votes, out var first) || !TryDecodeVote(ref votes, out var second) || !votes.TryEnsureEnd()
            || !evidence.TryReadFixedBytes(20, out var offender) || !evidence.TryEnsureEnd())
        {
            return false;
        }

        record = new DoubleSignRecord(epoch, (uint)shard, height, view, first, second, offender.ToArray(), reporter.ToArray());
        error = null;
        return true;
    }

    private static bool TryDecodeVote(ref RlpReader votes, [NotNullWhen(true)] out DoubleSignVote? vote)
    {
        vote = null;
        if (!votes.TryReadList(out var list) || !list.TryReadList(out var keyList))
        {
            return false;
        }

        var keys = new List<ReadOnlyMemory<byte>>();
        while (keyList.HasMore)
        {
            if (keys.Count >= 4096 || !keyList.TryReadBytes(out var key))
            {
                return false;
            }

            keys.Add(key.ToArray());
        }

        if (!list.TryReadFixedBytes(32, out var hash) || !list.TryReadBytes(out var signature) || !list.TryEnsureEnd())
        {
            return false;
        }

        vote = new DoubleSignVote(keys, hash.ToArray(), signature.ToArray());
        return true;
    }

    private static byte[] EncodeVote(DoubleSignVote vote)
    {
        var keys = vote.SignerPublicKeys.Select(k => Bytes(k.Span)).ToArray();
        return List(List(keys), Bytes(vote.BlockHeaderHash.Span), Bytes(vote.Signature.Span));
    }

    private static byte[] Bytes(ReadOnlySpan<byte> value) => Rlp.EncodeBytes(value);

    private static byte[] Item(Action<RlpWriterBox> write)
    {
        var buffer = new ArrayBufferWriter<byte>(48);
        write(new RlpWriterBox(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] List(params byte[][] items)
    {
        int payload = items.Sum(i => i.Length);
        var buffer = new ArrayBufferWriter<byte>(payload + 9);
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(payload);
        foreach (var item in items)
        {
            writer.WriteRaw(item);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Lets a lambda write one item (RlpWriter is a ref struct and cannot be captured).</summary>
    private readonly struct RlpWriterBox(ArrayBufferWriter<byte> buffer)
    {
        public void WriteBigInteger(BigInteger value) => new RlpWriter(buffer).WriteBigInteger(value);

        public void WriteUInt64(ulong value) => new RlpWriter(buffer).WriteUInt64(value);
    }
}
