namespace Harmony.P2P.Simulation;

/// <summary>How a simulated node answers requests.</summary>
public enum SimulatedBehavior
{
    /// <summary>Runs the real <see cref="Harmony.P2P.Kademlia.KadNode"/> request handler.</summary>
    Honest = 0,

    /// <summary>
    /// An eclipse attacker: answers every lookup with the live malicious nodes closest to the target (only its
    /// accomplices), never returns records or providers, and stores nothing while acknowledging stores.
    /// </summary>
    Eclipse = 1,
}
