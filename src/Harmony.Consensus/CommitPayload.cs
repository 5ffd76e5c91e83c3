using System.Buffers.Binary;

namespace Harmony.Consensus;

/// <summary>
/// What a COMMIT signs (spec/harmony.md §1.4, <c>consensus/signature</c>): <c>LE64(blockNum) ‖ blockHash(32)</c>, followed
/// by <c>LE64(viewID)</c> from the staking epoch on — 40 bytes before staking, 48 after. Block seals, crosslinks and
/// double-sign evidence are verified over the same bytes.
/// </summary>
public static class CommitPayload
{
    /// <summary>The length of a block hash.</summary>
    public const int HashSize = 32;

    /// <summary>Builds the payload.</summary>
    /// <param name="blockNumber">The block's height.</param>
    /// <param name="blockHash">The 32-byte block hash.</param>
    /// <param name="viewId">The block header's view id.</param>
    /// <param name="includeViewId">Whether the signed block is in a staking epoch.</param>
    /// <returns>40 or 48 bytes.</returns>
    public static byte[] Build(ulong blockNumber, ReadOnlySpan<byte> blockHash, ulong viewId, bool includeViewId)
    {
        if (blockHash.Length != HashSize)
        {
            throw new ArgumentException($"A block hash is {HashSize} bytes, not {blockHash.Length}.", nameof(blockHash));
        }

        var payload = new byte[includeViewId ? 48 : 40];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, blockNumber);
        blockHash.CopyTo(payload.AsSpan(8));
        if (includeViewId)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(40), viewId);
        }

        return payload;
    }

    /// <summary>The M3 view-change payload: <c>LE64(viewID)</c>.</summary>
    /// <param name="viewId">The view.</param>
    /// <returns>8 bytes.</returns>
    public static byte[] ViewId(ulong viewId)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, viewId);
        return payload;
    }

    /// <summary>The M2 ("nil") view-change payload: the single byte 0x01.</summary>
    public static ReadOnlySpan<byte> Nil => [0x01];
}
