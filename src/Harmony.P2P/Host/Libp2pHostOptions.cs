namespace Harmony.P2P.Host;

/// <summary>Settings of a <see cref="Libp2pHost"/>: limits, timeouts and what identify announces.</summary>
public sealed class Libp2pHostOptions
{
    /// <summary>Multiaddrs to listen on when the host starts (e.g. <c>/ip4/0.0.0.0/tcp/9000</c>). Default none.</summary>
    public IList<string> ListenAddresses { get; } = [];

    /// <summary>The most established connections; further inbound ones are closed at once. Default 192 (Harmony's high watermark).</summary>
    public int MaxConnections { get; set; } = 192;

    /// <summary>The most connections in the security/muxer handshake at once; further inbound ones are closed. Default 32.</summary>
    public int MaxPendingHandshakes { get; set; } = 32;

    /// <summary>The most yamux streams open at once on one connection. Default 256.</summary>
    public int MaxStreamsPerConnection { get; set; } = 256;

    /// <summary>Openings beyond <see cref="MaxStreamsPerConnection"/> that are reset before the connection is closed. Default 32.</summary>
    public int MaxRefusedStreams { get; set; } = 32;

    /// <summary>The largest data frame this side sends. Default 64 KiB.</summary>
    public int MaxDataFrameLength { get; set; } = 64 * 1024;

    /// <summary>The time allowed for multistream, Noise and muxer negotiation of a new connection. Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time allowed to negotiate a protocol on a new stream. Default 10 s.</summary>
    public TimeSpan StreamNegotiationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The agent version identify announces.</summary>
    public string AgentVersion { get; set; } = "harmony-dotnet/0.1.0";

    /// <summary>The protocol version identify announces.</summary>
    public string ProtocolVersion { get; set; } = "ipfs/0.1.0";

    /// <summary>Whether identify runs on every new connection (as js-libp2p and go-libp2p do). Default true.</summary>
    public bool IdentifyOnConnect { get; set; } = true;
}
