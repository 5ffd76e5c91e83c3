using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Simulation;

/// <summary>
/// Many DHT nodes in one process over a simulated network: a seeded latency model, packet loss, nodes that die
/// silently, joins and leaves (churn), eclipse attackers, and a fake clock that is also the event scheduler. Every
/// node is a real <see cref="KadNode"/>; only the wire is simulated. Everything is single-threaded and reproducible
/// from <see cref="SimulatedNetworkOptions.Seed"/>.
/// </summary>
/// <example>
/// <code>
/// var network = new SimulatedNetwork(new SimulatedNetworkOptions { Seed = 7 });
/// network.AddNodes(1000);
/// network.JoinAll();
/// var alice = network.Nodes[0].Node;
/// network.Run(alice.PutValueAsync("key"u8.ToArray(), "value"u8.ToArray()));
/// var found = network.Run(network.Nodes[500].Node.GetValueAsync("key"u8.ToArray()));
/// </code>
/// </example>
public sealed class SimulatedNetwork
{
    private readonly List<SimulatedNode> _nodes = [];
    private readonly List<SimulatedNode> _malicious = [];
    private readonly Dictionary<KadKey, SimulatedNode> _byKey = [];
    private readonly KadOptions _serverOptions;
    private readonly KadOptions _clientOptions;

    /// <summary>Creates an empty network.</summary>
    /// <param name="options">Settings; defaults when omitted.</param>
    public SimulatedNetwork(SimulatedNetworkOptions? options = null)
    {
        Options = options ?? new SimulatedNetworkOptions();
        ArgumentNullException.ThrowIfNull(Options.Latency);
        ArgumentNullException.ThrowIfNull(Options.Kad);
        ArgumentNullException.ThrowIfNull(Options.Validator);
        if (Options.PacketLoss is < 0 or > 1)
        {
            throw new ArgumentException($"{nameof(Options.PacketLoss)} must be 0–1.", nameof(options));
        }

        if (Options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(Options.RequestTimeout)} must be positive.", nameof(options));
        }

