namespace Harmony.P2P.PubSub;

/// <summary>What a topic validator decided about a message (gossipsub v1.1 extended validators).</summary>
public enum ValidationResult
{
    /// <summary>Deliver the message and forward it.</summary>
    Accept,

    /// <summary>Drop the message without penalty (for example: stale, or not for us).</summary>
    Ignore,

    /// <summary>Drop the message and penalize the peers that sent it (P₄).</summary>
    Reject,
}
