namespace Harmony.P2P.Kademlia;

/// <summary>Whether a node serves the DHT. Only servers answer kad requests and enter routing tables (libp2p kad-dht).</summary>
public enum KadMode
{
    /// <summary>Publicly reachable and stable: answers requests and is added to other nodes' routing tables.</summary>
    Server = 0,

    /// <summary>Only issues requests (behind NAT or short-lived); never added to routing tables.</summary>
    Client = 1,
}
