using Harmony.Consensus.Quorum;

namespace Harmony.Sharding.State;

/// <summary>
/// One seat of a shard committee (spec/harmony.md §5.1): the validator's ECDSA account, its 48-byte BLS key, and the
/// effective stake the EPoS auction gave it — <see langword="null"/> for a Harmony-operated slot.
/// </summary>
public sealed class ShardSlot
{
    /// <summary>Size of an ECDSA account address.</summary>
    public const int AddressSize = 20;

    /// <summary>Size of a serialized BLS public key (Harmony suite).</summary>
    public const int BlsKeySize = 48;

    private readonly byte[] _address;
    private readonly byte[] _blsPublicKey;

    /// <summary>Creates a slot.</summary>
    /// <param name="address">The 20-byte account.</param>
    /// <param name="blsPublicKey">The 48-byte serialized BLS key.</param>
    /// <param name="effectiveStake">The EPoS effective stake, non-negative, or <see langword="null"/> for a Harmony slot.</param>
    public ShardSlot(ReadOnlySpan<byte> address, ReadOnlySpan<byte> blsPublicKey, Decimal18? effectiveStake)
    {
        if (address.Length != AddressSize)
        {
            throw new ArgumentException($"An address is {AddressSize} bytes, not {address.Length}.", nameof(address));
        }

        if (blsPublicKey.Length != BlsKeySize)
        {
            throw new ArgumentException($"A BLS key is {BlsKeySize} bytes, not {blsPublicKey.Length}.", nameof(blsPublicKey));
        }

        if (effectiveStake is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(effectiveStake), "An effective stake cannot be negative.");
        }

        _address = address.ToArray();
        _blsPublicKey = blsPublicKey.ToArray();
        EffectiveStake = effectiveStake;
    }

    /// <summary>The validator's ECDSA account.</summary>
    public ReadOnlyMemory<byte> Address => _address;

    /// <summary>The serialized BLS key: the committee member, and the mask bit at this slot's index.</summary>
    public ReadOnlyMemory<byte> BlsPublicKey => _blsPublicKey;

    /// <summary>The EPoS effective stake, or <see langword="null"/> for a Harmony-operated slot.</summary>
    public Decimal18? EffectiveStake { get; }

    /// <summary>Whether Harmony operates this slot (no effective stake).</summary>
    public bool IsHarmonySlot => EffectiveStake is null;

    /// <summary>The slot as a vote-power roster entry (consensus quorum).</summary>
    /// <returns>A Harmony or external roster slot with the account as earning account.</returns>
    public RosterSlot ToRosterSlot() =>
        EffectiveStake is { } stake ? RosterSlot.External(_blsPublicKey, stake, _address) : new RosterSlot(_blsPublicKey, null, _address);
}
