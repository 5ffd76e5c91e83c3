using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;
using Microsoft.Extensions.Logging;

namespace Harmony.P2P.Transport;

/// <summary>The source-generated log messages of the libp2p transport stack.</summary>
internal static partial class Libp2pLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "libp2p host {PeerId} listening on {Address}")]
    public static partial void Listening(ILogger logger, PeerId peerId, Multiaddress address);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Connection to {PeerId} ({Direction}, {RemoteAddress}) established")]
    public static partial void ConnectionEstablished(ILogger logger, PeerId peerId, string direction, Multiaddress remoteAddress);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Connection to {PeerId} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, PeerId peerId, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Closing connection from {RemoteAddress}: {Reason}")]
    public static partial void ConnectionRejected(ILogger logger, Multiaddress remoteAddress, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Closing yamux session with {PeerId}: {Reason}")]
    public static partial void SessionProtocolError(ILogger logger, PeerId peerId, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Refused yamux stream {StreamId} from {PeerId}: {MaxStreams} streams are already open")]
    public static partial void StreamRefused(ILogger logger, uint streamId, PeerId peerId, int maxStreams);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Handler for {Protocol} from {PeerId} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string protocol, PeerId peerId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "Inbound stream from {PeerId} not negotiated: {Reason}")]
    public static partial void StreamNegotiationFailed(ILogger logger, PeerId peerId, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Debug, Message = "Identify with {PeerId} failed: {Reason}")]
    public static partial void IdentifyFailed(ILogger logger, PeerId peerId, string reason);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "Peer {PeerId} sent go-away with code {Code}")]
    public static partial void GoAwayReceived(ILogger logger, PeerId peerId, uint code);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Closing yamux session with {PeerId}: {Reason}")]
    public static partial void KeepAliveTimedOut(ILogger logger, PeerId peerId, string reason);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Connection manager closing connection to {PeerId} ({RemoteAddress}): {Reason}")]
    public static partial void ConnectionTrimmed(ILogger logger, PeerId peerId, Multiaddress remoteAddress, string reason);
}
