using Microsoft.Extensions.Options;

namespace Harmony.P2P.PubSub;

/// <summary>Checks <see cref="GossipSubOptions"/> against the constraints of gossipsub v1.1 and v1.2; runs at start-up.</summary>
public sealed class GossipSubOptionsValidator : IValidateOptions<GossipSubOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GossipSubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!(options.DLow >= 1 && options.DLow <= options.D && options.D <= options.DHigh))
        {
            failures.Add($"Mesh degrees must satisfy 1 ≤ D_lo ≤ D ≤ D_hi (were {options.DLow}, {options.D}, {options.DHigh}).");
        }

        if (options.DLazy < 0 || options.DScore < 0 || options.DScore > options.D)
        {
            failures.Add($"D_lazy must be ≥ 0 and 0 ≤ D_score ≤ D (were {options.DLazy}, {options.DScore}).");
        }

        if (options.DOut < 0 || options.DOut >= options.DLow || options.DOut > options.D / 2)
        {
            failures.Add($"D_out must be below D_lo and at most D/2 (was {options.DOut}).");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero || options.HeartbeatInitialDelay < TimeSpan.Zero || options.FanoutTtl <= TimeSpan.Zero
            || options.SeenTtl <= TimeSpan.Zero || options.IWantFollowupTime <= TimeSpan.Zero || options.PruneBackoff < TimeSpan.Zero
            || options.UnsubscribeBackoff < TimeSpan.Zero || options.GraftFloodThreshold < TimeSpan.Zero)
        {
            failures.Add("Heartbeat interval, fanout TTL, seen TTL and IWANT follow-up time must be positive; delays and backoffs non-negative.");
        }

        if (options.HistoryLength < 1 || options.HistoryGossip < 0 || options.HistoryGossip > options.HistoryLength)
        {
            failures.Add($"History must satisfy 0 ≤ HistoryGossip ≤ HistoryLength and HistoryLength ≥ 1 (were {options.HistoryGossip}, {options.HistoryLength}).");
        }

        if (options.GossipFactor is < 0 or > 1 || options.GossipRetransmission < 1 || options.MaxIHaveLength < 1 || options.MaxIHaveMessages < 1
            || options.PrunePeers < 0 || options.OpportunisticGraftTicks < 1 || options.OpportunisticGraftPeers < 0
            || options.MaxSeenMessages < 1 || options.MaxPendingValidations < 1 || options.OutboundQueueSize < 1)
        {
            failures.Add("GossipFactor must be in [0, 1]; retransmission, IHAVE limits, opportunistic-graft ticks, seen, pending-validation and outbound-queue bounds ≥ 1; counts ≥ 0.");
        }

        if (options.DirectPeers is null || options.DirectPeers.Any(p => p is null) || options.DirectPeers.Distinct().Count() != options.DirectPeers.Count
            || options.DirectConnectTicks < 1)
        {
            failures.Add("DirectPeers must be distinct and non-null, and DirectConnectTicks ≥ 1.");
        }

        if (options.IDontWantMessageThreshold < 0 || options.MaxIDontWantMessages < 1 || options.IDontWantHistory < 1)
        {
            failures.Add("IDontWantMessageThreshold must be ≥ 0, MaxIDontWantMessages and IDontWantHistory ≥ 1.");
        }

        var limits = options.Limits;
        if (limits is null || limits.MaxRpcSize < 1024 || limits.MaxMessageSize < 1 || limits.MaxMessageSize > limits.MaxRpcSize
            || limits.MaxSubscriptionsPerRpc < 1 || limits.MaxMessagesPerRpc < 1 || limits.MaxControlEntriesPerRpc < 1
            || limits.MaxMessageIdsPerRpc < options.MaxIHaveLength || limits.MaxPeerExchangePerPrune < options.PrunePeers
            || limits.MaxTopicLength < 1 || limits.MaxMessageIdLength < 1 || limits.MaxMetadataLength < 64 || limits.MaxSignedPeerRecordLength < 0)
        {
            failures.Add("Limits: MaxRpcSize ≥ 1024, 1 ≤ MaxMessageSize ≤ MaxRpcSize, per-RPC counts ≥ 1, MaxMessageIdsPerRpc ≥ MaxIHaveLength, "
                + "MaxPeerExchangePerPrune ≥ PrunePeers, MaxMetadataLength ≥ 64.");
        }

        if (options.Thresholds is null)
        {
            failures.Add("Thresholds are required.");
        }
        else
        {
            failures.AddRange(options.Thresholds.Problems());
        }

        if (options.Score is not null)
        {
            failures.AddRange(options.Score.Problems());
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
