namespace Harmony.P2P.Yamux;

/// <summary>Limits of one yamux session.</summary>
public sealed class YamuxOptions
{
    /// <summary>The initial (and steady) receive window of a stream, fixed by the yamux spec at 256 KiB.</summary>
    public const int InitialWindowSize = 256 * 1024;

    /// <summary>The most streams open at once on one connection, in both directions together. Default 256.</summary>
    public int MaxStreams { get; set; } = 256;

    /// <summary>
    /// How many stream openings beyond <see cref="MaxStreams"/> are answered with a reset before the whole connection
    /// is closed as abusive. Default 32.
    /// </summary>
    public int MaxRefusedStreams { get; set; } = 32;

    /// <summary>The largest data payload this side puts in one frame. Default 64 KiB.</summary>
    public int MaxDataFrameLength { get; set; } = 64 * 1024;
}
