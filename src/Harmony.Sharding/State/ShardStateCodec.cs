using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Encoding;

namespace Harmony.Sharding.State;

/// <summary>
/// RLP of <see cref="ShardState"/> in Harmony's two formats (spec/harmony.md §5.1):
/// <list type="bullet">
/// <item>staking: <c>[epoch, [[shardId, [[address, blsKey, effectiveStake]…]]…]]</c>, where the effective stake is the
/// empty list for a Harmony slot and <c>[stake·10^18]</c> otherwise;</item>
/// <item>legacy (pre-staking): <c>[[shardId, [[address, blsKey]…]]…]</c>, with no epoch and no stakes.</item>
/// </list>
/// Decoding tries the staking format first and falls back to the legacy one, as the Go node does.
/// </summary>
public static class ShardStateCodec
{
    /// <summary>Most shards a decoded state may have.</summary>
    public const int MaxShards = 1024;

    /// <summary>Most slots a decoded committee may have.</summary>
    public const int MaxSlotsPerCommittee = 8192;

    private const int MaxStakeBytes = (Decimal18.MaxBits + 7) / 8;

    /// <summary>Encodes a state.</summary>
    /// <param name="state">The state.</param>
    /// <param name="staking">True for the staking format (from the staking epoch on), false for the legacy format.</param>
    /// <returns>The RLP bytes.</returns>
    public static byte[] Encode(ShardState state, bool staking)
    {
        ArgumentNullException.ThrowIfNull(state);
        var committees = new byte[state.Shards.Count][];
        for (int i = 0; i < committees.Length; i++)
        {
            committees[i] = EncodeCommittee(state.Shards[i], staking);
        }

        byte[] list = RlpItems.List(committees);
        return staking ? RlpItems.List(RlpItems.Big(state.Epoch ?? BigInteger.Zero), list) : list;
    }

    /// <summary>Decodes a state in either format.</summary>
    /// <param name="encoded">The RLP bytes.</param>
    /// <param name="state">The state, or <see langword="null"/>.</param>
    /// <param name="error">Why neither format matched (the legacy attempt's reason), or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a shard state.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out ShardState? state, [NotNullWhen(false)] out string? error)
    {
        if (TryDecodeStaking(encoded, out state, out _))
        {
            error = null;
            return true;
        }

        return TryDecodeLegacy(encoded, out state, out error);
    }

    /// <summary>Decodes a state, throwing <see cref="FormatException"/> with the reason when it is malformed.</summary>
    /// <param name="encoded">The RLP bytes.</param>
    /// <returns>The state.</returns>
    public static ShardState Decode(ReadOnlySpan<byte> encoded) =>
        TryDecode(encoded, out var state, out var error) ? state : throw new FormatException($"Shard state: {error}");

    internal static byte[] EncodeCommittee(ShardCommittee committee, bool staking)
    {
        var slots = new byte[committee.Slots.Count][];
        for (int i = 0; i < slots.Length; i++)
        {
            var slot = committee.Slots[i];
            byte[] address = RlpItems.Bytes(slot.Address.Span);
            byte[] key = RlpItems.Bytes(slot.BlsPublicKey.Span);
            if (!staking)
            {
                slots[i] = RlpItems.List(address, key);
                continue;
            }

            byte[] stake = slot.EffectiveStake is { } s ? RlpItems.List(RlpItems.Big(s.RawValue)) : RlpItems.List([]);
            slots[i] = RlpItems.List(address, key, stake);
        }

        return RlpItems.List(RlpItems.UInt(committee.ShardId), RlpItems.List(slots));
    }

