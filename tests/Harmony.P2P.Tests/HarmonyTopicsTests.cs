using Harmony.Crypto;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmony.P2P.Tests;

public class HarmonyTopicsTests
{
    [Theory]
    [InlineData(HarmonyNetwork.Mainnet, 0U, "harmony/0.0.1/node/beacon")]
    [InlineData(HarmonyNetwork.Mainnet, 1U, "harmony/0.0.1/node/shard/1")]
    [InlineData(HarmonyNetwork.Mainnet, 3U, "harmony/0.0.1/node/shard/3")]
    [InlineData(HarmonyNetwork.Testnet, 0U, "hmy/testnet/0.0.1/node/beacon")]
    [InlineData(HarmonyNetwork.Localnet, 1U, "hmy/local/0.0.1/node/shard/1")]
    public void Node_topics_match_harmonys_names(HarmonyNetwork network, uint shard, string expected) =>
        HarmonyTopics.Node(network, shard).ShouldBe(expected);

    [Theory]
    [InlineData(HarmonyNetwork.Mainnet, 0U, "harmony/0.0.1/client/beacon")]
    [InlineData(HarmonyNetwork.Testnet, 2U, "hmy/testnet/0.0.1/client/shard/2")]
    public void Client_topics_match_harmonys_names(HarmonyNetwork network, uint shard, string expected) =>
        HarmonyTopics.Client(network, shard).ShouldBe(expected);

    [Fact]
    public void Default_options_are_harmonys_gossip_parameters()
    {
        using var provider = new ServiceCollection().AddHarmonyP2P().BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<P2POptions>>().Value;
        (options.MeshDegreeLow, options.MeshDegree, options.MeshDegreeHigh).ShouldBe((4, 5, 8));
        options.MaxMessageSize.ShouldBe(2 * 1024 * 1024);
        options.ListenPort.ShouldBe(9000);
    }

    [Fact]
    public void Inconsistent_mesh_degrees_are_rejected()
    {
        using var provider = new ServiceCollection().AddHarmonyP2P(o => o.MeshDegreeHigh = 3).BuildServiceProvider();
        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<P2POptions>>().Value)
            .Message.ShouldContain("D_lo ≤ D ≤ D_hi");
    }
}
