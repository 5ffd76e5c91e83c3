namespace Harmony.P2P.PubSub;

/// <summary>How messages are authored and checked (libp2p pubsub signature policies).</summary>
public enum SignaturePolicy
{
    /// <summary>
    /// Every message carries from, seqno and a signature by the author's key; unsigned or badly signed messages are
    /// rejected. The libp2p default and Harmony's setting.
    /// </summary>
    StrictSign,

    /// <summary>
    /// Messages carry no from, seqno, signature or key, and messages that carry any of them are rejected. Message ids
    /// must then come from the content.
    /// </summary>
    StrictNoSign,
}
