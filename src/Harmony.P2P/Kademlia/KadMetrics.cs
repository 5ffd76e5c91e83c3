using System.Diagnostics.Metrics;

namespace Harmony.P2P.Kademlia;

/// <summary>
/// Instruments of the Kademlia DHT on the <c>Harmony.P2P</c> meter: request counters (<c>harmony.kad.requests.*</c>),
/// refusals (<c>harmony.kad.rate_limited</c>, <c>harmony.kad.invalid_requests</c>, <c>harmony.kad.rejected_responses</c>)
/// and the lookup histograms <c>harmony.kad.lookup.rounds</c> and <c>harmony.kad.lookup.messages</c>.
/// </summary>
public static class KadMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Harmony.P2P";

    private static readonly Meter Meter = new(MeterName);

    internal static Counter<long> RequestsSent { get; } = Meter.CreateCounter<long>("harmony.kad.requests.sent");

    internal static Counter<long> RequestsFailed { get; } = Meter.CreateCounter<long>("harmony.kad.requests.failed");

    internal static Counter<long> RequestsHandled { get; } = Meter.CreateCounter<long>("harmony.kad.requests.handled");

    internal static Counter<long> RateLimited { get; } = Meter.CreateCounter<long>("harmony.kad.rate_limited");

    internal static Counter<long> InvalidRequests { get; } = Meter.CreateCounter<long>("harmony.kad.invalid_requests");

    internal static Counter<long> RejectedResponses { get; } = Meter.CreateCounter<long>("harmony.kad.rejected_responses");

    internal static Histogram<int> LookupRounds { get; } = Meter.CreateHistogram<int>("harmony.kad.lookup.rounds");

    internal static Histogram<int> LookupMessages { get; } = Meter.CreateHistogram<int>("harmony.kad.lookup.messages");
}
