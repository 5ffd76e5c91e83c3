using System.Diagnostics.Metrics;

namespace Harmony.P2P.Transport;

/// <summary>
/// Instruments of the libp2p transport on the <c>Harmony.P2P</c> meter: <c>harmony.libp2p.connections.opened</c>
/// (tag <c>direction</c>), <c>harmony.libp2p.connections.closed</c>, <c>harmony.libp2p.connections.rejected</c>
/// (handshake failures, timeouts and limits), <c>harmony.libp2p.streams.opened</c> (tag <c>direction</c>),
/// <c>harmony.libp2p.streams.refused</c> (beyond the per-connection limit) and
/// <c>harmony.libp2p.sessions.protocol_errors</c> (yamux sessions closed for a violation),
/// <c>harmony.libp2p.sessions.keepalive_timeouts</c> (yamux sessions closed because a keep-alive ping went unanswered)
/// and <c>harmony.libp2p.connections.trimmed</c> (connections the connection manager closed above its high watermark).
/// </summary>
public static class Libp2pMetrics
{
    /// <summary>The meter name, shared with the rest of Harmony.P2P.</summary>
    public const string MeterName = "Harmony.P2P";

    private static readonly Meter Meter = new(MeterName);

    internal static Counter<long> ConnectionsOpened { get; } = Meter.CreateCounter<long>("harmony.libp2p.connections.opened");

    internal static Counter<long> ConnectionsClosed { get; } = Meter.CreateCounter<long>("harmony.libp2p.connections.closed");

    internal static Counter<long> ConnectionsRejected { get; } = Meter.CreateCounter<long>("harmony.libp2p.connections.rejected");

    internal static Counter<long> StreamsOpened { get; } = Meter.CreateCounter<long>("harmony.libp2p.streams.opened");

    internal static Counter<long> StreamsRefused { get; } = Meter.CreateCounter<long>("harmony.libp2p.streams.refused");

    internal static Counter<long> ProtocolErrors { get; } = Meter.CreateCounter<long>("harmony.libp2p.sessions.protocol_errors");

    internal static Counter<long> KeepAliveTimeouts { get; } = Meter.CreateCounter<long>("harmony.libp2p.sessions.keepalive_timeouts");

    internal static Counter<long> ConnectionsTrimmed { get; } = Meter.CreateCounter<long>("harmony.libp2p.connections.trimmed");
}
