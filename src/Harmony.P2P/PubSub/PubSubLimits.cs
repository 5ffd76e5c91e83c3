namespace Harmony.P2P.PubSub;

/// <summary>
/// Bounds on untrusted pubsub input. The RPC bound is the frame limit checked on the length prefix (go-libp2p-pubsub's
/// "max message size", 2 MiB in Harmony); the others bound what one RPC may carry.
/// </summary>
public sealed class PubSubLimits
{
    /// <summary>Largest RPC frame accepted or sent, in bytes.</summary>
    public int MaxRpcSize { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest message payload (<c>data</c>) accepted or published, in bytes; larger ones are rejected.</summary>
    public int MaxMessageSize { get; set; } = 2 * 1024 * 1024;

    /// <summary>Most subscription changes in one RPC.</summary>
    public int MaxSubscriptionsPerRpc { get; set; } = 1024;

    /// <summary>Most full messages in one RPC.</summary>
    public int MaxMessagesPerRpc { get; set; } = 1024;

    /// <summary>Most IHAVE, IWANT, GRAFT and PRUNE entries (each kind) in one RPC.</summary>
    public int MaxControlEntriesPerRpc { get; set; } = 1024;

    /// <summary>Most message ids over all IHAVE entries, and over all IWANT entries, of one RPC.</summary>
    public int MaxMessageIdsPerRpc { get; set; } = 5000;

    /// <summary>Most peers in one PRUNE's peer exchange.</summary>
    public int MaxPeerExchangePerPrune { get; set; } = 64;

    /// <summary>Longest topic name, in UTF-8 bytes.</summary>
    public int MaxTopicLength { get; set; } = 256;

    /// <summary>Longest message id, in bytes.</summary>
    public int MaxMessageIdLength { get; set; } = 256;

    /// <summary>Longest <c>from</c>, <c>seqno</c>, <c>signature</c> or <c>key</c> field, in bytes.</summary>
    public int MaxMetadataLength { get; set; } = 1024;

    /// <summary>Longest signed peer record in peer exchange, in bytes.</summary>
    public int MaxSignedPeerRecordLength { get; set; } = 4096;
}
