using System.Security.Cryptography;
using Harmony.Crypto.Bls;
using Harmony.Sharding.Randomness;
using Harmony.Sharding.Vrf;

namespace Harmony.Sharding.Tests.Randomness;

public sealed class EpochRandomnessTests : IDisposable
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;
    private static readonly EpochRandomnessOptions Options = new() { ContributionCount = 4, DiscriminantBits = 128, VdfDifficulty = 200 };
    private static readonly byte[] Previous = SHA256.HashData("epoch 41"u8);

    private readonly BlsSecretKey[] _leaders = [.. Enumerable.Range(1, 3).Select(i => BlsSecretKey.KeyGen(Enumerable.Repeat((byte)i, 32).ToArray()))];
    private readonly EpochRandomness _protocol = new(Scheme, Options);

    [Fact]
    public void Produced_evidence_verifies_and_yields_the_same_randomness()
    {
        var contributions = Window(1000);
        var evidence = _protocol.Produce(42, Previous, contributions, out byte[] produced);

        produced.Length.ShouldBe(EpochRandomness.Size);
        _protocol.TryVerify(evidence, out byte[] verified, out string? error).ShouldBeTrue(error);
        verified.ShouldBe(produced);
    }

    [Fact]
    public void Every_broken_link_of_the_chain_is_rejected_with_its_reason()
    {
        var contributions = Window(1000);
        var evidence = _protocol.Produce(42, Previous, contributions, out _);

        Reject(evidence with { Epoch = 43 }, "VDF");
        Reject(evidence with { PreviousRandomness = SHA256.HashData("another"u8) }, "VDF");
        Reject(evidence with { PreviousRandomness = new byte[31] }, "previous randomness");
        Reject(evidence with { Contributions = contributions.Take(3).ToArray() }, "window holds");
        Reject(evidence with { Contributions = [contributions[1], contributions[0], contributions[2], contributions[3]] }, "consecutive");

        byte[] badBeta = contributions[2].VrfField.ToArray();
        badBeta[0] ^= 1;
        Reject(evidence with { Contributions = Replace(contributions, 2, contributions[2] with { VrfField = badBeta }) }, "OutputMismatch");
        Reject(evidence with { Contributions = Replace(contributions, 1, contributions[1] with { LeaderKey = contributions[0].LeaderKey }) }, "InvalidProof");
        Reject(evidence with { Contributions = Replace(contributions, 1, contributions[1] with { LeaderKey = new byte[48] }) }, "leader key");

        byte[] proof = evidence.VdfProof.ToArray();
        proof[^1] ^= 1;
        Reject(evidence with { VdfProof = proof }, "VDF");
        Reject(evidence with { VdfProof = proof.AsMemory(1) }, "malformed");
    }

    [Fact]
    public void A_different_leader_for_one_block_changes_the_seed_and_the_randomness()
    {
        var contributions = Window(1000);
        var replaced = Replace(contributions, 3, Contribution(1003, _leaders[(3 + 1) % 3]));
        EpochRandomness.Seed(42, Previous, replaced).ShouldNotBe(EpochRandomness.Seed(42, Previous, contributions));

        _protocol.Produce(42, Previous, contributions, out byte[] first);
        _protocol.Produce(42, Previous, replaced, out byte[] second);
        second.ShouldNotBe(first);
    }

    [Fact]
    public void Invalid_contributions_are_refused_before_the_vdf_runs()
    {
        var contributions = Window(1000);
        Should.Throw<ArgumentException>(() => _protocol.Produce(42, Previous, contributions.Take(2).ToArray(), out _));
    }

    public void Dispose()
    {
        foreach (var key in _leaders)
        {
            key.Dispose();
        }
    }

    private void Reject(EpochRandomnessEvidence evidence, string reason)
    {
        _protocol.TryVerify(evidence, out byte[] randomness, out string? error).ShouldBeFalse();
        randomness.ShouldBeEmpty();
        error.ShouldContain(reason);
    }

    private VrfContribution[] Window(ulong first) =>
        [.. Enumerable.Range(0, Options.ContributionCount).Select(i => Contribution(first + (ulong)i, _leaders[i % _leaders.Length]))];

    private static VrfContribution Contribution(ulong block, BlsSecretKey leader)
    {
        byte[] parent = SHA256.HashData(BitConverter.GetBytes(block - 1));
        new BlsVrf(Scheme).TryProve(leader, parent, out byte[] field).ShouldBeTrue();
        return new VrfContribution(block, parent, Scheme.EncodePublicKey(Scheme.GetPublicKey(leader)), field);
    }

    private static VrfContribution[] Replace(VrfContribution[] contributions, int index, VrfContribution replacement)
    {
        var copy = (VrfContribution[])contributions.Clone();
        copy[index] = replacement;
        return copy;
    }
}
