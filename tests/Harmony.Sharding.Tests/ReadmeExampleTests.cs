using System.Security.Cryptography;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Sharding.Assignment;
using Harmony.Sharding.Configuration;
using Harmony.Sharding.Randomness;
using Harmony.Sharding.Staking;
using Harmony.Sharding.State;
using Harmony.Sharding.Vrf;

namespace Harmony.Sharding.Tests;

/// <summary>The package README's example, kept compiling and passing.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_runs()
    {
        // --- README example start ---
        var scheme = HarmonyBlsScheme.Instance;
        using var leader = BlsSecretKey.KeyGen(RandomNumberGenerator.GetBytes(32));
        byte[] leaderKey = scheme.EncodePublicKey(scheme.GetPublicKey(leader));

        // 1. Every block's leader puts its VRF (beta ‖ proof over SHA-256 of the parent hash) in the header.
        var vrf = new BlsVrf(scheme);
        var window = new List<VrfContribution>();
        byte[] parent = new byte[32];
        for (ulong block = 100; block < 104; block++)
        {
            vrf.TryProve(leader, parent, out byte[] field);
            window.Add(new VrfContribution(block, parent, leaderKey, field));
            parent = SHA256.HashData(field); // stands in for the hash of this block
        }

        // 2. The window's VRFs make the seed; the VDF over it makes the epoch randomness; anyone can re-check it.
        var protocol = new EpochRandomness(scheme, new EpochRandomnessOptions
        {
            ContributionCount = 4,
            DiscriminantBits = 512,
            VdfDifficulty = 2_000, // a development value; size T for a real network as in "Choosing T"
        });
        var evidence = protocol.Produce(epoch: 8, previousRandomness: new byte[32], window, out byte[] randomness);
        bool valid = protocol.TryVerify(evidence, out byte[] verified, out string? error);

        // 3. The randomized policy places the EPoS winners into shards by that randomness.
        var instance = new ShardingInstance("demo", 0, ShardCount: 2, NodesPerShard: 4, HarmonyNodesPerShard: 1, 0f, Decimal18.Parse("0.01"));
        var harmony = Enumerable.Range(0, 2).Select(i => new HarmonyAccount(new byte[20], RandomNumberGenerator.GetBytes(48))).ToArray();
        var candidates = Enumerable.Range(1, 6)
            .Select(i => new EposCandidate(Enumerable.Repeat((byte)i, 20).ToArray(), [RandomNumberGenerator.GetBytes(48)], i * 1_000_000))
            .ToArray();
        ShardState state = new RandomizedAssignment(new RandomizedAssignmentOptions()).Assign(new CommitteeAssignmentInput
        {
            Epoch = 9,
            Instance = instance,
            HarmonyAccounts = harmony,
            Candidates = candidates,
            EposBound = EposAuction.Bound35,
            Randomness = randomness,
        });
        Console.WriteLine($"valid={valid} shard 0 has {state.Shards[0].Slots.Count} slots, shard 1 has {state.Shards[1].Slots.Count}");
        // --- README example end ---

        valid.ShouldBeTrue(error);
        verified.ShouldBe(randomness);
        state.Shards.Sum(s => s.Slots.Count).ShouldBe(8);
        state.Shards.ShouldAllBe(s => s.Slots.Count == 4);
    }
}
