using Harmony.Crypto;
using Harmony.P2P.HarmonyPubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmony.P2P.Tests.PubSub;

public class HarmonyPubSubTests
{
    private static readonly string Shard = HarmonyTopics.Node(HarmonyNetwork.Mainnet, 3);
    private static readonly string ClientBeacon = HarmonyTopics.Client(HarmonyNetwork.Mainnet, 0);

    [Fact]
    public void Frames_are_0x11_big_endian_length_category_and_body()
    {
        HarmonyPayload.Frame(HarmonyMessageCategory.Node, new byte[] { 0x00, 0x00, 0xC0 })
            .ShouldBe(new byte[] { 0x11, 0x00, 0x00, 0x00, 0x04, 0x01, 0x00, 0x00, 0xC0 });
        HarmonyPayload.TryParse(HarmonyPayload.Frame(HarmonyMessageCategory.Consensus, "x"u8), out var category, out var body, out _).ShouldBeTrue();
        category.ShouldBe(HarmonyMessageCategory.Consensus);
        body.ToArray().ShouldBe("x"u8.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x11, 0, 0, 0 }, "shorter")]
    [InlineData(new byte[] { 0x12, 0, 0, 0, 1, 0 }, "0x11")]
    [InlineData(new byte[] { 0x11, 0, 0, 0, 9, 0 }, "length")]
    [InlineData(new byte[] { 0x11, 0, 0, 0, 1, 7 }, "category")]
    public void Malformed_payloads_are_refused_with_a_reason(byte[] payload, string reason)
    {
        HarmonyPayload.TryParse(payload, out _, out _, out var error).ShouldBeFalse();
        error.ShouldContain(reason);
    }

    [Fact]
    public void Lenient_parsing_skips_the_header_like_harmony_does()
    {
        HarmonyPayload.TryParse(new byte[] { 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x04 }, out var category, out var body, out _, lenient: true).ShouldBeTrue();
        category.ShouldBe(HarmonyMessageCategory.Node);
        body.ToArray().ShouldBe(new byte[] { 0x04 });
    }

    [Fact]
    public async Task In_memory_pubsub_delivers_to_other_members_of_the_topic_with_the_sender()
    {
        var network = new InMemoryHarmonyPubSubNetwork(1);
        var a = network.CreateNode();
        var b = network.CreateNode();
        var c = network.CreateNode();
        a.Join(Shard);
        b.Join(Shard);
        c.Join(ClientBeacon);

        a.Publish(Shard, HarmonyMessageCategory.Consensus, "commit"u8).ShouldBeTrue();
        var got = await b.Messages.ReadAsync();
        (got.Topic, got.Sender, got.Category).ShouldBe((Shard, a.LocalPeer, HarmonyMessageCategory.Consensus));
        got.Body.ToArray().ShouldBe("commit"u8.ToArray());
        a.Messages.TryRead(out _).ShouldBeFalse();
        c.Messages.TryRead(out _).ShouldBeFalse();

        // Consensus on a client topic and malformed bytes are refused by receivers.
        b.Join(ClientBeacon);
        a.Publish(ClientBeacon, HarmonyMessageCategory.Consensus, "wrong place"u8);
        a.PublishRaw(ClientBeacon, [0x11, 0, 0]);
        b.Messages.TryRead(out _).ShouldBeFalse();
        network.Rejected.ShouldBe(4);
        a.Publish(ClientBeacon, HarmonyMessageCategory.Node, [0x01, 0x00]).ShouldBeTrue();
        (await c.Messages.ReadAsync()).Category.ShouldBe(HarmonyMessageCategory.Node);
        a.Publish(Shard, HarmonyMessageCategory.Node, new byte[InMemoryHarmonyPubSub.MaxPayloadSize]).ShouldBeFalse();
    }

    [Fact]
    public void Registration_supplies_in_memory_pubsub_and_validates_gossip_options()
    {
        using var provider = new ServiceCollection().AddHarmonyInMemoryPubSub().AddHarmonyGossip(o => o.DLow = 9).BuildServiceProvider();
        provider.GetRequiredService<IHarmonyPubSub>().ShouldBeOfType<InMemoryHarmonyPubSub>();
        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Harmony.P2P.PubSub.GossipSubOptions>>().Value);
        error.Message.ShouldContain("D_lo");

        using var defaults = new ServiceCollection().AddHarmonyGossip().BuildServiceProvider();
        var options = defaults.GetRequiredService<IOptions<Harmony.P2P.PubSub.GossipSubOptions>>().Value;
        (options.D, options.DLow, options.DHigh, options.DLazy).ShouldBe((5, 4, 8, 4));
        (options.FanoutTtl, options.MaxIHaveLength, options.Limits.MaxRpcSize).ShouldBe((TimeSpan.FromSeconds(10), 1000, 2 * 1024 * 1024));

        // Node-wide settings flow in; explicit gossip settings win over them.
        using var mapped = new ServiceCollection().AddHarmonyP2P(o => { o.MeshDegreeHigh = 10; o.MaxMessageSize = 1 << 20; })
            .AddHarmonyGossip(o => o.DLazy = 6).BuildServiceProvider();
        var fromP2P = mapped.GetRequiredService<IOptions<Harmony.P2P.PubSub.GossipSubOptions>>().Value;
        (fromP2P.DHigh, fromP2P.DLazy, fromP2P.Limits.MaxMessageSize).ShouldBe((10, 6, 1 << 20));
    }

    [Fact]
    public void The_package_entry_point_registers_the_whole_libp2p_stack()
    {
        var services = new ServiceCollection().AddHarmonyP2P();
        services.ShouldContain(d => d.ServiceType == typeof(Harmony.P2P.Libp2p.ILibp2pHost));
        services.ShouldContain(d => d.ServiceType == typeof(Harmony.P2P.Kademlia.IKadTransport));
        services.ShouldContain(d => d.ServiceType == typeof(IHarmonyPubSub));
    }
}
