using System.Security.Cryptography;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;

namespace Harmony.Sharding.State;

/// <summary>
/// The committee of one shard for one epoch. The order of <see cref="Slots"/> is the committee order: slot i is mask
/// bit i (spec/harmony.md §0.4, §5.3).
/// </summary>
public sealed class ShardCommittee
{
    private readonly ShardSlot[] _slots;

    /// <summary>Creates a committee.</summary>
    /// <param name="shardId">The shard.</param>
    /// <param name="slots">The slots in committee order.</param>
    public ShardCommittee(uint shardId, IEnumerable<ShardSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ShardId = shardId;
        _slots = [.. slots];
    }

    /// <summary>The shard this committee signs for.</summary>
    public uint ShardId { get; }

    /// <summary>The slots in committee order.</summary>
    public IReadOnlyList<ShardSlot> Slots => _slots;

    /// <summary>The BLS keys in committee order, for <see cref="BlsCommittee.TryCreate"/>.</summary>
    /// <returns>One entry per slot.</returns>
    public IReadOnlyList<ReadOnlyMemory<byte>> BlsKeys()
    {
        var keys = new ReadOnlyMemory<byte>[_slots.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = _slots[i].BlsPublicKey;
        }

        return keys;
    }

    /// <summary>The slots as vote-power roster entries, in committee order.</summary>
    /// <returns>One roster slot per committee slot.</returns>
    public IReadOnlyList<RosterSlot> RosterSlots()
    {
        var slots = new RosterSlot[_slots.Length];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = _slots[i].ToRosterSlot();
        }

        return slots;
    }

    /// <summary>
    /// <c>Committee.Hash()</c>: SHA3-256 (FIPS 202, not Keccak) of the committee's staking-format RLP.
    /// </summary>
    /// <returns>32 bytes.</returns>
    /// <exception cref="PlatformNotSupportedException">The platform has no SHA3-256.</exception>
    public byte[] Hash() => SHA3_256.HashData(ShardStateCodec.EncodeCommittee(this, staking: true));
}
