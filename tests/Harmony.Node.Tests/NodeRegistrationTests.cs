using Harmony.Consensus;
using Harmony.Crypto;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Secp256k1;
using Harmony.Crypto.Transactions;
using Harmony.P2P;
using Harmony.P2P.Kademlia;
using Harmony.RaptorQ;
using Harmony.Sharding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmony.Node.Tests;

public class NodeRegistrationTests
{
    [Fact]
    public void Every_package_resolves_from_one_call()
    {
        using var provider = new ServiceCollection().AddHarmonyNode().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<ISecp256k1Ecdsa>().ShouldBeOfType<ManagedSecp256k1Ecdsa>();
        provider.GetRequiredService<IEpochSchedule>().ShouldBeOfType<MainnetEpochSchedule>();
        provider.GetRequiredService<IOptions<ConsensusOptions>>().Value.PhaseTimeout.ShouldBe(TimeSpan.FromSeconds(27));
        provider.GetRequiredService<IOptions<P2POptions>>().Value.MeshDegree.ShouldBe(5);
        provider.GetRequiredService<IOptions<RaptorQOptions>>().Value.Alignment.ShouldBe(4);
        provider.GetRequiredService<IOptions<NodeOptions>>().Value.Network.ShouldBe(HarmonyNetwork.Localnet);
        provider.GetRequiredService<IBlsSignatureScheme>().ShouldBeSameAs(HarmonyBlsScheme.Instance);
        provider.GetRequiredService<IRaptorQCodec>().ShouldNotBeNull();
        provider.GetRequiredService<IOptions<KadOptions>>().Value.BucketSize.ShouldBe(20);
        provider.GetRequiredService<IKadRecordValidator>().ShouldNotBeNull();
    }

    [Fact]
    public void A_module_registered_first_replaces_the_default()
    {
        var counting = new CountingEcdsa();
        using var provider = new ServiceCollection()
            .AddSingleton<ISecp256k1Ecdsa>(counting)
            .AddHarmonyNode()
            .BuildServiceProvider();
        var ecdsa = provider.GetRequiredService<ISecp256k1Ecdsa>();
        ecdsa.ShouldBeSameAs(counting);

        using var key = Secp256k1PrivateKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        var signed = new HarmonyTransaction { GasLimit = 21_000 }.Sign(key, ChainIds.Testnet, ecdsa);
        signed.TryRecoverSender(out _, out _, ChainIds.Testnet, ecdsa).ShouldBeTrue();
        counting.Calls.ShouldBe(2);
    }

    [Fact]
    public void A_shard_outside_the_network_fails_at_start_up()
    {
        using var provider = new ServiceCollection().AddHarmonyNode(o => { o.NumShards = 2; o.ShardId = 2; }).BuildServiceProvider();
        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NodeOptions>>().Value)
            .Message.ShouldContain("does not exist");
    }

    private sealed class CountingEcdsa : ISecp256k1Ecdsa
    {
        public int Calls { get; private set; }

        public EcdsaSignature Sign(Secp256k1PrivateKey key, ReadOnlySpan<byte> messageHash32)
        {
            Calls++;
            return ManagedSecp256k1Ecdsa.Instance.Sign(key, messageHash32);
        }

        public bool TryRecover(ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature, out Secp256k1PublicKey publicKey)
        {
            Calls++;
            return ManagedSecp256k1Ecdsa.Instance.TryRecover(messageHash32, signature, out publicKey);
        }
    }
}
