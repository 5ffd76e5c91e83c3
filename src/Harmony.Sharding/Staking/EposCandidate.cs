using System.Numerics;

namespace Harmony.Sharding.Staking;

/// <summary>
/// A validator that may bid in the EPoS auction: eligible (active, and not below the signing threshold if it sat in the
/// previous committee), with its BLS slot keys in registration order and its total stake (the sum of its delegations,
/// in atto).
/// </summary>
/// <param name="Address">The 20-byte validator account.</param>
/// <param name="SlotKeys">The 48-byte BLS keys it registered, in order.</param>
/// <param name="Stake">The sum of all its delegations, non-negative.</param>
public sealed record EposCandidate(ReadOnlyMemory<byte> Address, IReadOnlyList<ReadOnlyMemory<byte>> SlotKeys, BigInteger Stake);
