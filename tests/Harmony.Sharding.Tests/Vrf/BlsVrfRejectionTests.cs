using Harmony.Crypto.Bls;
using Harmony.Sharding.Vrf;

namespace Harmony.Sharding.Tests.Vrf;

public class BlsVrfRejectionTests
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;
    private static readonly byte[] ParentHash = Convert.FromHexString("f0f3b6eb690fd8383a691146d988b67cb4504376a38d1bd86f28183bfa778934");
    private readonly BlsVrf _vrf = new(Scheme);

    [Fact]
    public void Every_tampered_part_of_the_field_is_rejected_with_its_reason()
    {
        using var sk = BlsSecretKey.KeyGen(new byte[32]);
        using var other = BlsSecretKey.KeyGen(Enumerable.Repeat((byte)7, 32).ToArray());
        var pk = Scheme.GetPublicKey(sk);
        _vrf.TryProve(sk, ParentHash, out byte[] field).ShouldBeTrue();
        _vrf.Verify(true, pk, ParentHash, field).ShouldBe(BlsVrfError.None);

        _vrf.Verify(false, pk, ParentHash, field).ShouldBe(BlsVrfError.UnexpectedField);
        _vrf.Verify(false, pk, ParentHash, []).ShouldBe(BlsVrfError.None);
        _vrf.Verify(true, pk, ParentHash, []).ShouldBe(BlsVrfError.WrongLength);
        _vrf.Verify(true, pk, ParentHash, field.AsSpan(1)).ShouldBe(BlsVrfError.WrongLength);
        _vrf.Verify(true, Scheme.GetPublicKey(other), ParentHash, field).ShouldBe(BlsVrfError.InvalidProof);

        byte[] otherParent = (byte[])ParentHash.Clone();
        otherParent[0] ^= 1;
        _vrf.Verify(true, pk, otherParent, field).ShouldBe(BlsVrfError.InvalidProof);

        byte[] badBeta = (byte[])field.Clone();
        badBeta[5] ^= 0x40;
        _vrf.Verify(true, pk, ParentHash, badBeta).ShouldBe(BlsVrfError.OutputMismatch);

        byte[] badProof = (byte[])field.Clone();
        badProof[BlsVrf.OutputSize] ^= 0x01;
        _vrf.Verify(true, pk, ParentHash, badProof).ShouldBeOneOf(BlsVrfError.MalformedProof, BlsVrfError.InvalidProof);

        byte[] notAPoint = (byte[])field.Clone();
        notAPoint.AsSpan(BlsVrf.OutputSize).Fill(0xFF);
        _vrf.Verify(true, pk, ParentHash, notAPoint).ShouldBe(BlsVrfError.MalformedProof);
    }

    [Fact]
    public void The_output_is_unique_per_key_and_parent()
    {
        using var sk = BlsSecretKey.KeyGen(new byte[32]);
        _vrf.TryProve(sk, ParentHash, out byte[] first).ShouldBeTrue();
        _vrf.TryProve(sk, ParentHash, out byte[] again).ShouldBeTrue();
        again.ShouldBe(first);
        _vrf.TryProve(sk, new byte[32], out byte[] otherParent).ShouldBeTrue();
        otherParent.ShouldNotBe(first);
    }
}
