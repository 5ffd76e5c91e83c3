using Harmony.Crypto.Bls;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>
/// Harmony's proof of possession signs the same message for every key, so it does not bind the key: from a victim's
/// published proof anyone can make a valid proof for the rogue key x·g − pk_victim and then forge aggregates that
/// name the victim as a signer. These tests pin that behaviour (we must accept what mainnet accepts) so the
/// documented weakness cannot silently change; the IETF suite's key-binding proof refuses the same construction.
/// </summary>
public class HarmonyPossessionWeaknessTests
{
    [Fact]
    public void A_rogue_key_gets_a_valid_harmony_proof_from_the_victims_public_proof()
    {
        var scheme = HarmonyBlsScheme.Instance;
        using var victim = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)1, 32).ToArray());
        using var attacker = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)2, 32).ToArray());
        var victimKey = scheme.GetPublicKey(victim);
        var victimProof = scheme.ProvePossession(victim);

        var rogueKey = new BlsPublicKey(scheme.GetPublicKey(attacker).Point - victimKey.Point);
        var rogueProof = new BlsSignature(scheme.Sign(attacker, HarmonyBlsScheme.PossessionMessage).Point - victimProof.Point);
        scheme.VerifyPossession(rogueKey, rogueProof).ShouldBeTrue();

        byte[] blockHash = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var forged = scheme.Sign(attacker, blockHash);
        scheme.FastAggregateVerify([victimKey, rogueKey], blockHash, forged).ShouldBeTrue();
    }

    [Fact]
    public void The_ietf_proof_binds_the_key_and_refuses_the_same_construction()
    {
        var scheme = IetfBlsScheme.Instance;
        using var victim = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)1, 32).ToArray());
        using var attacker = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)2, 32).ToArray());
        var victimKey = scheme.GetPublicKey(victim);
        var rogueKey = new BlsPublicKey(scheme.GetPublicKey(attacker).Point - victimKey.Point);
        var rogueProof = new BlsSignature(scheme.ProvePossession(attacker).Point - scheme.ProvePossession(victim).Point);
        scheme.VerifyPossession(rogueKey, rogueProof).ShouldBeFalse();
    }
}
