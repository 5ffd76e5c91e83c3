using Harmony.P2P.PubSub;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>StrictSign with real Ed25519 keys; StrictNoSign refusals.</summary>
public class GossipSubSigningTests
{
    private const string Topic = "harmony/0.0.1/node/beacon";

    private static (GossipSimulation Sim, List<SimNode> Nodes) SignedNetwork(int count)
    {
        var sim = new GossipSimulation(12);
        var nodes = new List<SimNode>();
        for (var i = 0; i < count; i++)
        {
            var key = new Ed25519TestKey(100 + i);
            nodes.Add(sim.AddNode(new GossipSubOptions(), key.PeerId, key));
        }

        for (var i = 1; i < count; i++)
        {
            GossipSimulation.Connect(nodes[i - 1], nodes[i]);
        }

        foreach (var node in nodes)
        {
            node.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        return (sim, nodes);
    }

    [Fact]
    public void Signed_messages_carry_from_seqno_and_an_ed25519_signature_over_the_prefixed_message()
    {
        var (sim, nodes) = SignedNetwork(4);
        sim.RunFor(TimeSpan.FromSeconds(2));
        nodes[0].Router.TryPublish(Topic, "block"u8.ToArray(), out var id).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromSeconds(1));
        var received = nodes[3].Delivered.Single();
        received.From.ToArray().ShouldBe(nodes[0].Peer.Bytes.ToArray());
        received.Seqno.Length.ShouldBe(8);
        received.Key.IsEmpty.ShouldBeTrue("an Ed25519 peer id inlines its key");
        id.Bytes.ToArray().ShouldBe([.. received.From.ToArray(), .. received.Seqno.ToArray()]);

        var payload = PubSubRpcCodec.SigningPayload(received);
        payload.AsSpan(0, 14).SequenceEqual("libp2p-pubsub:"u8).ShouldBeTrue();
        nodes[0].Peer.TryGetInlinedPublicKey(out var encodedKey).ShouldBeTrue();
        Ed25519.Verify(received.Signature.ToArray(), 0, encodedKey[4..].ToArray(), 0, payload, 0, payload.Length).ShouldBeTrue();
    }

    [Fact]
    public void Tampered_unsigned_or_misattributed_messages_are_rejected()
    {
        var (sim, nodes) = SignedNetwork(2);
        sim.RunFor(TimeSpan.FromSeconds(1));
        nodes[0].Router.TryPublish(Topic, "vote"u8.ToArray(), out _).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromSeconds(1));
        var genuine = nodes[1].Delivered.Single();

        var stranger = new Ed25519TestKey(999);
        var forgeries = new[]
        {
            genuine with { Data = "v0te"u8.ToArray(), Seqno = new byte[] { 0, 0, 0, 0, 0, 0, 0, 9 } },
            genuine with { Signature = default, Seqno = new byte[] { 0, 0, 0, 0, 0, 0, 0, 8 } },
            genuine with { Key = stranger.EncodedPublicKey, Seqno = new byte[] { 0, 0, 0, 0, 0, 0, 0, 7 } },
            genuine with { Seqno = new byte[] { 1, 2, 3 } },
        };
        foreach (var forged in forgeries)
        {
            var rpc = new PubSubRpc();
            rpc.Messages.Add(forged);
            nodes[1].Router.HandleRpc(nodes[0].Peer, rpc);
        }

        // Each rejection costs the forwarder −10 × n²: after three it is graylisted and the fourth RPC is dropped unread.
        nodes[1].Delivered.Count.ShouldBe(1);
        nodes[1].Router.Statistics.Rejected.ShouldBe(3);
        nodes[1].Router.Statistics.GraylistedRpcs.ShouldBe(1);
        nodes[1].Router.Score(nodes[0].Peer).ShouldBeLessThan(-80);
    }

    [Fact]
    public void StrictNoSign_refuses_signed_fields_and_ids_come_from_the_content()
    {
        var sim = new GossipSimulation(13);
        var a = sim.AddNode();
        var b = sim.AddNode();
        GossipSimulation.Connect(a, b);
        a.Router.Join(Topic);
        b.Router.Join(Topic);
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        a.Router.TryPublish(Topic, "same"u8.ToArray(), out var first).ShouldBeTrue();
        sim.RunFor(TimeSpan.FromMilliseconds(50));
        var delivered = b.Delivered.Single();
        delivered.From.IsEmpty.ShouldBeTrue();
        first.ShouldBe(MessageIdFunctions.ContentHash(delivered));

        var rpc = new PubSubRpc();
        rpc.Messages.Add(delivered with { Seqno = new byte[8], Data = "other"u8.ToArray() });
        b.Router.HandleRpc(a.Peer, rpc);
        b.Router.Statistics.Rejected.ShouldBe(1);
    }

    [Fact]
    public void A_signer_whose_key_is_not_the_local_peer_is_refused()
    {
        var key = new Ed25519TestKey(1);
        var other = new Ed25519TestKey(2);
        Should.Throw<ArgumentException>(() => new GossipSubRouter(other.PeerId, new SimNode(new GossipSimulation(1), other.PeerId), new GossipSubOptions(), signer: key, verifier: Ed25519TestVerifier.Instance));
        Should.Throw<ArgumentException>(() => new GossipSubRouter(key.PeerId, new SimNode(new GossipSimulation(1), key.PeerId), new GossipSubOptions()));
        Should.Throw<ArgumentException>(() => new GossipSubRouter(key.PeerId, new SimNode(new GossipSimulation(1), key.PeerId), new GossipSubOptions { DLow = 6 }, signer: key, verifier: Ed25519TestVerifier.Instance));
    }
}
