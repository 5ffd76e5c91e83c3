namespace Harmony.P2P;

/// <summary>
/// Network settings of a node. Defaults follow Harmony's Go node (spec/harmony.md §7): TCP port 9000, gossip mesh
/// degree D = 5 with D_lo = 4 and D_hi = 8, 2 MiB messages, connection watermarks 160/192.
/// </summary>
public sealed class P2POptions
{
    /// <summary>TCP port to listen on.</summary>
    public int ListenPort { get; set; } = 9000;

    /// <summary>Largest pub/sub message accepted or sent, in bytes.</summary>
    public int MaxMessageSize { get; set; } = 2 * 1024 * 1024;

    /// <summary>Target number of mesh peers per topic (gossipsub D).</summary>
    public int MeshDegree { get; set; } = 5;

    /// <summary>Fewest mesh peers before grafting more (gossipsub D_lo).</summary>
    public int MeshDegreeLow { get; set; } = 4;

    /// <summary>Most mesh peers before pruning (gossipsub D_hi).</summary>
    public int MeshDegreeHigh { get; set; } = 8;

    /// <summary>Connection count the connection manager trims down to.</summary>
    public int ConnectionsLowWater { get; set; } = 160;

    /// <summary>Connection count at which the connection manager starts trimming.</summary>
    public int ConnectionsHighWater { get; set; } = 192;
}
