namespace Harmony.P2P.Kademlia;

/// <summary>The outcome of one iterative lookup.</summary>
public sealed class KadLookupResult
{
    internal KadLookupResult(KadKey target, IReadOnlyList<KadPeer> closestPeers, IReadOnlyList<KadPeer> responders, int rounds, int hopsToClosest, int messages, int failures, bool stoppedEarly)
    {
        Target = target;
        ClosestPeers = closestPeers;
        Responders = responders;
        Rounds = rounds;
        HopsToClosest = hopsToClosest;
        Messages = messages;
        Failures = failures;
        StoppedEarly = stoppedEarly;
    }

    /// <summary>The keyspace position looked up.</summary>
    public KadKey Target { get; }

    /// <summary>Up to k peers that answered, closest first.</summary>
    public IReadOnlyList<KadPeer> ClosestPeers { get; }

    /// <summary>
    /// Every peer that answered, closest first (a superset of <see cref="ClosestPeers"/>). With disjoint paths this
    /// shows whether any path reached the honest peers near the target even when attackers closer to it fill the k
    /// closest.
    /// </summary>
    public IReadOnlyList<KadPeer> Responders { get; }

    /// <summary>
    /// Sequential request rounds: 1 + the longest chain of "learned from" steps among peers that answered
    /// (a peer from the own routing table is at depth 0).
    /// </summary>
    public int Rounds { get; }

    /// <summary>Hops to the closest peer found: 1 + its depth (1 when it was already in the routing table); 0 when none.</summary>
    public int HopsToClosest { get; }

    /// <summary>Requests the lookup sent.</summary>
    public int Messages { get; }

    /// <summary>Requests that failed (timeout, loss, reset or a rejected response).</summary>
    public int Failures { get; }

    /// <summary>Whether the caller's condition (e.g. a read quorum) ended the lookup before convergence.</summary>
    public bool StoppedEarly { get; }
}
