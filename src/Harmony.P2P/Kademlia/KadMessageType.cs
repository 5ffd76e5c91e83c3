namespace Harmony.P2P.Kademlia;

/// <summary>The kad-dht wire enum <c>Message.MessageType</c> (<c>/ipfs/kad/1.0.0</c>); the values are the wire numbers.</summary>
public enum KadMessageType
{
    /// <summary>Store a record at the receiver.</summary>
    PutValue = 0,

    /// <summary>Ask for a record and closer peers.</summary>
    GetValue = 1,

    /// <summary>Announce the sender as a provider of a key.</summary>
    AddProvider = 2,

    /// <summary>Ask for providers of a key and closer peers.</summary>
    GetProviders = 3,

    /// <summary>Ask for the peers closest to a key.</summary>
    FindNode = 4,

    /// <summary>Deprecated liveness check: answered, never sent.</summary>
    Ping = 5,
}
