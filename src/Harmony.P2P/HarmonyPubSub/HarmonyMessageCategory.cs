namespace Harmony.P2P.HarmonyPubSub;

/// <summary>The first content byte of a Harmony gossip payload (spec/harmony.md §7.5).</summary>
public enum HarmonyMessageCategory : byte
{
    /// <summary>A consensus message: <c>0x00 ‖ protobuf Message</c>.</summary>
    Consensus = 0x00,

    /// <summary>A node message: <c>0x01 ‖ type ‖ …</c> (transactions, blocks, crosslinks, staking).</summary>
    Node = 0x01,
}
