namespace Harmony.P2P.PubSub;

/// <summary>Counters of one <see cref="GossipSubRouter"/>; updated by the router's (serialized) inputs.</summary>
public sealed class GossipSubStatistics
{
    /// <summary>Messages this node published.</summary>
    public long Published { get; internal set; }

    /// <summary>Messages accepted and delivered locally.</summary>
    public long Delivered { get; internal set; }

    /// <summary>Messages received again after the first time.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Messages rejected (invalid signature, oversized, wrong signing policy, or a validator's reject).</summary>
    public long Rejected { get; internal set; }

    /// <summary>Messages ignored (validator's ignore, a topic not joined, a full validation queue).</summary>
    public long Ignored { get; internal set; }

    /// <summary>RPCs dropped because their sender's score is below the graylist threshold.</summary>
    public long GraylistedRpcs { get; internal set; }

    /// <summary>Message ids asked for with IWANT.</summary>
    public long IWantRequested { get; internal set; }

    /// <summary>Messages sent in answer to IWANT.</summary>
    public long IWantServed { get; internal set; }

    /// <summary>IHAVE entries sent.</summary>
    public long IHaveSent { get; internal set; }

    /// <summary>GRAFTs sent.</summary>
    public long GraftsSent { get; internal set; }

    /// <summary>PRUNEs sent.</summary>
    public long PrunesSent { get; internal set; }

    /// <summary>IWANT promises a peer did not keep (each costs it a behaviour penalty).</summary>
    public long BrokenPromises { get; internal set; }

    /// <summary>IDONTWANT entries sent (one per mesh peer told, gossipsub v1.2).</summary>
    public long IDontWantSent { get; internal set; }

    /// <summary>Message ids accepted from peers' IDONTWANTs.</summary>
    public long IDontWantReceived { get; internal set; }

    /// <summary>Forwards left out because the peer had said IDONTWANT for the message.</summary>
    public long ForwardsSkippedByIDontWant { get; internal set; }

    /// <summary>Reconnections of direct peers asked of the sink.</summary>
    public long DirectReconnects { get; internal set; }
}
