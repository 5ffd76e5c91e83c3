using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Harmony.Crypto.Encoding;

namespace Harmony.Sharding.CrossShard;

/// <summary>
/// A cross-shard transfer receipt (spec/harmony.md §6): created on the source shard when a transaction's destination
/// shard differs, and credited on the destination shard. RLP:
/// <c>[TxHash(32), From(20), To(20, or empty for none), ShardID, ToShardID, Amount]</c>.
/// </summary>
public sealed record CXReceipt
{
    /// <summary>Size of a transaction hash.</summary>
    public const int HashSize = 32;

    /// <summary>Size of an account address.</summary>
    public const int AddressSize = 20;

    /// <summary>Creates a receipt.</summary>
    /// <param name="txHash">The source transaction's hash.</param>
    /// <param name="from">The sender.</param>
    /// <param name="to">The recipient, or empty for none.</param>
    /// <param name="shardId">The source shard.</param>
    /// <param name="toShardId">The destination shard.</param>
    /// <param name="amount">The amount, non-negative.</param>
    public CXReceipt(ReadOnlyMemory<byte> txHash, ReadOnlyMemory<byte> from, ReadOnlyMemory<byte> to, uint shardId, uint toShardId, BigInteger amount)
    {
        if (txHash.Length != HashSize || from.Length != AddressSize || (to.Length != 0 && to.Length != AddressSize))
        {
            throw new ArgumentException("A receipt has a 32-byte hash, a 20-byte sender and an empty or 20-byte recipient.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount.Sign, nameof(amount));
        TxHash = txHash.ToArray();
        From = from.ToArray();
        To = to.ToArray();
        ShardId = shardId;
        ToShardId = toShardId;
        Amount = amount;
    }

    /// <summary>The source transaction's hash.</summary>
    public ReadOnlyMemory<byte> TxHash { get; }

    /// <summary>The sender.</summary>
    public ReadOnlyMemory<byte> From { get; }

    /// <summary>The recipient, or empty for none.</summary>
    public ReadOnlyMemory<byte> To { get; }

    /// <summary>The source shard.</summary>
    public uint ShardId { get; }

    /// <summary>The destination shard.</summary>
    public uint ToShardId { get; }

    /// <summary>The transferred amount (atto).</summary>
    public BigInteger Amount { get; }

    /// <summary>The receipt's RLP.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => RlpItems.List(
        RlpItems.Bytes(TxHash.Span),
        RlpItems.Bytes(From.Span),
        RlpItems.Bytes(To.Span),
        RlpItems.UInt(ShardId),
        RlpItems.UInt(ToShardId),
        RlpItems.Big(Amount));

    /// <summary>Reads one receipt from <paramref name="reader"/>.</summary>
    /// <param name="reader">Positioned at the receipt's list.</param>
    /// <param name="receipt">The receipt, or <see langword="null"/>.</param>
    /// <param name="error">Why it is malformed, or <see langword="null"/>.</param>
    /// <returns>Whether a well-formed receipt was read.</returns>
    public static bool TryRead(ref RlpReader reader, [NotNullWhen(true)] out CXReceipt? receipt, [NotNullWhen(false)] out string? error)
    {
        receipt = null;
        if (!reader.TryReadList(out var fields))
        {
            error = $"not a list ({reader.LastError})";
            return false;
        }

        if (!fields.TryReadFixedBytes(HashSize, out var txHash) ||
            !fields.TryReadFixedBytes(AddressSize, out var from) ||
            !fields.TryReadBytes(out var to) ||
            (to.Length != 0 && to.Length != AddressSize) ||
            !fields.TryReadUInt64(out ulong shardId) || shardId > uint.MaxValue ||
            !fields.TryReadUInt64(out ulong toShardId) || toShardId > uint.MaxValue ||
            !fields.TryReadBigInteger(out BigInteger amount) ||
            !fields.TryEnsureEnd())
        {
            error = $"malformed receipt fields ({fields.LastError})";
            return false;
        }

        receipt = new CXReceipt(txHash.ToArray(), from.ToArray(), to.ToArray(), (uint)shardId, (uint)toShardId, amount);
        error = null;
        return true;
    }
}
