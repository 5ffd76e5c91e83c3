using System.Text.Json.Nodes;
using Harmony.Crypto;
using Harmony.P2P.HarmonyPubSub;
using Harmony.P2P.Identity;
using Harmony.P2P.Kademlia;
using Harmony.P2P.Kademlia.Wire;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.Interop;

/// <summary>kad-dht and gossipsub between the C# host and js-libp2p (<c>@libp2p/kad-dht</c>, <c>@chainsafe/libp2p-gossipsub</c>).</summary>
public sealed class KadGossipInteropTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Find_node_and_put_get_value_work_in_both_directions()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        using var identity = Libp2pPrivateKey.GenerateEd25519();
        await using var host = HostInteropTests.NewHost(identity);
        var node = new KadNode(Libp2pKadTransport.ToKadPeer(host.LocalPeer), new Libp2pKadTransport(host), random: new Random(1));
        var senderMode = KadSenderModes.FromIdentify(host);
        host.SetHandler(new KadProtocolHandler(node, senderMode: senderMode));
        var listen = host.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
        (await host.DialAsync(js.Address)).ShouldBe(js.PeerId);
        await js.CommandAsync(new JsonObject { ["cmd"] = "kad.addPeer", ["addr"] = listen.WithPeerId(host.LocalPeer).ToString() });

        // Identify tells the C# side that JS serves the DHT.
        var deadline = DateTime.UtcNow + Patience;
        while (senderMode(js.PeerId) != KadMode.Server)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue("identify never reported the JS peer's kad protocol");
            await Task.Delay(50);
        }

        // C# → JS: FIND_NODE answered by JS's DHT server, which now knows the C# node.
        var jsPeer = Libp2pKadTransport.ToKadPeer(js.PeerId);
        var answer = await new Libp2pKadTransport(host).RequestAsync(jsPeer, new KadMessage(KadMessageType.FindNode, host.LocalPeer.Memory));
        answer.ShouldNotBeNull();
        answer.Type.ShouldBe(KadMessageType.FindNode);
        answer.Key.ToArray().ShouldBe(host.LocalPeer.Bytes.ToArray());
        answer.CloserPeers.ShouldContain(Libp2pKadTransport.ToKadPeer(host.LocalPeer));
        (await node.BootstrapAsync([jsPeer]).WaitAsync(Patience)).ShouldBeGreaterThan(0);

        // JS → C#: a closest-peers query over a random key asks the C# node, which answers.
        var handledBefore = node.Statistics.RequestsHandled;
        var closest = await js.CommandAsync(new JsonObject { ["cmd"] = "kad.closest", ["keyHex"] = "c0ffee" + Convert.ToHexStringLower(host.LocalPeer.Bytes[..8]) });
        closest["peers"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldContain(host.LocalPeer.ToString());
        node.Statistics.RequestsHandled.ShouldBeGreaterThan(handledBefore);

        // C# PUT_VALUE lands at JS; JS GET_VALUE finds it.
        var key = "/harmony-test/from-csharp"u8.ToArray();
        (await node.PutValueAsync(key, "hello js"u8.ToArray()).WaitAsync(Patience)).ShouldBeGreaterThan(0);
        var got = await js.CommandAsync(new JsonObject { ["cmd"] = "kad.get", ["key"] = "/harmony-test/from-csharp" });
        Convert.FromHexString(got["valueHex"]!.GetValue<string>()).ShouldBe("hello js"u8.ToArray());

        // JS PUT_VALUE lands at C# (stored by the handler); C# GET_VALUE finds it.
        var stored = node.StoredRecordCount;
        await js.CommandAsync(new JsonObject { ["cmd"] = "kad.put", ["key"] = "/harmony-test/from-js", ["valueHex"] = Convert.ToHexStringLower("hello c#"u8) });
        node.StoredRecordCount.ShouldBeGreaterThan(stored);
        var value = await node.GetValueAsync("/harmony-test/from-js"u8.ToArray()).WaitAsync(Patience);
        value.Found.ShouldBeTrue();
        value.Value!.Value.ToArray().ShouldBe("hello c#"u8.ToArray());
    }

    [SkippableFact]
    public async Task Gossip_on_a_harmony_topic_is_delivered_both_ways_with_signatures_checked()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        using var identity = Libp2pPrivateKey.GenerateEd25519();
        await using var host = HostInteropTests.NewHost(identity);
        var options = new GossipSubOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), HeartbeatInitialDelay = TimeSpan.FromMilliseconds(50) };
        await using var gossip = new GossipSub(host, options, new Libp2pIdentitySigner(identity), Libp2pIdentityVerifier.Instance);
        gossip.Start();
        var pubsub = new GossipHarmonyPubSub(gossip);
        var topic = HarmonyTopics.Node(HarmonyNetwork.Mainnet, 1);
        pubsub.Join(topic);
        host.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
        (await host.DialAsync(js.Address)).ShouldBe(js.PeerId);
        await js.CommandAsync(new JsonObject { ["cmd"] = "gossip.subscribe", ["topic"] = topic });

        var deadline = DateTime.UtcNow + Patience;
        while (!gossip.TopicPeers(topic).Contains(js.PeerId)
            || !(await js.CommandAsync(new JsonObject { ["cmd"] = "gossip.peers", ["topic"] = topic }))["peers"]!.AsArray().Any(p => p!.GetValue<string>() == host.LocalPeer.ToString()))
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue("the two peers never saw each other's subscription");
            await Task.Delay(100);
        }

        // C# → JS: a framed consensus payload, signed by the C# identity and verified by js-libp2p.
        pubsub.Publish(topic, HarmonyMessageCategory.Consensus, "prepare from c#"u8).ShouldBeTrue();
        var expected = Convert.ToHexStringLower(HarmonyPayload.Frame(HarmonyMessageCategory.Consensus, "prepare from c#"u8));
        var seen = await js.WaitForEventAsync(e => e["event"]?.GetValue<string>() == "gossip.message" && e["dataHex"]?.GetValue<string>() == expected, Patience);
        seen["topic"]!.GetValue<string>().ShouldBe(topic);
        seen["from"]!.GetValue<string>().ShouldBe(host.LocalPeer.ToString());

        // JS → C#: signed by js-libp2p, verified and delivered here with the JS peer as sender.
        var payload = HarmonyPayload.Frame(HarmonyMessageCategory.Node, [0x00, 0x00, 0xC0]);
        await js.CommandAsync(new JsonObject { ["cmd"] = "gossip.publish", ["topic"] = topic, ["dataHex"] = Convert.ToHexStringLower(payload) });
        var received = await pubsub.Messages.ReadAsync().AsTask().WaitAsync(Patience);
        (received.Topic, received.Sender, received.Category).ShouldBe((topic, js.PeerId, HarmonyMessageCategory.Node));
        received.Body.ToArray().ShouldBe(new byte[] { 0x00, 0x00, 0xC0 });
        gossip.Router.Statistics.Rejected.ShouldBe(0);
    }
}
