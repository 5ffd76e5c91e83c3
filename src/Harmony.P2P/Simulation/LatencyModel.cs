namespace Harmony.P2P.Simulation;

/// <summary>One-way message delay between two simulated nodes, drawn from the network's seeded random source.</summary>
public abstract class LatencyModel
{
    /// <summary>The same delay for every message.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The model.</returns>
    public static LatencyModel Constant(TimeSpan delay) => new UniformLatency(delay, delay);

    /// <summary>Delays uniform in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">Shortest delay.</param>
    /// <param name="max">Longest delay.</param>
    /// <returns>The model.</returns>
    public static LatencyModel Uniform(TimeSpan min, TimeSpan max) => new UniformLatency(min, max);

    /// <summary>
    /// Each node gets a fixed access delay uniform in [<paramref name="minAccess"/>, <paramref name="maxAccess"/>]
    /// (a fixed function of its index); a message takes the sender's plus the receiver's access delay plus
    /// a jitter uniform in [0, <paramref name="jitter"/>]. Close to how RTTs on the internet decompose.
    /// </summary>
    /// <param name="minAccess">Shortest access delay.</param>
    /// <param name="maxAccess">Longest access delay.</param>
    /// <param name="jitter">Largest jitter.</param>
    /// <returns>The model.</returns>
    public static LatencyModel PerNode(TimeSpan minAccess, TimeSpan maxAccess, TimeSpan jitter) => new PerNodeLatency(minAccess, maxAccess, jitter);

    /// <summary>Draws the delay of one message.</summary>
    /// <param name="sender">Sender's node index.</param>
    /// <param name="receiver">Receiver's node index.</param>
    /// <param name="random">The network's seeded random source.</param>
    /// <returns>A non-negative delay.</returns>
    public abstract TimeSpan Sample(int sender, int receiver, Random random);

    private sealed class UniformLatency : LatencyModel
    {
        private readonly long _min;
        private readonly long _span;

        public UniformLatency(TimeSpan min, TimeSpan max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
            _min = min.Ticks;
            _span = max.Ticks - min.Ticks;
        }

        public override TimeSpan Sample(int sender, int receiver, Random random) =>
            TimeSpan.FromTicks(_span == 0 ? _min : _min + random.NextInt64(_span + 1));
    }

    private sealed class PerNodeLatency : LatencyModel
    {
        private readonly long _min;
        private readonly long _span;
        private readonly long _jitter;

        public PerNodeLatency(TimeSpan minAccess, TimeSpan maxAccess, TimeSpan jitter)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(minAccess, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfLessThan(maxAccess, minAccess);
            ArgumentOutOfRangeException.ThrowIfLessThan(jitter, TimeSpan.Zero);
            _min = minAccess.Ticks;
            _span = maxAccess.Ticks - minAccess.Ticks;
            _jitter = jitter.Ticks;
        }

        public override TimeSpan Sample(int sender, int receiver, Random random) =>
            TimeSpan.FromTicks(Access(sender) + Access(receiver) + (_jitter == 0 ? 0 : random.NextInt64(_jitter + 1)));

        private long Access(int node)
        {
            // A fixed per-node value from a 64-bit mix of the index (splitmix64 finalizer).
            var z = (ulong)node + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return _span == 0 ? _min : _min + (long)(z % (ulong)(_span + 1));
        }
    }
}
