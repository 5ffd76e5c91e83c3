using Harmony.P2P.Yamux;

namespace Harmony.P2P.Host;

/// <summary>
/// Settings of a <see cref="Libp2pHost"/>: limits, connection-manager watermarks, timeouts, yamux keep-alive and flow
/// control, and what identify announces; checked by <see cref="Libp2pHostOptionsValidator"/>.
/// </summary>
public sealed class Libp2pHostOptions
{
    /// <summary>Multiaddrs to listen on when the host starts (e.g. <c>/ip4/0.0.0.0/tcp/9000</c>). Default none.</summary>
    public IList<string> ListenAddresses { get; } = [];

    /// <summary>
    /// The hard limit on established connections: further inbound ones are closed at once and dials fail. It must
    /// lie above <see cref="HighWatermark"/>. Default 256.
    /// </summary>
    public int MaxConnections { get; set; } = 256;

    /// <summary>
    /// When more connections than this are open, the connection manager closes the least valuable ones until
    /// <see cref="LowWatermark"/> remain (protected peers and connections younger than
    /// <see cref="ConnectionGracePeriod"/> are kept). Default 192, as a Harmony node.
    /// </summary>
    public int HighWatermark { get; set; } = 192;

    /// <summary>The number of connections a trim above <see cref="HighWatermark"/> brings the host down to. Default 160, as a Harmony node.</summary>
    public int LowWatermark { get; set; } = 160;

    /// <summary>How long a new connection is exempt from trimming. Default 1 minute.</summary>
    public TimeSpan ConnectionGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most connections in the security/muxer handshake at once; further inbound ones are closed. Default 32.</summary>
    public int MaxPendingHandshakes { get; set; } = 32;

    /// <summary>The most yamux streams open at once on one connection. Default 256.</summary>
    public int MaxStreamsPerConnection { get; set; } = 256;

    /// <summary>Openings beyond <see cref="MaxStreamsPerConnection"/> that are reset before the connection is closed. Default 32.</summary>
    public int MaxRefusedStreams { get; set; } = 32;

    /// <summary>The largest data frame this side sends. Default 64 KiB.</summary>
    public int MaxDataFrameLength { get; set; } = 64 * 1024;

    /// <summary>How often yamux pings each connection to keep it alive and measure its round trip; zero turns it off. Default 30 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a keep-alive ping may go unanswered before the connection is closed. Default 10 s.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest receive window a yamux stream may grow to from its initial 256 KiB. Default 16 MiB.</summary>
    public int MaxReceiveWindowSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>The memory all streams of one connection may add to their receive windows beyond 256 KiB each. Default 64 MiB.</summary>
    public long ConnectionWindowGrowthBudget { get; set; } = 64L * 1024 * 1024;

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

    /// <summary>The yamux settings these options imply.</summary>
    internal YamuxOptions ToYamuxOptions() => new()
    {
        MaxStreams = MaxStreamsPerConnection,
        MaxRefusedStreams = MaxRefusedStreams,
        MaxDataFrameLength = MaxDataFrameLength,
        KeepAliveInterval = KeepAliveInterval,
        KeepAliveTimeout = KeepAliveTimeout,
        MaxReceiveWindowSize = MaxReceiveWindowSize,
        SessionWindowGrowthBudget = ConnectionWindowGrowthBudget,
    };
}
