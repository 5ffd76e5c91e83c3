using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Tests.Secp256k1;

public class EcdsaSignatureTests
{
    [Fact]
    public void Compact_form_and_components_round_trip()
    {
        byte[] compact = new byte[64];
        new Random(51).NextBytes(compact);
        EcdsaSignature signature = EcdsaSignature.FromCompact(compact, 3);

        signature.RecoveryId.ShouldBe(3);
        signature.GetR().ShouldBe(compact[..32]);
        signature.GetS().ShouldBe(compact[32..]);
        byte[] written = new byte[64];
        signature.WriteCompact(written);
        written.ShouldBe(compact);
        signature.ShouldBe(new EcdsaSignature(compact.AsSpan(0, 32), compact.AsSpan(32), 3));
        signature.ShouldNotBe(new EcdsaSignature(compact.AsSpan(0, 32), compact.AsSpan(32), 2));
        (signature == EcdsaSignature.FromCompact(compact, 3)).ShouldBeTrue();
        signature.ToString().ShouldBe(Convert.ToHexStringLower(compact) + "/3");
    }

    [Fact]
    public void Malformed_arguments_throw()
    {
        Should.Throw<ArgumentException>(() => EcdsaSignature.FromCompact(new byte[63], 0));
        Should.Throw<ArgumentException>(() => new EcdsaSignature(new byte[31], new byte[32], 0));
        Should.Throw<ArgumentException>(() => new EcdsaSignature(new byte[32], new byte[33], 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new EcdsaSignature(new byte[32], new byte[32], 4));
        Should.Throw<ArgumentOutOfRangeException>(() => new EcdsaSignature(new byte[32], new byte[32], -1));
        Should.Throw<ArgumentException>(() => EcdsaSignature.FromCompact(new byte[64], 0).WriteCompact(new byte[63]));
    }
}
