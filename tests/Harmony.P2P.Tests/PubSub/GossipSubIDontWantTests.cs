using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>Gossipsub v1.2 IDONTWANT: announced for large messages, honoured when forwarding, bounded, expired; 1.2.0 negotiated first.</summary>
public class GossipSubIDontWantTests
{
    private const string Topic = "harmony/0.0.1/node/shard/1";

    private static GossipSubOptions Options() => new()
    {
        SignaturePolicy = SignaturePolicy.StrictNoSign,
        IDontWantMessageThreshold = 100,
        MaxIDontWantMessages = 10,
        IDontWantHistory = 3,
    };

    /// <summary>source → relay → {v1.2 peer, v1.1 peer}, meshes formed.</summary>
    private static (GossipSimulation Sim, SimNode Source, SimNode Relay, SimNode V12, SimNode V11) Line(int seed)
    {
        var sim = new GossipSimulation(seed);
        var source = sim.AddNode(Options());
        var relay = sim.AddNode(Options());
        var v12 = sim.AddNode(Options());
        var v11 = sim.AddNode(Options());
        GossipSimulation.Connect(source, relay, PubSubPeerKind.GossipSubV12);
        GossipSimulation.Connect(relay, v12, PubSubPeerKind.GossipSubV12);
        GossipSimulation.Connect(relay, v11, PubSubPeerKind.GossipSubV11);
        foreach (var node in sim.Nodes)
        {
            node.Router.Join(Topic);
        }

        sim.RunFor(TimeSpan.FromMilliseconds(20));
        foreach (var node in sim.Nodes)
        {
            node.Router.Heartbeat();
        }

        sim.RunFor(TimeSpan.FromMilliseconds(20));
        relay.Router.MeshPeers(Topic).Count.ShouldBe(3);
        return (sim, source, relay, v12, v11);
    }

    private static MessageId IdOf(byte[] data) =>
        MessageIdFunctions.ContentHash(new PubSubMessage(default, data, default, Topic, default, default));

    private static PubSubRpc DontWant(IEnumerable<MessageId> ids)
    {
        var rpc = new PubSubRpc();
        rpc.IDontWant.Add(new ControlIDontWant([.. ids]));
        return rpc;
    }

    [Fact]
    public void A_large_message_awaiting_validation_is_announced_to_v1_2_mesh_peers_other_than_its_sender()
    {
        var (sim, source, relay, v12, v11) = Line(81);
        relay.Validator = _ => null;
        var large = new byte[100];
        large[0] = 1;
        source.Router.TryPublish(Topic, large, out var id).ShouldBeTrue();
        id.ShouldBe(IdOf(large));
        sim.RunFor(TimeSpan.FromMilliseconds(50));

        // The IDONTWANT goes out while the message is still being validated, before anything is forwarded.
        relay.Router.PendingValidations.ShouldBe(1);
        v12.HasDelivered(large).ShouldBeFalse();
        relay.Router.Statistics.IDontWantSent.ShouldBe(1);
        v12.Router.PeerDoesNotWant(relay.Peer, id).ShouldBeTrue();
        v11.Router.PeerDoesNotWant(relay.Peer, id).ShouldBeFalse();
        source.Router.PeerDoesNotWant(relay.Peer, id).ShouldBeFalse();
        relay.Router.CompleteValidation(id, ValidationResult.Accept);
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        v12.HasDelivered(large).ShouldBeTrue();
        v11.HasDelivered(large).ShouldBeTrue();

        // One byte under the threshold: no IDONTWANT.
        var small = new byte[99];
        source.Router.TryPublish(Topic, small, out var smallId).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        relay.Router.CompleteValidation(smallId, ValidationResult.Accept);
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        v12.HasDelivered(small).ShouldBeTrue();
        relay.Router.Statistics.IDontWantSent.ShouldBe(1);
    }

