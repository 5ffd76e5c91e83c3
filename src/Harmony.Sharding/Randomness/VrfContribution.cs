namespace Harmony.Sharding.Randomness;

/// <summary>
/// One block's VRF, as it enters the epoch seed: the block number, its parent hash, its leader's 48-byte BLS key and
/// the header's 128-byte <c>Vrf</c> field (<c>beta ‖ proof</c>).
/// </summary>
/// <param name="BlockNumber">The block's number.</param>
/// <param name="ParentHash">The parent block's hash (the VRF input is its SHA-256).</param>
/// <param name="LeaderKey">The serialized BLS key of the block's leader.</param>
/// <param name="VrfField">The header's VRF field.</param>
public sealed record VrfContribution(ulong BlockNumber, ReadOnlyMemory<byte> ParentHash, ReadOnlyMemory<byte> LeaderKey, ReadOnlyMemory<byte> VrfField);
