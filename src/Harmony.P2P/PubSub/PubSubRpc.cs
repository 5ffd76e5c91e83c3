namespace Harmony.P2P.PubSub;

/// <summary>
/// One pubsub <c>RPC</c>: subscriptions (1), published messages (2) and control (3: ihave 1, iwant 2, graft 3,
/// prune 4, idontwant 5). Mutable while a router assembles it; treat a sent or received instance as read-only.
/// </summary>
public sealed class PubSubRpc
{
    /// <summary>Subscription changes.</summary>
    public IList<SubscriptionChange> Subscriptions { get; } = new List<SubscriptionChange>();

    /// <summary>Full messages.</summary>
    public IList<PubSubMessage> Messages { get; } = new List<PubSubMessage>();

    /// <summary>IHAVE entries.</summary>
    public IList<ControlIHave> IHave { get; } = new List<ControlIHave>();

    /// <summary>IWANT entries.</summary>
    public IList<ControlIWant> IWant { get; } = new List<ControlIWant>();

    /// <summary>GRAFT entries.</summary>
    public IList<ControlGraft> Graft { get; } = new List<ControlGraft>();

    /// <summary>PRUNE entries.</summary>
    public IList<ControlPrune> Prune { get; } = new List<ControlPrune>();

    /// <summary>IDONTWANT entries (gossipsub v1.2).</summary>
    public IList<ControlIDontWant> IDontWant { get; } = new List<ControlIDontWant>();

    /// <summary>Whether the RPC carries any control entry.</summary>
    public bool HasControl => IHave.Count + IWant.Count + Graft.Count + Prune.Count + IDontWant.Count > 0;

    /// <summary>Whether the RPC carries nothing.</summary>
    public bool IsEmpty => Subscriptions.Count + Messages.Count == 0 && !HasControl;
}
