namespace Harmony.Consensus.Quorum;

/// <summary>
/// One committee slot as the vote-power roster needs it: the BLS public key, and either no effective stake (a
/// Harmony-operated slot, which shares <c>HarmonyVotePercent</c>) or the slot's effective stake (an external validator).
/// </summary>
public sealed class RosterSlot
{
    /// <summary>Creates a slot.</summary>
    /// <param name="blsPublicKey">The slot's encoded BLS public key (48 bytes in Harmony's suite); compared byte for byte.</param>
    /// <param name="effectiveStake">The effective stake of an external slot, or <see langword="null"/> for a Harmony slot.</param>
    /// <param name="earningAccount">The 20-byte ECDSA address that earns for this slot, if known (empty otherwise).</param>
    public RosterSlot(ReadOnlyMemory<byte> blsPublicKey, Decimal18? effectiveStake, ReadOnlyMemory<byte> earningAccount = default)
    {
        if (effectiveStake is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(effectiveStake), effectiveStake, "An effective stake is never negative.");
        }

        BlsPublicKey = blsPublicKey;
        EffectiveStake = effectiveStake;
        EarningAccount = earningAccount;
    }

    /// <summary>The encoded BLS public key.</summary>
    public ReadOnlyMemory<byte> BlsPublicKey { get; }

    /// <summary>The effective stake, or <see langword="null"/> for a Harmony-operated slot.</summary>
    public Decimal18? EffectiveStake { get; }

    /// <summary>The earning account (20 bytes), or empty when not known.</summary>
    public ReadOnlyMemory<byte> EarningAccount { get; }

    /// <summary>Whether Harmony operates the slot (it has no effective stake).</summary>
    public bool IsHarmonySlot => EffectiveStake is null;

    /// <summary>A Harmony-operated slot.</summary>
    /// <param name="blsPublicKey">The encoded BLS public key.</param>
    /// <returns>The slot.</returns>
    public static RosterSlot Harmony(ReadOnlyMemory<byte> blsPublicKey) => new(blsPublicKey, null);

    /// <summary>An external (staked) slot.</summary>
    /// <param name="blsPublicKey">The encoded BLS public key.</param>
    /// <param name="effectiveStake">Its effective stake.</param>
    /// <param name="earningAccount">Its earning account (20 bytes), if known.</param>
    /// <returns>The slot.</returns>
    public static RosterSlot External(ReadOnlyMemory<byte> blsPublicKey, Decimal18 effectiveStake, ReadOnlyMemory<byte> earningAccount = default) =>
        new(blsPublicKey, effectiveStake, earningAccount);
}
