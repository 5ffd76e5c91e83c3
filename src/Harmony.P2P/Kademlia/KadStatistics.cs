namespace Harmony.P2P.Kademlia;

/// <summary>
/// Counters of one <see cref="KadNode"/>: what it sent and what it refused. The same events are also published on
/// the <c>Harmony.P2P</c> meter (see <see cref="KadMetrics"/>) for all nodes of a process together.
/// </summary>
public sealed class KadStatistics
{
    private long _requestsSent;
    private long _requestsFailed;
    private long _requestsHandled;
    private long _rateLimited;
    private long _invalidRequests;
    private long _rejectedResponses;
    private long _lookups;

    /// <summary>Requests sent (including one-way messages).</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    /// <summary>Requests that timed out, were reset or were lost.</summary>
    public long RequestsFailed => Interlocked.Read(ref _requestsFailed);

    /// <summary>Inbound requests answered.</summary>
    public long RequestsHandled => Interlocked.Read(ref _requestsHandled);

    /// <summary>Inbound requests dropped because their sender exceeded its rate.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Inbound requests dropped as malformed, oversized, unknown or invalid.</summary>
    public long InvalidRequests => Interlocked.Read(ref _invalidRequests);

    /// <summary>Responses ignored as wrong-typed, oversized, unsolicited or invalid.</summary>
    public long RejectedResponses => Interlocked.Read(ref _rejectedResponses);

    /// <summary>Lookups started.</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    internal void Sent()
    {
        Interlocked.Increment(ref _requestsSent);
        KadMetrics.RequestsSent.Add(1);
    }

    internal void Failed()
    {
        Interlocked.Increment(ref _requestsFailed);
        KadMetrics.RequestsFailed.Add(1);
    }

    internal void Handled()
    {
        Interlocked.Increment(ref _requestsHandled);
        KadMetrics.RequestsHandled.Add(1);
    }

    internal void RateLimitedOne()
    {
        Interlocked.Increment(ref _rateLimited);
        KadMetrics.RateLimited.Add(1);
    }

    internal void InvalidRequest()
    {
        Interlocked.Increment(ref _invalidRequests);
        KadMetrics.InvalidRequests.Add(1);
    }

    internal void RejectedResponse()
    {
        Interlocked.Increment(ref _rejectedResponses);
        KadMetrics.RejectedResponses.Add(1);
    }

    internal void LookupStarted() => Interlocked.Increment(ref _lookups);
}
