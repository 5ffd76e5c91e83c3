using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.PubSub;
using Harmony.P2P.Simulation;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>
/// Routers wired to each other through a discrete-event clock: every RPC is encoded and decoded with the wire codec and
/// delivered after a latency, heartbeats run on simulated time, and a filter can drop full messages on chosen links.
/// </summary>
internal sealed class GossipSimulation
{
    private readonly Dictionary<PeerId, SimNode> _byPeer = [];
    private readonly HashSet<SimNode> _beating = [];

    public GossipSimulation(int seed)
    {
        Random = new Random(seed);
    }

    public SimulationClock Clock { get; } = new();

    public Random Random { get; }

    public List<SimNode> Nodes { get; } = [];

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Return true to drop the full message on its way from the first node to the second.</summary>
    public Func<SimNode, SimNode, PubSubMessage, bool>? DropMessage { get; set; }

    public long RpcsSent { get; private set; }

    public SimNode AddNode(GossipSubOptions? options = null, PeerId? peerId = null, IPubSubSigner? signer = null)
    {
        options ??= new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign };
        var id = peerId ?? InMemoryLibp2pNetwork.RandomPeerId(Random);
        var node = new SimNode(this, id);
        var verifier = options.SignaturePolicy == SignaturePolicy.StrictSign ? Ed25519TestVerifier.Instance : null;
        node.Router = new GossipSubRouter(id, node, options, Clock, new Random(Random.Next()), signer, verifier);
        Nodes.Add(node);
        _byPeer[id] = node;
        return node;
    }

    public SimNode this[PeerId peer] => _byPeer[peer];

    public static void Connect(SimNode dialer, SimNode listener, PubSubPeerKind kind = PubSubPeerKind.GossipSubV11)
    {
        dialer.Router.AddPeer(listener.Peer, kind, outbound: true, listener.Address);
        listener.Router.AddPeer(dialer.Peer, kind, outbound: false, dialer.Address);
    }

    /// <summary>Connects every node to <paramref name="degree"/> random others (dialing), skipping existing links.</summary>
    public void ConnectRandomly(int degree)
    {
        foreach (var node in Nodes)
        {
            var added = 0;
            var attempts = 0;
            while (added < degree && attempts++ < 10 * degree)
            {
                var other = Nodes[Random.Next(Nodes.Count)];
                if (other == node || node.Router.Peers.Contains(other.Peer))
                {
                    continue;
                }

                Connect(node, other);
                added++;
            }
        }
    }

    /// <summary>Starts the heartbeat of every node (or of <paramref name="only"/> those) that has none yet.</summary>
    public void StartHeartbeats(IEnumerable<SimNode>? only = null)
    {
        foreach (var node in only ?? Nodes)
        {
            if (!_beating.Add(node))
            {
                continue;
            }

            var offset = TimeSpan.FromMilliseconds(Random.Next(0, 1000));
            ScheduleHeartbeat(node, node.Router.Options.HeartbeatInitialDelay + offset);
        }
    }

    public void RunFor(TimeSpan duration) => Clock.Advance(duration);

    internal void Transmit(SimNode from, PeerId to, PubSubRpc rpc)
    {
        if (!_byPeer.TryGetValue(to, out var target))
        {
            return;
        }

        if (DropMessage is { } drop)
        {
            for (var i = rpc.Messages.Count - 1; i >= 0; i--)
            {
                if (drop(from, target, rpc.Messages[i]))
                {
                    rpc.Messages.RemoveAt(i);
                }
            }
        }

        var bytes = PubSubRpcCodec.Encode(rpc);
        RpcsSent++;
        if (!PubSubRpcCodec.TryDecode(bytes, target.Router.Options.Limits, out var decoded, out _))
        {
            target.RefusedRpcs++;
            return;
        }

        Clock.Schedule(Latency, () =>
        {
            if (target.Router.Peers.Contains(from.Peer))
            {
                target.Router.HandleRpc(from.Peer, decoded);
            }
        });
    }

    private void ScheduleHeartbeat(SimNode node, TimeSpan delay) =>
        Clock.Schedule(delay, () =>
        {
            node.Router.Heartbeat();
            ScheduleHeartbeat(node, node.Router.Options.HeartbeatInterval);
        });
}

/// <summary>One simulated node: a router and what it delivered.</summary>
internal sealed class SimNode(GossipSimulation simulation, PeerId peer) : IGossipSubSink
{
    public PeerId Peer { get; } = peer;

    public GossipSubRouter Router { get; set; } = null!;

    /// <summary>The IP address other nodes see for this one (for P₆); none unless a test sets it.</summary>
    public System.Net.IPAddress? Address { get; set; }

    public List<PubSubMessage> Delivered { get; } = [];

    public List<(PeerId From, string Topic, IReadOnlyList<PeerExchangeRecord> Peers)> Exchanges { get; } = [];

    public List<(PeerId From, MessageId Id)> ValidationRequests { get; } = [];

    /// <summary>The validator; <see langword="null"/> result means "pending" (complete it through the router).</summary>
    public Func<PubSubMessage, ValidationResult?> Validator { get; set; } = _ => ValidationResult.Accept;

    public int RefusedRpcs { get; set; }

    public void Send(PeerId peer, PubSubRpc rpc) => simulation.Transmit(this, peer, rpc);

    public ValidationResult? Validate(PeerId from, MessageId id, PubSubMessage message)
    {
        ValidationRequests.Add((from, id));
        return Validator(message);
    }

    public void Deliver(PeerId from, MessageId id, PubSubMessage message) => Delivered.Add(message);

    public void PeerExchange(PeerId from, string topic, IReadOnlyList<PeerExchangeRecord> peers) => Exchanges.Add((from, topic, peers));

    public List<PeerId> ReconnectRequests { get; } = [];

    public void ConnectDirectPeer(PeerId peer) => ReconnectRequests.Add(peer);

    public bool HasDelivered(ReadOnlySpan<byte> data)
    {
        foreach (var message in Delivered)
        {
            if (message.Data.Span.SequenceEqual(data))
            {
                return true;
            }
        }

        return false;
    }
}
