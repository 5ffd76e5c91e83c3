namespace Harmony.Sharding.Assignment;

/// <summary>A Harmony-operated (genesis) account: its 20-byte address and its 48-byte BLS key.</summary>
/// <param name="Address">The account.</param>
/// <param name="BlsKey">The serialized BLS key.</param>
public sealed record HarmonyAccount(ReadOnlyMemory<byte> Address, ReadOnlyMemory<byte> BlsKey);