    [Fact]
    public void A_large_message_accepted_at_once_is_forwarded_instead_and_a_rejected_one_is_announced()
    {
        var (sim, source, relay, v12, _) = Line(85);
        var accepted = new byte[300];
        accepted[0] = 3;
        source.Router.TryPublish(Topic, accepted, out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        v12.HasDelivered(accepted).ShouldBeTrue();
        relay.Router.Statistics.IDontWantSent.ShouldBe(0);

        relay.Validator = _ => ValidationResult.Reject;
        var rejected = new byte[300];
        rejected[0] = 4;
        source.Router.TryPublish(Topic, rejected, out var id).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        v12.HasDelivered(rejected).ShouldBeFalse();
        relay.Router.Statistics.IDontWantSent.ShouldBe(1);
        v12.Router.PeerDoesNotWant(relay.Peer, id).ShouldBeTrue();
    }

    [Fact]
    public void A_message_is_not_forwarded_to_a_peer_that_said_IDONTWANT_for_it()
    {
        var (sim, source, relay, v12, v11) = Line(82);
        var data = new byte[500];
        data[0] = 2;
        var id = IdOf(data);
        relay.Router.HandleRpc(v12.Peer, DontWant([id]));
        relay.Router.PeerDoesNotWant(v12.Peer, id).ShouldBeTrue();

        source.Router.TryPublish(Topic, data, out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        relay.HasDelivered(data).ShouldBeTrue();
        v11.HasDelivered(data).ShouldBeTrue();
        v12.HasDelivered(data).ShouldBeFalse();
        relay.Router.Statistics.ForwardsSkippedByIDontWant.ShouldBe(1);
    }

    [Fact]
    public void IDONTWANTs_are_bounded_per_heartbeat_and_expire_after_the_history()
    {
        var (_, _, relay, v12, _) = Line(83);
        var ids = Enumerable.Range(0, 25).Select(i => new MessageId(BitConverter.GetBytes(i))).ToList();
        relay.Router.HandleRpc(v12.Peer, DontWant(ids));
        relay.Router.Statistics.IDontWantReceived.ShouldBe(10);
        ids.Take(10).ShouldAllBe(id => relay.Router.PeerDoesNotWant(v12.Peer, id));
        ids.Skip(10).ShouldAllBe(id => !relay.Router.PeerDoesNotWant(v12.Peer, id));

        // A new heartbeat gives a new allowance.
        relay.Router.Heartbeat();
        relay.Router.HandleRpc(v12.Peer, DontWant(ids.Skip(10).Take(5)));
        relay.Router.Statistics.IDontWantReceived.ShouldBe(15);

        // An IDONTWANT is kept for IDontWantHistory (3) heartbeats: the first ten go at the third heartbeat after they
        // arrived, the later five one heartbeat after that.
        relay.Router.Heartbeat();
        relay.Router.PeerDoesNotWant(v12.Peer, ids[0]).ShouldBeTrue();
        relay.Router.Heartbeat();
        relay.Router.PeerDoesNotWant(v12.Peer, ids[0]).ShouldBeFalse();
        relay.Router.PeerDoesNotWant(v12.Peer, ids[10]).ShouldBeTrue();
        relay.Router.Heartbeat();
        relay.Router.PeerDoesNotWant(v12.Peer, ids[10]).ShouldBeFalse();
    }

    [Fact]
    public void A_peer_never_holds_more_than_the_allowance_times_the_history()
    {
        // Any sequence of IDONTWANT batches (sizes 0–12) and heartbeats: the ids a peer has pending never exceed
        // MaxIDontWantMessages (10) × IDontWantHistory (3), and an id within the heartbeat's allowance is always taken.
        var (_, _, relay, v12, _) = Line(86);
        var next = 0;
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(-1, 12)).ToArbitrary(),
            (List<int> steps) =>
            {
                var sent = new List<MessageId>();
                var takenThisHeartbeat = 0;
                foreach (var step in steps)
                {
                    if (step < 0)
                    {
                        relay.Router.Heartbeat();
                        takenThisHeartbeat = 0;
                        continue;
                    }

                    var batch = Enumerable.Range(next, step).Select(i => new MessageId(BitConverter.GetBytes(i))).ToList();
                    next += step;
                    relay.Router.HandleRpc(v12.Peer, DontWant(batch));
                    var allowed = Math.Min(step, 10 - takenThisHeartbeat);
                    takenThisHeartbeat += allowed;
                    for (var i = 0; i < batch.Count; i++)
                    {
                        relay.Router.PeerDoesNotWant(v12.Peer, batch[i]).ShouldBe(i < allowed);
                    }

                    sent.AddRange(batch);
                    sent.Count(id => relay.Router.PeerDoesNotWant(v12.Peer, id)).ShouldBeLessThanOrEqualTo(30);
                }

                // Three heartbeats later every one of them is forgotten.
                for (var i = 0; i < 3; i++)
                {
                    relay.Router.Heartbeat();
                }

                sent.Any(id => relay.Router.PeerDoesNotWant(v12.Peer, id)).ShouldBeFalse();
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void IDONTWANT_options_are_validated()
    {
        var validator = new GossipSubOptionsValidator();
        validator.Validate(null, Options()).Succeeded.ShouldBeTrue();
        foreach (var bad in new Action<GossipSubOptions>[] { o => o.IDontWantMessageThreshold = -1, o => o.MaxIDontWantMessages = 0, o => o.IDontWantHistory = 0 })
        {
            var options = Options();
            bad(options);
            validator.Validate(null, options).FailureMessage!.ShouldContain("IDontWant");
        }
    }

    [Fact]
    public async Task Meshsub_1_2_0_is_negotiated_first_and_1_1_0_is_the_fallback()
    {
        var network = new InMemoryLibp2pNetwork(84);
        var aHost = network.CreateHost();
        var bHost = network.CreateHost();
        var oldHost = network.CreateHost();
        oldHost.SetHandler(new MeshSubV11Only());
        await using var a = new GossipSub(aHost, Options());
        await using var b = new GossipSub(bHost, Options());
        a.Start();
        b.Start();
        InMemoryLibp2pNetwork.Connect(aHost, bHost);
        InMemoryLibp2pNetwork.Connect(aHost, oldHost);
        await Eventually.HoldsAsync(() => a.Router.Peers.Count >= 2 && b.Router.Peers.Count >= 1, "both peers are pubsub peers of A");

        await a.DisposeAsync();
        await b.DisposeAsync();
        a.Router.PeerKind(bHost.LocalPeer).ShouldBe(PubSubPeerKind.GossipSubV12);
        b.Router.PeerKind(aHost.LocalPeer).ShouldBe(PubSubPeerKind.GossipSubV12);
        a.Router.PeerKind(oldHost.LocalPeer).ShouldBe(PubSubPeerKind.GossipSubV11);
        PubSubProtocols.All[0].ShouldBe("/meshsub/1.2.0");
    }

    /// <summary>A peer that speaks only <c>/meshsub/1.1.0</c> and reads whatever it is sent.</summary>
    private sealed class MeshSubV11Only : ILibp2pProtocolHandler
    {
        public IReadOnlyList<string> Protocols { get; } = [PubSubProtocols.MeshSubV11];

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            await using var owned = stream;
            while (true)
            {
                var read = await stream.Input.ReadAsync(cancellationToken);
                stream.Input.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted || read.IsCanceled)
                {
                    return;
                }
            }
        }
    }
}
