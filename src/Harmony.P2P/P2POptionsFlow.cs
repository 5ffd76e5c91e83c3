using Harmony.P2P.Host;
using Harmony.P2P.PubSub;
using Microsoft.Extensions.Options;

namespace Harmony.P2P;

/// <summary>Carries the node-wide connection watermarks of <see cref="P2POptions"/> into the host's connection manager.</summary>
internal sealed class HostOptionsFromP2POptions(IOptions<P2POptions> p2p) : IConfigureOptions<Libp2pHostOptions>
{
    public void Configure(Libp2pHostOptions options)
    {
        options.LowWatermark = p2p.Value.ConnectionsLowWater;
        options.HighWatermark = p2p.Value.ConnectionsHighWater;

        // The hard connection limit must lie above the high watermark, or trimming could never start.
        options.MaxConnections = Math.Max(options.MaxConnections, p2p.Value.ConnectionsHighWater + 1);
    }
}

/// <summary>Carries the node-wide mesh degrees and message size of <see cref="P2POptions"/> into gossipsub.</summary>
internal sealed class GossipOptionsFromP2POptions(IOptions<P2POptions> p2p) : IConfigureOptions<GossipSubOptions>
{
    public void Configure(GossipSubOptions options)
    {
        options.D = p2p.Value.MeshDegree;
        options.DLow = p2p.Value.MeshDegreeLow;
        options.DHigh = p2p.Value.MeshDegreeHigh;
        options.Limits.MaxRpcSize = p2p.Value.MaxMessageSize;
        options.Limits.MaxMessageSize = p2p.Value.MaxMessageSize;
    }
}
