namespace Harmony.P2P.Kademlia;

/// <summary>
/// Settings of a <see cref="KadNode"/>. Defaults follow libp2p kad-dht: k = 20, α = 10, β = 3, refresh every 10 min,
/// provider records republished every 22 h and expired after 48 h, records kept 48 h.
/// </summary>
public sealed class KadOptions
{
    /// <summary>k: bucket size, replication factor and number of peers a lookup returns.</summary>
    public int BucketSize { get; set; } = 20;

    /// <summary>α: queries a lookup keeps in flight.</summary>
    public int Concurrency { get; set; } = 10;

    /// <summary>β: how many of the closest peers must have answered before a lookup may stop.</summary>
    public int Resiliency { get; set; } = 3;

    /// <summary>
    /// When <see langword="true"/> (default) a lookup also waits until every one of the k closest peers it knows has
    /// answered or failed, so the result holds only peers that answered (the paper's final step). When
    /// <see langword="false"/> it stops as soon as the β closest have answered (go-libp2p behaviour).
    /// </summary>
    public bool CompleteClosestSet { get; set; } = true;

    /// <summary>d: number of disjoint paths (S/Kademlia) per lookup; 1 means an ordinary lookup.</summary>
    public int DisjointPaths { get; set; } = 1;

    /// <summary>Whether this node serves the DHT or only uses it.</summary>
    public KadMode Mode { get; set; } = KadMode.Server;

    /// <summary>Size of each bucket's replacement cache (peers that answered while the bucket was full).</summary>
    public int ReplacementCacheSize { get; set; } = 5;

    /// <summary>
    /// Ping-before-evict threshold: when a newcomer finds its bucket full, the oldest entry is checked only if it has
    /// not been heard from for this long (a recently heard entry simply wins).
    /// </summary>
    public TimeSpan LivenessCheckAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed requests in a row after which a routing-table entry is dropped.</summary>
    public int MaxFailuresBeforeEviction { get; set; } = 2;

    /// <summary>How often <see cref="KadNode.StartMaintenance"/> refreshes buckets that saw no lookup.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often provided keys are announced again.</summary>
    public TimeSpan ProviderRepublishInterval { get; set; } = TimeSpan.FromHours(22);

    /// <summary>How long a provider record is kept after its last announcement.</summary>
    public TimeSpan ProviderRecordExpiry { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long a stored value record is kept.</summary>
    public TimeSpan MaxRecordAge { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Quorum of GET_VALUE: valid records to collect before a read stops early.</summary>
    public int GetValueQuorum { get; set; } = 16;

    /// <summary>Largest accepted key, in bytes.</summary>
    public int MaxKeySize { get; set; } = 256;

    /// <summary>Largest accepted record value, in bytes.</summary>
    public int MaxValueSize { get; set; } = 16 * 1024;

    /// <summary>Largest accepted peer id, in bytes.</summary>
    public int MaxPeerIdSize { get; set; } = 128;

    /// <summary>Most addresses accepted per peer in a message.</summary>
    public int MaxAddressesPerPeer { get; set; } = 16;

    /// <summary>Most closer peers accepted in one response; a response with more is rejected.</summary>
    public int MaxCloserPeersPerResponse { get; set; } = 20;

    /// <summary>Most provider peers accepted in one message; a message with more is rejected.</summary>
    public int MaxProviderPeersPerResponse { get; set; } = 20;

    /// <summary>Most value records stored.</summary>
    public int MaxStoredRecords { get; set; } = 65_536;

    /// <summary>Most keys with provider records stored.</summary>
    public int MaxProviderKeys { get; set; } = 65_536;

    /// <summary>Most providers stored per key.</summary>
    public int MaxProvidersPerKey { get; set; } = 64;

    /// <summary>Requests per second each remote peer may send on average (token bucket refill rate).</summary>
    public double RequestsPerSecondPerPeer { get; set; } = 20;

    /// <summary>Requests a remote peer may send in a burst (token bucket capacity).</summary>
    public int RequestBurstPerPeer { get; set; } = 100;

    /// <summary>Most remote peers whose request rate is tracked at once.</summary>
    public int MaxRateLimitedPeers { get; set; } = 4096;

    internal KadOptions Clone() => (KadOptions)MemberwiseClone();
}
