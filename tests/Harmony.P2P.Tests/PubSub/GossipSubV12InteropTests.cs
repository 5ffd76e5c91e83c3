using System.Text.Json.Nodes;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.PubSub;
using Harmony.P2P.Tests.Interop;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>
/// Gossipsub v1.2 against js-libp2p (<c>@chainsafe/libp2p-gossipsub</c> 14.1.2, which offers <c>/meshsub/1.2.0</c>
/// first): two C# nodes and the JS peer in a triangle negotiate 1.2.0, exchange IDONTWANT for a large message in both
/// directions, and keep delivering afterwards.
/// </summary>
public sealed class GossipSubV12InteropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// js-libp2p's default id of a signed message: the author's protobuf-encoded public key and the seqno (go-libp2p and
    /// Harmony use the peer id bytes instead). For an Ed25519 author the key is the peer id without its 2-byte
    /// identity-multihash prefix.
    /// </summary>
    private static MessageId JsLibp2pMessageId(PubSubMessage message)
    {
        var from = message.From.Span;
        var key = from.Length > 2 && from[0] == 0 ? from[2..] : from;
        return new MessageId([.. key, .. message.Seqno.Span]);
    }

    [SkippableFact]
    public async Task Meshsub_1_2_0_is_negotiated_with_js_and_IDONTWANT_crosses_both_ways()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        const string topic = "harmony/0.0.1/node/shard/1";
        using var aKey = Libp2pPrivateKey.GenerateEd25519();
        using var bKey = Libp2pPrivateKey.GenerateEd25519();
        await using var aHost = HostInteropTests.NewHost(aKey);
        await using var bHost = HostInteropTests.NewHost(bKey);
        // IDONTWANTs are remembered for the whole test so that the one JS sent can be inspected at the end; ids are
        // js-libp2p's, so that JS's IDONTWANT names the message the way this side does.
        var options = new GossipSubOptions
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            HeartbeatInitialDelay = TimeSpan.FromMilliseconds(50),
            IDontWantHistory = 10_000,
            MessageIdFunction = JsLibp2pMessageId,
        };
        await using var a = new GossipSub(aHost, options, new Libp2pIdentitySigner(aKey), Libp2pIdentityVerifier.Instance, random: new Random(1));
        await using var b = new GossipSub(bHost, options, new Libp2pIdentitySigner(bKey), Libp2pIdentityVerifier.Instance, random: new Random(2));
        var bReceived = new System.Collections.Concurrent.ConcurrentQueue<byte[]>();
        var aReceived = new System.Collections.Concurrent.ConcurrentQueue<byte[]>();
        a.MessageReceived += m => aReceived.Enqueue(m.Message.Data.ToArray());
        b.MessageReceived += m => bReceived.Enqueue(m.Message.Data.ToArray());
        // B validates asynchronously (on the thread pool, not the test's synchronization context), so a large message
        // waits in validation and B announces it with IDONTWANT.
        b.SetValidator(topic, static async (_, _, _) =>
        {
            await Task.Delay(50).ConfigureAwait(false);
            return ValidationResult.Accept;
        });
        a.Start();
        b.Start();
        a.Join(topic);
        b.Join(topic);
        var bAddress = bHost.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
        await js.CommandAsync(new JsonObject { ["cmd"] = "gossip.subscribe", ["topic"] = topic });
        (await aHost.DialAsync(js.Address)).ShouldBe(js.PeerId);
        (await bHost.DialAsync(js.Address)).ShouldBe(js.PeerId);
        (await aHost.DialAsync(bAddress.WithPeerId(bHost.LocalPeer))).ShouldBe(bHost.LocalPeer);

        // Wait for full meshes on the C# side (JS grafts both of its two peers too: it has fewer than D_lo).
        var deadline = DateTime.UtcNow + Patience;
        while (a.MeshPeers(topic).Count < 2 || b.MeshPeers(topic).Count < 2
            || (await js.CommandAsync(new JsonObject { ["cmd"] = "gossip.peers", ["topic"] = topic }))["peers"]!.AsArray().Count < 2)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue("the triangle's meshes never formed");
            await Task.Delay(100);
        }

        // Let JS run a heartbeat or two (700 ms) so its mesh holds both C# nodes.
        await Task.Delay(1600);

        // A publishes 2000 bytes (over both sides' thresholds: 512 in js, 1024 here). B has it from A first and tells
        // JS IDONTWANT; JS has it from A first and tells B.
        var large = new byte[2000];
        Random.Shared.NextBytes(large);
        a.TryPublish(topic, large, out var id).ShouldBeTrue();
        var hex = Convert.ToHexStringLower(large);
        await js.WaitForEventAsync(e => e["event"]?.GetValue<string>() == "gossip.message" && e["dataHex"]?.GetValue<string>() == hex, Patience);
        deadline = DateTime.UtcNow + Patience;
        while (!bReceived.Any(m => m.AsSpan().SequenceEqual(large)) || b.Router.Statistics.IDontWantReceived == 0 || b.Router.Statistics.IDontWantSent == 0)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue(
                $"B: delivered {bReceived.Count}, IDONTWANT received {b.Router.Statistics.IDontWantReceived}, sent {b.Router.Statistics.IDontWantSent}, "
                + $"JS speaks {b.Router.PeerKind(js.PeerId)}, A speaks {b.Router.PeerKind(aHost.LocalPeer)}");
            await Task.Delay(50);
        }

        // JS still accepts our RPCs after our IDONTWANT, and its messages still reach both C# nodes.
        var after = new byte[] { 1, 2, 3 };
        await js.CommandAsync(new JsonObject { ["cmd"] = "gossip.publish", ["topic"] = topic, ["dataHex"] = Convert.ToHexStringLower(after) });
        b.TryPublish(topic, "from b"u8.ToArray(), out _).ShouldBeTrue();
        await js.WaitForEventAsync(e => e["event"]?.GetValue<string>() == "gossip.message" && e["dataHex"]?.GetValue<string>() == Convert.ToHexStringLower("from b"u8), Patience);
        await Eventually.HoldsAsync(
            () => aReceived.Any(m => m.AsSpan().SequenceEqual(after)) && bReceived.Any(m => m.AsSpan().SequenceEqual(after)),
            "the JS message after the IDONTWANT exchange reaches both C# nodes",
            Patience);

        await a.DisposeAsync();
        await b.DisposeAsync();
        a.Router.PeerKind(js.PeerId).ShouldBe(PubSubPeerKind.GossipSubV12);
        b.Router.PeerKind(js.PeerId).ShouldBe(PubSubPeerKind.GossipSubV12);
        b.Router.PeerDoesNotWant(js.PeerId, id).ShouldBeTrue();
        a.Router.Statistics.Rejected.ShouldBe(0);
        b.Router.Statistics.Rejected.ShouldBe(0);
    }
}
