using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Simulation;

/// <summary>Settings of a <see cref="SimulatedNetwork"/>.</summary>
public sealed class SimulatedNetworkOptions
{
    /// <summary>Seed of every random choice: peer ids, latencies, losses, churn. Same seed, same run.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>One-way message delay; per-node access delays of 5–60 ms plus up to 10 ms jitter by default.</summary>
    public LatencyModel Latency { get; set; } =
        LatencyModel.PerNode(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(10));

    /// <summary>Probability that any one message (request or response) is lost, 0–1.</summary>
    public double PacketLoss { get; set; }

    /// <summary>How long a sender waits for an answer before giving up (what a dead or lossy peer costs).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>DHT settings given to every node (copied per mode; <see cref="KadOptions.Mode"/> is set per node).</summary>
    public KadOptions Kad { get; set; } = new();

    /// <summary>The record validator of every node.</summary>
    public IKadRecordValidator Validator { get; set; } = AcceptAllRecordValidator.Instance;
}
