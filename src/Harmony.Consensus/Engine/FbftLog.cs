using Harmony.Consensus.Messages;
using Microsoft.Extensions.Logging;

namespace Harmony.Consensus.Engine;

/// <summary>Source-generated log messages of the engine.</summary>
internal static partial class FbftLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Dropped {Type} message: {Reason}")]
    internal static partial void Dropped(ILogger logger, MessageType type, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Malformed consensus message dropped: {Reason}")]
    internal static partial void Malformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Committed block {Height} (view {ViewId}) with {Signers} signers")]
    internal static partial void Committed(ILogger logger, ulong height, ulong viewId, int signers);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "View change at height {Height}: asking for view {ViewId}, next leader {Leader}")]
    internal static partial void ViewChangeStarted(ILogger logger, ulong height, ulong viewId, int leader);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "New view {ViewId} at height {Height} led by {Leader} (carried block: {Carried})")]
    internal static partial void NewView(ILogger logger, ulong height, ulong viewId, int leader, bool carried);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Invalid vote signature from committee members {Signers} at height {Height}")]
    internal static partial void InvalidVote(ILogger logger, string signers, ulong height);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Double sign by {Offender} at height {Height} view {ViewId}")]
    internal static partial void DoubleSign(ILogger logger, string offender, ulong height, ulong viewId);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Leader could not propose at height {Height}: {Reason}")]
    internal static partial void ProposalFailed(ILogger logger, ulong height, string reason);
}
