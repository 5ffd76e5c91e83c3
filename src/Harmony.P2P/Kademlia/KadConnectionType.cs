namespace Harmony.P2P.Kademlia;

/// <summary>The kad-dht wire enum <c>Message.ConnectionType</c>: what the sender knows about its link to a peer.</summary>
public enum KadConnectionType
{
    /// <summary>No connection and no knowledge (wire value 0).</summary>
    NotConnected = 0,

    /// <summary>Connected right now (wire value 1).</summary>
    Connected = 1,

    /// <summary>Recently connected (wire value 2).</summary>
    CanConnect = 2,

    /// <summary>Recently failed to connect (wire value 3).</summary>
    CannotConnect = 3,
}
