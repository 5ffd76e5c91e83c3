using Harmony.P2P.Kademlia;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmony.P2P.Tests.Kademlia;

public class KademliaRegistrationTests
{
    [Fact]
    public void Defaults_are_the_libp2p_kad_dht_parameters()
    {
        using var provider = new ServiceCollection().AddHarmonyKademlia().BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<KadOptions>>().Value;
        (options.BucketSize, options.Concurrency, options.Resiliency).ShouldBe((20, 10, 3));
        options.ProviderRepublishInterval.ShouldBe(TimeSpan.FromHours(22));
        options.ProviderRecordExpiry.ShouldBe(TimeSpan.FromHours(48));
        provider.GetRequiredService<IKadRecordValidator>().ShouldBe(AcceptAllRecordValidator.Instance);
    }

    [Fact]
    public void A_registered_validator_is_kept_and_invalid_options_are_rejected()
    {
        var mine = new NamespacedRecordValidator();
        var services = new ServiceCollection().AddSingleton<IKadRecordValidator>(mine);
        using var provider = services.AddHarmonyKademlia(o => o.Resiliency = 50).BuildServiceProvider();
        provider.GetRequiredService<IKadRecordValidator>().ShouldBeSameAs(mine);
        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KadOptions>>().Value)
            .Message.ShouldContain("Resiliency");
    }

    [Fact]
    public void Republishing_must_happen_before_provider_records_expire()
    {
        var result = new KadOptionsValidator().Validate(null, new KadOptions { ProviderRepublishInterval = TimeSpan.FromHours(50) });
        result.Failed.ShouldBeTrue();
        Should.Throw<ArgumentException>(() => new KadNode(new KadPeer("a"u8), new NoTransport(), new KadOptions { Concurrency = 0 }));
    }

    [Fact]
    public void Namespace_keys_are_the_sha256_multihash_inside_a_raw_cidv1()
    {
        var key = KadDiscovery.NamespaceKey("harmony/0.0.1/node/beacon");
        key.Length.ShouldBe(34);
        key[..2].ShouldBe(new byte[] { 0x12, 0x20 });
        key[2..].ShouldBe(System.Security.Cryptography.SHA256.HashData("harmony/0.0.1/node/beacon"u8));
        KadDiscovery.NamespaceCid("harmony/0.0.1/node/beacon")[..4].ShouldBe(new byte[] { 0x01, 0x55, 0x12, 0x20 });
    }

    private sealed class NoTransport : IKadTransport
    {
        public ValueTask<KadMessage?> RequestAsync(KadPeer peer, KadMessage request, CancellationToken cancellationToken = default) => ValueTask.FromResult<KadMessage?>(null);

        public ValueTask<bool> SendAsync(KadPeer peer, KadMessage message, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
    }
}