        Random = new Random(Options.Seed);
        _serverOptions = Options.Kad.Clone();
        _serverOptions.Mode = KadMode.Server;
        _clientOptions = Options.Kad.Clone();
        _clientOptions.Mode = KadMode.Client;
    }

    /// <summary>The settings.</summary>
    public SimulatedNetworkOptions Options { get; }

    /// <summary>The fake clock and event scheduler.</summary>
    public SimulationClock Clock { get; } = new();

    /// <summary>The seeded random source of the simulation (use it for test choices to stay reproducible).</summary>
    public Random Random { get; }

    /// <summary>Every node ever added, dead or alive, in order of creation.</summary>
    public IReadOnlyList<SimulatedNode> Nodes => _nodes;

    /// <summary>Messages (requests, answers, one-way) handed to a live receiver.</summary>
    public long MessagesDelivered { get; private set; }

    /// <summary>Messages dropped by packet loss.</summary>
    public long MessagesLost { get; private set; }

    /// <summary>Adds one node with a fresh random peer id. It knows nobody until <see cref="Join"/> or <see cref="WarmUpRoutingTables"/>.</summary>
    /// <param name="mode">Server (enters routing tables) or client.</param>
    /// <returns>The node.</returns>
    public SimulatedNode AddNode(KadMode mode = KadMode.Server)
    {
        Span<byte> id = stackalloc byte[34];
        id[0] = 0x12;
        id[1] = 0x20;
        Random.NextBytes(id[2..]);
        return AddNode(new KadPeer(id), mode);
    }

    private SimulatedNode AddNode(KadPeer peer, KadMode mode)
    {
        var transport = new SimulatedTransport(this);
        var kad = new KadNode(
            peer,
            transport,
            mode == KadMode.Server ? _serverOptions : _clientOptions,
            Clock,
            new Random(Random.Next()),
            Options.Validator);
        var node = new SimulatedNode(_nodes.Count, kad);
        transport.Owner = node;
        _nodes.Add(node);
        _byKey[peer.Key] = node;
        return node;
    }

    /// <summary>Adds <paramref name="count"/> nodes.</summary>
    /// <param name="count">How many.</param>
    /// <param name="mode">Their mode.</param>
    /// <returns>The new nodes.</returns>
    public IReadOnlyList<SimulatedNode> AddNodes(int count, KadMode mode = KadMode.Server)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var added = new SimulatedNode[count];
        for (var i = 0; i < count; i++)
        {
            added[i] = AddNode(mode);
        }

        return added;
    }

    /// <summary>
    /// Adds <paramref name="count"/> eclipse attackers (<see cref="SimulatedBehavior.Eclipse"/>): servers that answer
    /// lookups only with each other.
    /// </summary>
    /// <param name="count">How many.</param>
    /// <returns>The new nodes.</returns>
    public IReadOnlyList<SimulatedNode> AddMaliciousNodes(int count)
    {
        var added = AddNodes(count);
        foreach (var node in added)
        {
            node.Behavior = SimulatedBehavior.Eclipse;
            _malicious.Add(node);
        }

        return added;
    }

    /// <summary>
    /// Mounts an eclipse attempt on <paramref name="target"/>: <paramref name="members"/> attackers with random ids join
    /// the network like anyone else, and <paramref name="sybils"/> hidden Sybils get ids ground until their keys share
    /// at least <paramref name="prefixBits"/> leading bits with the target, so they look closer than any honest node.
    /// All of them answer lookups only with each other (<see cref="SimulatedBehavior.Eclipse"/>); honest nodes learn of
    /// the Sybils only from attackers. Returns every attacker, members first.
    /// </summary>
    /// <param name="target">The keyspace position under attack.</param>
    /// <param name="members">Attackers that are ordinary members of the network.</param>
    /// <param name="sybils">Hidden Sybils placed next to the target.</param>
    /// <param name="prefixBits">Leading bits each Sybil shares with the target (grinding costs about 2^bits hashes each).</param>
    /// <returns>The attackers.</returns>
    public IReadOnlyList<SimulatedNode> AddEclipseAttack(KadKey target, int members, int sybils, int prefixBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sybils);
        ArgumentOutOfRangeException.ThrowIfNegative(prefixBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixBits, 24);
        var added = new List<SimulatedNode>(AddMaliciousNodes(members));
        Span<byte> id = stackalloc byte[34];
        for (var s = 0; s < sybils; s++)
        {
            id[0] = 0x12;
            id[1] = 0x20;
            do
            {
                Random.NextBytes(id[2..]);
            }
            while (KadKey.Hash(id).CommonPrefixLength(target) < prefixBits);

            var sybil = AddNode(new KadPeer(id), KadMode.Server);
            sybil.Behavior = SimulatedBehavior.Eclipse;
            sybil.IsHidden = true;
            sybil.IsJoined = true;
            _malicious.Add(sybil);
            added.Add(sybil);
        }

        return added;
    }

    /// <summary>
    /// Joins <paramref name="node"/> the way a real node does (<see cref="KadNode.BootstrapAsync"/> through one random
    /// joined live server) and runs the simulation until the join is over.
    /// </summary>
    /// <param name="node">A node of this network.</param>
    /// <returns>Its routing-table size afterwards.</returns>
    public int Join(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var bootstrap = RandomJoinedServer(node);
        node.IsJoined = true;
        return bootstrap is null ? 0 : Run(node.Node.BootstrapAsync([bootstrap.Peer]));
    }

    /// <summary>Joins every node that has not joined yet, one after the other, each through a random joined server.</summary>
    public void JoinAll()
    {
        foreach (var node in _nodes)
        {
            if (!node.IsJoined && node.IsAlive)
            {
                Join(node);
            }
        }
    }

    /// <summary>
    /// Fills every routing table as a long-running network would have it, without sending messages: for each node
    /// and bucket, up to k live servers drawn at random from those that belong in the bucket. Much faster than
    /// <see cref="JoinAll"/> for large networks (10,000 nodes take about a second).
    /// </summary>
    public void WarmUpRoutingTables()
    {
        var servers = _nodes.Where(n => n.IsAlive && !n.IsHidden && n.Mode == KadMode.Server).ToArray();
        var keys = servers.Select(n => n.Peer.Key).ToArray();
        Array.Sort(keys, servers);
        var k = Options.Kad.BucketSize;
        foreach (var node in _nodes)
        {
            if (!node.IsAlive || node.IsHidden)
            {
                continue;
            }

            var self = node.Peer.Key;
            for (var bucket = 0; bucket < KadKey.Bits; bucket++)
            {
                // Keys sharing exactly `bucket` leading bits with `self` form one contiguous range of the sorted keys.
                var low = KadKey.RandomInBucket(self, bucket, Random);
                var (from, to) = RangeWithPrefix(keys, low, bucket + 1);
                if (from >= to)
                {
                    if (bucket > 0 && CountWithPrefix(keys, self, bucket) <= 1)
                    {
                        break;
                    }

                    continue;
                }

                var count = to - from;
                if (count <= k)
                {
                    for (var i = from; i < to; i++)
                    {
                        node.Node.AddTrustedPeer(servers[i].Peer);
                    }
                }
                else
                {
                    foreach (var i in SampleIndices(from, count, k))
                    {
                        node.Node.AddTrustedPeer(servers[i].Peer);
                    }
                }
            }

            node.IsJoined = true;
        }
    }

    /// <summary>Runs the simulation until <paramref name="task"/> completes and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">A task started on a node of this network.</param>
    /// <returns>The result.</returns>
    public T Run<T>(Task<T> task)
    {
        Clock.RunUntil(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Runs the simulation until <paramref name="task"/> completes.</summary>
    /// <param name="task">A task started on a node of this network.</param>
    public void Run(Task task)
    {
        Clock.RunUntil(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Lets <paramref name="duration"/> of simulated time pass, running whatever is due (timers, late answers).</summary>
    /// <param name="duration">The time.</param>
    public void RunFor(TimeSpan duration) => Clock.Advance(duration);

    /// <summary>Kills <paramref name="node"/> silently: no goodbye, it just stops answering.</summary>
    /// <param name="node">The node.</param>
    public static void Kill(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        node.IsAlive = false;
    }

    /// <summary>Brings a dead node back with its old state (a restart that kept its tables).</summary>
    /// <param name="node">The node.</param>
    public static void Revive(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        node.IsAlive = true;
    }

    /// <summary>Kills a random <paramref name="fraction"/> of the live honest nodes, silently.</summary>
    /// <param name="fraction">0–1.</param>
    /// <returns>The nodes killed.</returns>
    public IReadOnlyList<SimulatedNode> KillRandom(double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var live = _nodes.Where(n => n.IsAlive && n.Behavior == SimulatedBehavior.Honest).ToList();
        var victims = new List<SimulatedNode>();
        foreach (var i in SampleIndices(0, live.Count, (int)Math.Round(live.Count * fraction)))
        {
            Kill(live[i]);
            victims.Add(live[i]);
        }

        return victims;
    }

    /// <summary>
    /// Starts churn on the simulated clock: every <paramref name="interval"/>, <paramref name="leaves"/> random live
    /// honest nodes die silently and <paramref name="joins"/> new nodes join. Dispose the result to stop.
    /// </summary>
    /// <param name="interval">Time between churn steps.</param>
    /// <param name="leaves">Nodes that leave per step.</param>
    /// <param name="joins">Nodes that join per step.</param>
    /// <returns>A handle that stops the churn.</returns>
    public IDisposable StartChurn(TimeSpan interval, int leaves, int joins)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leaves);
        ArgumentOutOfRangeException.ThrowIfNegative(joins);
        return Clock.CreateTimer(_ => ChurnStep(leaves, joins), null, interval, interval);
    }

    /// <summary>The <paramref name="count"/> live servers closest to <paramref name="target"/> (ground truth for tests).</summary>
    /// <param name="target">The key.</param>
    /// <param name="count">How many.</param>
    /// <param name="where">An extra filter, e.g. honest nodes only.</param>
    /// <returns>Closest first.</returns>
    public IReadOnlyList<SimulatedNode> ClosestLiveServers(KadKey target, int count, Func<SimulatedNode, bool>? where = null)
    {
        var candidates = _nodes.Where(n => n.IsAlive && n.Mode == KadMode.Server && (where is null || where(n))).ToList();
        candidates.Sort((a, b) => target.CompareDistance(a.Peer.Key, b.Peer.Key));
        return candidates.Take(count).ToList();
    }

    /// <summary>The simulated node with this peer key, if any.</summary>
    /// <param name="key">A peer key.</param>
    /// <param name="node">The node.</param>
    /// <returns>Whether it exists.</returns>
    public bool TryGetNode(KadKey key, out SimulatedNode node) => _byKey.TryGetValue(key, out node!);

    internal ValueTask<KadMessage?> Request(SimulatedNode from, KadPeer to, KadMessage message, bool expectResponse)
    {
        _byKey.TryGetValue(to.Key, out var target);
        var exchange = new SimulatedExchange(this, from, target, message, expectResponse);
        if (target is null || Lost())
        {
            exchange.ScheduleTimeout(Options.RequestTimeout);
        }
        else
        {
            exchange.ScheduleDelivery(Options.Latency.Sample(from.Index, target.Index, Random));
        }

        return new ValueTask<KadMessage?>(exchange.Task);
    }

    internal void Deliver(SimulatedExchange exchange)
    {
        var to = exchange.To!;
        var waited = Clock.Elapsed - exchange.SentAt;
        if (!to.IsAlive)
        {
            exchange.ScheduleTimeout(Options.RequestTimeout - waited);
            return;
        }

        MessagesDelivered++;
        var back = Options.Latency.Sample(to.Index, exchange.From.Index, Random);
        if (to.Mode == KadMode.Client)
        {
            // The kad protocol is not offered: the stream is refused, which the sender learns one trip later.
            exchange.ScheduleAnswer(back, null);
            return;
        }

        var answer = to.Behavior == SimulatedBehavior.Eclipse
            ? EclipseAnswer(exchange.From, exchange.Request)
            : to.Node.HandleRequest(exchange.From.Peer, exchange.From.Mode, exchange.Request);
        if (!exchange.ExpectResponse)
        {
            exchange.ScheduleAnswer(TimeSpan.Zero, exchange.Request);
            return;
        }

        if (answer is null)
        {
            exchange.ScheduleAnswer(back, null);
        }
        else if (Lost())
        {
            exchange.ScheduleTimeout(Options.RequestTimeout - waited);
        }
        else
        {
            MessagesDelivered++;
            exchange.ScheduleAnswer(back, answer);
        }
    }

    private KadMessage? EclipseAnswer(SimulatedNode from, KadMessage request)
    {
        switch (request.Type)
        {
            case KadMessageType.PutValue or KadMessageType.Ping:
                return request;
            case KadMessageType.AddProvider:
                return null;
            default:
                var target = KadKey.Hash(request.Key.Span);
                var accomplices = _malicious.Where(n => n.IsAlive && n.Peer.Key != from.Peer.Key).ToList();
                accomplices.Sort((a, b) => target.CompareDistance(a.Peer.Key, b.Peer.Key));
                var peers = accomplices.Take(Options.Kad.BucketSize).Select(n => n.Peer).ToArray();
                return new KadMessage(request.Type, request.Key, closerPeers: peers);
        }
    }

    private void ChurnStep(int leaves, int joins)
    {
        KillRandom(Math.Min(1.0, leaves / (double)Math.Max(1, _nodes.Count(n => n.IsAlive && n.Behavior == SimulatedBehavior.Honest))));
        for (var i = 0; i < joins; i++)
        {
            var node = AddNode();
            var bootstrap = RandomJoinedServer(node);
            node.IsJoined = true;
            if (bootstrap is not null)
            {
                _ = node.Node.BootstrapAsync([bootstrap.Peer]);
            }
        }
    }

    private SimulatedNode? RandomJoinedServer(SimulatedNode except)
    {
        var joined = _nodes.Where(n => n.IsJoined && n.IsAlive && n.Mode == KadMode.Server && n != except && n.Behavior == SimulatedBehavior.Honest).ToList();
        return joined.Count == 0 ? null : joined[Random.Next(joined.Count)];
    }

    private bool Lost()
    {
        if (Options.PacketLoss > 0 && Random.NextDouble() < Options.PacketLoss)
        {
            MessagesLost++;
            return true;
        }

        return false;
    }

    private IEnumerable<int> SampleIndices(int from, int count, int wanted)
    {
        // Partial Fisher-Yates over an index array: `wanted` distinct indices from [from, from + count).
        wanted = Math.Min(wanted, count);
        var indices = new int[count];
        for (var i = 0; i < count; i++)
        {
            indices[i] = from + i;
        }

        for (var i = 0; i < wanted; i++)
        {
            var j = i + Random.Next(count - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
            yield return indices[i];
        }
    }

    /// <summary>Index range of sorted keys sharing the first <paramref name="bits"/> bits with <paramref name="probe"/>.</summary>
    private static (int From, int To) RangeWithPrefix(KadKey[] sorted, KadKey probe, int bits)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].CommonPrefixLength(probe) >= bits || sorted[mid] > probe)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var from = lo;
        hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].CommonPrefixLength(probe) < bits && sorted[mid] > probe)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (from, lo);
    }

    private static int CountWithPrefix(KadKey[] sorted, KadKey probe, int bits)
    {
        var (from, to) = RangeWithPrefix(sorted, probe, bits);
        return to - from;
    }
}
