using BenchmarkDotNet.Attributes;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.PubSub;

namespace Harmony.Benchmarks.Libp2p;

/// <summary>
/// Gossip messages per second through the gossipsub router alone: 20 routers (D = 5/4/8, each dialing 6 others) joined
/// to one topic, wired by an in-process queue that encodes and decodes every RPC with the wire codec. One operation =
/// one 256-byte message published and delivered to all 19 other routers (with a heartbeat on every router after each
/// batch of 100). Signed runs use Ed25519 identity keys: one signature per publish and one verification per receipt.
/// </summary>
[MemoryDiagnoser]
public class GossipRouterBenchmarks
{
    private const string Topic = "harmony/0.0.1/node/shard/1";
    private const int Nodes = 20;
    private const int Batch = 100;

    private readonly Queue<(PeerId From, PeerId To, byte[] Rpc)> _wire = new();
    private readonly Dictionary<PeerId, GossipSubRouter> _routers = [];
    private readonly List<Libp2pPrivateKey> _keys = [];
    private readonly byte[] _payload = new byte[256];
    private GossipSubRouter[] _ordered = [];
    private long _delivered;
    private long _sequence;

    /// <summary>Whether messages are signed and verified (StrictSign) or not (StrictNoSign).</summary>
    [Params(false, true)]
    public bool Signed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var options = new GossipSubOptions { SignaturePolicy = Signed ? SignaturePolicy.StrictSign : SignaturePolicy.StrictNoSign };
        for (var i = 0; i < Nodes; i++)
        {
            var seed = new byte[32];
            random.NextBytes(seed);
            var key = Libp2pPrivateKey.FromEd25519Seed(seed);
            _keys.Add(key);
            var sink = new Sink(this, key.PeerId);
            var router = Signed
                ? new GossipSubRouter(key.PeerId, sink, options, TimeProvider.System, new Random(i), new Libp2pIdentitySigner(key), Libp2pIdentityVerifier.Instance)
                : new GossipSubRouter(key.PeerId, sink, options, TimeProvider.System, new Random(i));
            _routers[key.PeerId] = router;
        }

        _ordered = [.. _routers.Values];
        foreach (var router in _ordered)
        {
            var added = 0;
            while (added < 6)
            {
                var other = _ordered[random.Next(Nodes)];
                if (other == router || router.Peers.Contains(other.LocalPeer))
                {
                    continue;
                }

                router.AddPeer(other.LocalPeer, PubSubPeerKind.GossipSubV11, outbound: true);
                other.AddPeer(router.LocalPeer, PubSubPeerKind.GossipSubV11, outbound: false);
                added++;
            }
        }

        foreach (var router in _ordered)
        {
            router.Join(Topic);
        }

        Drain();
        for (var i = 0; i < 5; i++)
        {
            Heartbeats();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }

    /// <summary>Publishes a batch from rotating publishers and delivers everything; returns deliveries.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long PublishAndDeliver()
    {
        var before = _delivered;
        for (var i = 0; i < Batch; i++)
        {
            // A unique payload per publish: unsigned messages are identified by a hash of their content, so a repeated
            // payload would be (rightly) dropped as a duplicate.
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(_payload, ++_sequence);
            _ordered[i % Nodes].TryPublish(Topic, _payload.AsMemory().ToArray(), out _);
            Drain();
        }

        Heartbeats();
        var delivered = _delivered - before;
        if (delivered != Batch * (Nodes - 1))
        {
            throw new InvalidOperationException($"Delivered {delivered} of {Batch * (Nodes - 1)}.");
        }

        return delivered;
    }

    private void Heartbeats()
    {
        foreach (var router in _ordered)
        {
            router.Heartbeat();
        }

        Drain();
    }

    private void Drain()
    {
        while (_wire.TryDequeue(out var item))
        {
            if (PubSubRpcCodec.TryDecode(item.Rpc, _routers[item.To].Options.Limits, out var rpc, out _))
            {
                _routers[item.To].HandleRpc(item.From, rpc);
            }
        }
    }

    private sealed class Sink(GossipRouterBenchmarks owner, PeerId self) : IGossipSubSink
    {
        public void Send(PeerId peer, PubSubRpc rpc) => owner._wire.Enqueue((self, peer, PubSubRpcCodec.Encode(rpc)));

        public ValidationResult? Validate(PeerId from, MessageId id, PubSubMessage message) => ValidationResult.Accept;

        public void Deliver(PeerId from, MessageId id, PubSubMessage message) => owner._delivered++;

        public void PeerExchange(PeerId from, string topic, IReadOnlyList<PeerExchangeRecord> peers)
        {
        }
    }
}
