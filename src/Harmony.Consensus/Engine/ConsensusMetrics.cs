using System.Diagnostics.Metrics;

namespace Harmony.Consensus.Engine;

/// <summary>Counters and histograms of the meter <c>Harmony.Consensus</c>.</summary>
internal static class ConsensusMetrics
{
    internal const string MeterName = "Harmony.Consensus";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> BlocksCommitted = Meter.CreateCounter<long>("harmony.consensus.blocks_committed", description: "Blocks committed by this process's engines.");

    internal static readonly Counter<long> ViewChanges = Meter.CreateCounter<long>("harmony.consensus.view_changes", description: "View changes started.");

    internal static readonly Counter<long> MessagesDropped = Meter.CreateCounter<long>("harmony.consensus.messages_dropped", description: "Messages rejected or ignored by the receive filters.");

    internal static readonly Counter<long> PairingChecks = Meter.CreateCounter<long>("harmony.consensus.pairing_checks", description: "Signature verifications performed.");

    internal static readonly Counter<long> DoubleSigns = Meter.CreateCounter<long>("harmony.consensus.double_signs", description: "Double-sign evidence records produced.");

    internal static readonly Histogram<double> RoundDuration = Meter.CreateHistogram<double>("harmony.consensus.round_duration", unit: "ms", description: "Time from the start of a height to its commit.");
}
