using System.Numerics;
using Harmony.Crypto.Hashing;

namespace Harmony.Sharding.State;

/// <summary>
/// The committees of every shard for one epoch (spec/harmony.md §5.1), carried in the last header of the previous
/// epoch. <see cref="Epoch"/> is <see langword="null"/> for states decoded from the legacy (pre-staking) format.
/// </summary>
public sealed class ShardState
{
    private readonly ShardCommittee[] _shards;

    /// <summary>Creates a shard state.</summary>
    /// <param name="epoch">The epoch the committees serve, or <see langword="null"/> (legacy states carry none).</param>
    /// <param name="shards">One committee per shard.</param>
    public ShardState(BigInteger? epoch, IEnumerable<ShardCommittee> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (epoch is { Sign: < 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), "An epoch cannot be negative.");
        }

        Epoch = epoch;
        _shards = [.. shards];
    }

    /// <summary>The epoch, or <see langword="null"/> for a legacy state.</summary>
    public BigInteger? Epoch { get; }

    /// <summary>The committees in their encoded order.</summary>
    public IReadOnlyList<ShardCommittee> Shards => _shards;

    /// <summary>The committee of <paramref name="shardId"/>, if present.</summary>
    /// <param name="shardId">The shard.</param>
    /// <param name="committee">The committee, or <see langword="null"/>.</param>
    /// <returns>Whether the state has that shard.</returns>
    public bool TryGetCommittee(uint shardId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ShardCommittee? committee)
    {
        foreach (var shard in _shards)
        {
            if (shard.ShardId == shardId)
            {
                committee = shard;
                return true;
            }
        }

        committee = null;
        return false;
    }

    /// <summary>
    /// <c>State.Hash()</c>, the <c>ShardStateHash</c> of v0–v2 headers: with the shards sorted by ID, Keccak-256 of the
    /// concatenation of each shard's <c>Keccak-256(address ‖ blsKey ‖ …)</c> over its slots (an empty shard adds nothing).
    /// </summary>
    /// <returns>32 bytes.</returns>
    public byte[] Hash()
    {
        var sorted = (ShardCommittee[])_shards.Clone();
        Array.Sort(sorted, static (x, y) => x.ShardId.CompareTo(y.ShardId));
        using var outer = new Keccak256();
        using var inner = new Keccak256();
        Span<byte> digest = stackalloc byte[Keccak256.HashSizeInBytes];
        foreach (var shard in sorted)
        {
            if (shard.Slots.Count == 0)
            {
                continue;
            }

            foreach (var slot in shard.Slots)
            {
                inner.AppendData(slot.Address.Span);
                inner.AppendData(slot.BlsPublicKey.Span);
            }

            inner.GetHashAndReset(digest);
            outer.AppendData(digest);
        }

        return outer.GetHashAndReset();
    }
}
