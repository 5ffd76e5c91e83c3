using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Simulation;

/// <summary>One node of a <see cref="SimulatedNetwork"/>: a real <see cref="KadNode"/> plus its simulated fate.</summary>
public sealed class SimulatedNode
{
    internal SimulatedNode(int index, KadNode node)
    {
        Index = index;
        Node = node;
    }

    /// <summary>Position in <see cref="SimulatedNetwork.Nodes"/>.</summary>
    public int Index { get; }

    /// <summary>The DHT node; call its operations and pass the task to <see cref="SimulatedNetwork.Run{T}"/>.</summary>
    public KadNode Node { get; }

    /// <summary>The node's peer descriptor.</summary>
    public KadPeer Peer => Node.Self;

    /// <summary>Whether it serves the DHT.</summary>
    public KadMode Mode => Node.Mode;

    /// <summary>Whether it is up. A dead node receives nothing and answers nothing; its peers only notice by timeouts.</summary>
    public bool IsAlive { get; internal set; } = true;

    /// <summary>How it answers requests.</summary>
    public SimulatedBehavior Behavior { get; internal set; }

    /// <summary>Whether honest nodes cannot learn of it except through attackers (a Sybil of an eclipse attack).</summary>
    public bool IsHidden { get; internal set; }

    /// <summary>Whether it has completed <see cref="SimulatedNetwork.Join"/> or routing-table warm-up.</summary>
    public bool IsJoined { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"#{Index} {Peer} {(IsAlive ? "alive" : "dead")} {Behavior}";
}
