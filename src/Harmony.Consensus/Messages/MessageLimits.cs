namespace Harmony.Consensus.Messages;

/// <summary>Size bounds applied while decoding untrusted consensus messages.</summary>
public static class MessageLimits
{
    /// <summary>The largest gossip payload Harmony's pubsub accepts (2 MiB), and so the largest message decoded.</summary>
    public const int MaxMessageSize = 2 * 1024 * 1024;

    /// <summary>The largest key, signature, payload or bitmap field (blocks are bounded by <see cref="MaxMessageSize"/>).</summary>
    public const int MaxSmallFieldSize = 64 * 1024;
}
