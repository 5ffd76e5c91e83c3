namespace Harmony.P2P.Kademlia;

/// <summary>What <see cref="KadRoutingTable.Update"/> did with a peer.</summary>
public enum KadTableUpdate
{
    /// <summary>The peer is the table's own key and was not added.</summary>
    Ignored = 0,

    /// <summary>The peer was already present and moved to the most-recently-seen end.</summary>
    Refreshed = 1,

    /// <summary>The peer was appended to its bucket.</summary>
    Added = 2,

    /// <summary>The bucket was full; the peer waits in the replacement cache until an entry fails its liveness check.</summary>
    BucketFull = 3,
}
