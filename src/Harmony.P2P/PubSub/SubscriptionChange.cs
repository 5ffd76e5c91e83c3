namespace Harmony.P2P.PubSub;

/// <summary>The RPC <c>SubOpts</c>: a peer joins or leaves a topic.</summary>
/// <param name="Subscribe">Whether the peer subscribes (otherwise it unsubscribes).</param>
/// <param name="Topic">The topic.</param>
public readonly record struct SubscriptionChange(bool Subscribe, string Topic);
