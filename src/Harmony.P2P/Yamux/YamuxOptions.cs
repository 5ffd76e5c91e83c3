namespace Harmony.P2P.Yamux;

/// <summary>Limits, keep-alive and flow-control settings of one yamux session; see <see cref="YamuxOptionsValidator"/>.</summary>
public sealed class YamuxOptions
{
    /// <summary>The initial receive window of a stream, fixed by the yamux spec at 256 KiB.</summary>
    public const int InitialWindowSize = 256 * 1024;

    /// <summary>The largest value <see cref="MaxReceiveWindowSize"/> may take: 1 GiB.</summary>
    public const int MaxReceiveWindowLimit = 1 << 30;

    /// <summary>The most streams open at once on one connection, in both directions together. Default 256.</summary>
    public int MaxStreams { get; set; } = 256;

    /// <summary>
    /// How many stream openings beyond <see cref="MaxStreams"/> are answered with a reset before the whole connection
    /// is closed as abusive. Default 32.
    /// </summary>
    public int MaxRefusedStreams { get; set; } = 32;

    /// <summary>The largest data payload this side puts in one frame. Default 64 KiB.</summary>
    public int MaxDataFrameLength { get; set; } = 64 * 1024;

    /// <summary>
    /// How often the session pings the remote to keep the connection alive and measure the round-trip time;
    /// <see cref="TimeSpan.Zero"/> turns keep-alive off. Default 30 s.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a keep-alive ping may stay unanswered before the session is closed (go-away with the internal-error
    /// code, reason logged). Default 10 s.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest receive window a stream may grow to. A stream starts at <see cref="InitialWindowSize"/> and doubles
    /// its window when the application consumed a whole window within two round trips; setting this to
    /// <see cref="InitialWindowSize"/> turns auto-tuning off. Default 16 MiB.
    /// </summary>
    public int MaxReceiveWindowSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The memory, in bytes, that all streams of one session together may add to their receive windows beyond the
    /// initial 256 KiB each; a stream that would exceed it keeps its window. Default 64 MiB.
    /// </summary>
    public long SessionWindowGrowthBudget { get; set; } = 64L * 1024 * 1024;
}