    private static bool TryDecodeStaking(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out ShardState? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        var top = new RlpReader(encoded);
        if (!top.TryReadList(out var body) || !top.TryEnsureEnd())
        {
            error = $"not one RLP list ({top.LastError})";
            return false;
        }

        if (!body.TryReadBigInteger(out BigInteger epoch))
        {
            error = $"epoch: {body.LastError}";
            return false;
        }

        if (!body.TryReadList(out var shardsReader))
        {
            error = $"committees: {body.LastError}";
            return false;
        }

        if (!TryReadCommittees(ref shardsReader, staking: true, out var committees, out error))
        {
            return false;
        }

        if (!body.TryEnsureEnd())
        {
            error = $"extra items after the committees ({body.LastError})";
            return false;
        }

        state = new ShardState(epoch, committees);
        return true;
    }

    private static bool TryDecodeLegacy(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out ShardState? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        var top = new RlpReader(encoded);
        if (!top.TryReadList(out var shardsReader) || !top.TryEnsureEnd())
        {
            error = $"not one RLP list ({top.LastError})";
            return false;
        }

        if (!TryReadCommittees(ref shardsReader, staking: false, out var committees, out error))
        {
            return false;
        }

        state = new ShardState(null, committees);
        return true;
    }

    private static bool TryReadCommittees(ref RlpReader reader, bool staking, [NotNullWhen(true)] out List<ShardCommittee>? committees, [NotNullWhen(false)] out string? error)
    {
        committees = [];
        while (reader.HasMore)
        {
            if (committees.Count == MaxShards)
            {
                error = $"more than {MaxShards} shards";
                return false;
            }

            if (!reader.TryReadList(out var committeeReader) ||
                !committeeReader.TryReadUInt64(out ulong shardId) ||
                !committeeReader.TryReadList(out var slotsReader))
            {
                error = $"committee {committees.Count}: {reader.LastError}";
                return false;
            }

            if (shardId > uint.MaxValue)
            {
                error = $"committee {committees.Count}: shard ID {shardId} does not fit in 32 bits";
                return false;
            }

            if (!committeeReader.TryEnsureEnd())
            {
                error = $"committee {committees.Count}: extra items";
                return false;
            }

            var slots = new List<ShardSlot>();
            while (slotsReader.HasMore)
            {
                if (slots.Count == MaxSlotsPerCommittee)
                {
                    error = $"committee {committees.Count}: more than {MaxSlotsPerCommittee} slots";
                    return false;
                }

                if (!TryReadSlot(ref slotsReader, staking, out var slot, out string? slotError))
                {
                    error = $"committee {committees.Count}, slot {slots.Count}: {slotError}";
                    return false;
                }

                slots.Add(slot);
            }

            committees.Add(new ShardCommittee((uint)shardId, slots));
        }

        error = null;
        return true;
    }

    private static bool TryReadSlot(ref RlpReader reader, bool staking, [NotNullWhen(true)] out ShardSlot? slot, [NotNullWhen(false)] out string? error)
    {
        slot = null;
        if (!reader.TryReadList(out var fields))
        {
            error = $"not a list ({reader.LastError})";
            return false;
        }

        if (!fields.TryReadFixedBytes(ShardSlot.AddressSize, out var address) ||
            !fields.TryReadFixedBytes(ShardSlot.BlsKeySize, out var key))
        {
            error = $"address or BLS key ({fields.LastError})";
            return false;
        }

        Decimal18? stake = null;
        if (staking)
        {
            if (!fields.TryReadList(out var stakeReader))
            {
                error = $"effective stake is not a list ({fields.LastError})";
                return false;
            }

            if (stakeReader.HasMore)
            {
                if (!stakeReader.TryReadBigInteger(out BigInteger raw, MaxStakeBytes) || !stakeReader.TryEnsureEnd())
                {
                    error = $"effective stake ({stakeReader.LastError})";
                    return false;
                }

                if (raw.GetBitLength() > Decimal18.MaxBits)
                {
                    error = $"effective stake has more than {Decimal18.MaxBits} bits";
                    return false;
                }

                stake = Decimal18.FromRaw(raw);
            }
        }

        if (!fields.TryEnsureEnd())
        {
            error = $"extra fields ({fields.LastError})";
            return false;
        }

        error = null;

        slot = new ShardSlot(address, key, stake);
        return true;
    }
}
