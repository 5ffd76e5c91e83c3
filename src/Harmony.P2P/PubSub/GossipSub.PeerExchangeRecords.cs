using Harmony.P2P.Libp2p;
using Harmony.P2P.Records;
using Microsoft.Extensions.Logging;

namespace Harmony.P2P.PubSub;

/// <summary>
/// What the binding does with the signed peer records of a peer exchange it accepted: each is verified (signature and
/// peer id, <see cref="PeerExchangeRecords.TryOpen"/>) off the router lock; authentic ones go into
/// <see cref="GossipSubOptions.PeerRecords"/> and, for peers not connected yet, to
/// <see cref="GossipSubOptions.PeerExchangeDialer"/>. Entries without an authentic record are never dialed.
/// </summary>
public sealed partial class GossipSub
{
    private void LearnPeerExchange(IReadOnlyList<PeerExchangeRecord> peers)
    {
        if (_options.PeerRecords is null && _options.PeerExchangeDialer is null)
        {
            return;
        }

        _ = Task.Run(() => LearnPeerExchangeAsync(peers));
    }

    private async Task LearnPeerExchangeAsync(IReadOnlyList<PeerExchangeRecord> peers)
    {
        foreach (var entry in peers)
        {
            if (!PeerExchangeRecords.TryOpen(entry, out var record, out var problem))
            {
                LogPeerExchangeRecordRefused(_logger, problem);
                continue;
            }

            _options.PeerRecords?.TryAdd(entry.SignedPeerRecord.Span, out _, out _);
            if (_options.PeerExchangeDialer is { } dial && !record.PeerId.Equals(_host.LocalPeer) && !_host.TryGetConnectionInfo(record.PeerId, out _))
            {
                await DialPeerExchangeAsync(record, dial).ConfigureAwait(false);
            }
        }
    }

    private async Task DialPeerExchangeAsync(PeerRecord record, Func<PeerRecord, CancellationToken, ValueTask> dial)
    {
        try
        {
            await dial(record, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // A failed dial of an offered peer only loses that offer; it must not escape the background task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPeerExchangeDialFailed(_logger, record.PeerId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A peer-exchange entry was not trusted: {Problem}")]
    private static partial void LogPeerExchangeRecordRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dialing {Peer}, offered in peer exchange, failed")]
    private static partial void LogPeerExchangeDialFailed(ILogger logger, PeerId peer, Exception exception);
}
