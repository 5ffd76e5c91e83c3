namespace Harmony.P2P.Kademlia.Wire;

/// <summary>Settings of the <c>/ipfs/kad/1.0.0</c> binding: protocol id, request timeout and the largest frame.</summary>
public sealed class KadWireOptions
{
    /// <summary>The protocol id; <c>/ipfs/kad/1.0.0</c>, which Harmony keeps (spec/harmony.md §7.2).</summary>
    public string ProtocolId { get; set; } = "/ipfs/kad/1.0.0";

    /// <summary>How long one request may take, from opening the stream to the last byte of the response.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an inbound stream may stay idle between requests before it is closed.</summary>
    public TimeSpan InboundIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest message accepted in either direction, in bytes (the length prefix is checked first).</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;
}
