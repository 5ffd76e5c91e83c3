namespace Harmony.Sharding.Randomness;

/// <summary>
/// Everything needed to check an epoch's randomness from scratch: the epoch, the previous epoch's randomness, the VRF
/// contributions of the commitment window in block order, and the encoded VDF proof (<c>y ‖ π</c>) over the seed.
/// </summary>
/// <param name="Epoch">The epoch whose randomness this is.</param>
/// <param name="PreviousRandomness">The previous epoch's 32-byte randomness (chains the epochs together).</param>
/// <param name="Contributions">The window's VRFs, one per consecutive block.</param>
/// <param name="VdfProof">The Wesolowski proof over the class group derived from the seed.</param>
public sealed record EpochRandomnessEvidence(ulong Epoch, ReadOnlyMemory<byte> PreviousRandomness, IReadOnlyList<VrfContribution> Contributions, ReadOnlyMemory<byte> VdfProof);
