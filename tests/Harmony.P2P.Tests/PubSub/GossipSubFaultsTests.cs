using Harmony.P2P.PubSub;
using Harmony.P2P.PubSub.Scoring;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>Backoff, scoring, oversized messages, validation hooks and peer exchange.</summary>
public class GossipSubFaultsTests
{
    private const string Topic = "hmy/local/0.0.1/node/beacon";

    private static GossipSubOptions NoSign() => new() { SignaturePolicy = SignaturePolicy.StrictNoSign };

    [Fact]
    public void A_prune_backoff_keeps_both_sides_from_grafting_until_it_expires()
    {
        var sim = new GossipSimulation(1);
        var a = sim.AddNode();
        var b = sim.AddNode();
        GossipSimulation.Connect(a, b);
        a.Router.Join(Topic);
        b.Router.Join(Topic);
        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(2));
        a.Router.MeshPeers(Topic).ShouldContain(b.Peer);

        b.Router.Leave(Topic);
        b.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromSeconds(5));
        a.Router.MeshPeers(Topic).ShouldNotContain(b.Peer);
        b.Router.MeshPeers(Topic).ShouldNotContain(a.Peer);
        a.Router.IsBackedOff(b.Peer, Topic).ShouldBeTrue();

        // The unsubscribe backoff is 10 s; after it, the heartbeat grafts again.
        sim.RunFor(TimeSpan.FromSeconds(7));
        a.Router.MeshPeers(Topic).ShouldContain(b.Peer);
        b.Router.MeshPeers(Topic).ShouldContain(a.Peer);
    }

    [Fact]
    public void A_graft_during_backoff_is_answered_with_a_prune_and_penalized()
    {
        var sim = new GossipSimulation(2);
        var a = sim.AddNode();
        var b = sim.AddNode();
        GossipSimulation.Connect(a, b);
        a.Router.Join(Topic);
        b.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        var prune = new PubSubRpc();
        prune.Prune.Add(new ControlPrune(Topic, [], 60));
        b.Router.HandleRpc(a.Peer, prune);
        a.Router.Leave(Topic);
        a.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromMilliseconds(50));

        // a is backed off at b for 60 s; a misbehaving a grafts anyway, twice.
        var prunesBefore = b.Router.Statistics.PrunesSent;
        var graft = new PubSubRpc();
        graft.Graft.Add(new ControlGraft(Topic));
        b.Router.HandleRpc(a.Peer, graft);
        b.Router.HandleRpc(a.Peer, graft);
        b.Router.MeshPeers(Topic).ShouldNotContain(a.Peer);
        b.Router.Statistics.PrunesSent.ShouldBe(prunesBefore + 2);
        b.Router.Score(a.Peer).ShouldBeLessThan(0);
    }

    [Fact]
    public void Invalid_messages_cost_the_sender_its_score_until_it_is_graylisted()
    {
        var sim = new GossipSimulation(4);
        for (var i = 0; i < 10; i++)
        {
            sim.AddNode();
        }

        sim.ConnectRandomly(4);
        var attacker = sim.AddNode();
        var victims = sim.Nodes.Take(6).ToList();
        foreach (var victim in victims)
        {
            GossipSimulation.Connect(attacker, victim);
        }

        foreach (var node in sim.Nodes)
        {
            node.Validator = m => m.Data.Span.StartsWith("bad"u8) ? ValidationResult.Reject : ValidationResult.Accept;
            node.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(3));
        for (var i = 0; i < 4; i++)
        {
            attacker.Router.TryPublish(Topic, new byte[] { (byte)'b', (byte)'a', (byte)'d', (byte)i }, out _).ShouldBeTrue();
        }

        // Three invalid messages make −10 × 3² = −90, below the graylist threshold of −80; the fourth is not even read.
        sim.RunFor(TimeSpan.FromMilliseconds(40));
        var thresholds = new PeerScoreThresholds();
        foreach (var victim in victims)
        {
            victim.Router.Score(attacker.Peer).ShouldBeLessThan(thresholds.Graylist);
        }

        // Honest peers never forwarded the invalid messages, so their scores are untouched by them.
        foreach (var node in sim.Nodes.Where(n => n != attacker))
        {
            foreach (var peer in node.Router.Peers.Where(p => p != attacker.Peer))
            {
                node.Router.Score(peer).ShouldBeGreaterThanOrEqualTo(0);
            }
        }

        // Graylisted (until P₄ decays): whatever the attacker sends next is dropped unread.
        attacker.Router.TryPublish(Topic, "good"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(20));
        victims.Sum(v => v.Router.Statistics.GraylistedRpcs).ShouldBeGreaterThan(0);
        sim.Nodes.Where(n => n != attacker).Any(n => n.HasDelivered("good"u8.ToArray())).ShouldBeFalse();

        // The next heartbeat prunes the negative-scored attacker from every mesh.
        sim.RunFor(TimeSpan.FromSeconds(1.1));
        victims.ShouldAllBe(v => !v.Router.MeshPeers(Topic).Contains(attacker.Peer));
    }

    [Fact]
    public void Oversized_messages_are_rejected_and_penalized_and_never_published()
    {
        var sim = new GossipSimulation(6);
        var small = new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign, Limits = new PubSubLimits { MaxMessageSize = 1000 } };
        var receiver = sim.AddNode(small);
        var sender = sim.AddNode(NoSign());
        GossipSimulation.Connect(sender, receiver);
        receiver.Router.Join(Topic);
        sender.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromMilliseconds(50));

        sender.Router.TryPublish(Topic, new byte[2000], out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        receiver.Delivered.ShouldBeEmpty();
        receiver.Router.Statistics.Rejected.ShouldBe(1);
        receiver.Router.Score(sender.Peer).ShouldBeLessThan(0);
        receiver.Router.TryPublish(Topic, new byte[1001], out _).ShouldBeFalse();
        receiver.Router.Statistics.Published.ShouldBe(0);
    }

    [Fact]
    public void Asynchronous_validation_accepts_ignores_or_rejects()
    {
        var sim = new GossipSimulation(8);
        var a = sim.AddNode();
        var b = sim.AddNode();
        var c = sim.AddNode();
        GossipSimulation.Connect(a, b);
        GossipSimulation.Connect(b, c);
        b.Validator = _ => null;
        foreach (var node in sim.Nodes)
        {
            node.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(2));
        var ids = new List<MessageId>();
        foreach (var text in new[] { "accept", "ignore", "reject" })
        {
            a.Router.TryPublish(Topic, System.Text.Encoding.ASCII.GetBytes(text), out var id).ShouldBeTrue();
            ids.Add(id);
        }

        sim.RunFor(TimeSpan.FromMilliseconds(50));
        b.Router.PendingValidations.ShouldBe(3);
        c.Delivered.ShouldBeEmpty();

        b.Router.CompleteValidation(ids[0], ValidationResult.Accept);
        b.Router.CompleteValidation(ids[1], ValidationResult.Ignore);
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        c.Delivered.Select(m => System.Text.Encoding.ASCII.GetString(m.Data.Span)).ShouldBe(["accept"]);
        b.Delivered.Count.ShouldBe(1);
        b.Router.Score(a.Peer).ShouldBeGreaterThanOrEqualTo(0);

        b.Router.CompleteValidation(ids[2], ValidationResult.Reject);
        b.Router.Score(a.Peer).ShouldBeLessThan(0);
        b.Router.Statistics.Rejected.ShouldBe(1);
        b.Router.Statistics.Ignored.ShouldBe(1);
        b.Router.PendingValidations.ShouldBe(0);
    }

    [Fact]
    public void A_verdict_reported_while_the_validate_call_is_still_running_is_not_lost()
    {
        // What the libp2p binding does when an asynchronous validator finishes between its completion check and its
        // await: the completion arrives re-entrantly, before Validate has returned "pending".
        var sim = new GossipSimulation(9);
        var a = sim.AddNode();
        var b = sim.AddNode();
        var c = sim.AddNode();
        GossipSimulation.Connect(a, b);
        GossipSimulation.Connect(b, c);
        b.Validator = m =>
        {
            var verdict = m.Data.Span[0] == (byte)'r' ? ValidationResult.Reject : ValidationResult.Accept;
            b.Router.CompleteValidation(MessageIdFunctions.ContentHash(m), verdict);
            return null;
        };
        foreach (var node in sim.Nodes)
        {
            node.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(2));
        a.Router.TryPublish(Topic, "accepted"u8.ToArray(), out _).ShouldBeTrue();
        a.Router.TryPublish(Topic, "rejected"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        b.Router.PendingValidations.ShouldBe(0);
        b.HasDelivered("accepted"u8).ShouldBeTrue();
        c.HasDelivered("accepted"u8).ShouldBeTrue();
        b.HasDelivered("rejected"u8).ShouldBeFalse();
        b.Router.Statistics.Rejected.ShouldBe(1);
    }

    [Fact]
    public void An_oversubscribed_mesh_prunes_with_peer_exchange_that_well_scored_pruners_are_trusted_for()
    {
        var sim = new GossipSimulation(10);
        var hub = sim.AddNode(new GossipSubOptions
        {
            SignaturePolicy = SignaturePolicy.StrictNoSign,
            D = 2,
            DLow = 1,
            DHigh = 3,
            DScore = 1,
            DOut = 0,
            DLazy = 1,
            PeerExchange = true,
        });
        var leafOptions = new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign, PeerExchange = true };
        leafOptions.Score!.AppSpecificScore = p => p == hub.Peer ? 10 : 0;
        var leaves = Enumerable.Range(0, 6).Select(_ => sim.AddNode(leafOptions)).ToList();
        foreach (var leaf in leaves)
        {
            GossipSimulation.Connect(leaf, hub);
        }

        hub.Router.Join(Topic);
        foreach (var leaf in leaves)
        {
            leaf.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(3));
        hub.Router.MeshPeers(Topic).Count.ShouldBeInRange(1, 3);
        var exchanges = leaves.SelectMany(l => l.Exchanges.Select(e => (Leaf: l, e.From, e.Topic, e.Peers))).ToList();
        exchanges.ShouldNotBeEmpty();
        foreach (var (leaf, from, topic, peers) in exchanges)
        {
            from.ShouldBe(hub.Peer);
            topic.ShouldBe(Topic);
            peers.ShouldNotBeEmpty();
            peers.Any(p => p.PeerId.ToArray().AsSpan().SequenceEqual(leaf.Peer.Bytes)).ShouldBeFalse();
        }
    }
}
