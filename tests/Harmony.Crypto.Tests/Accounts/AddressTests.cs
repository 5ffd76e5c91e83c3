using Harmony.Crypto.Accounts;

namespace Harmony.Crypto.Tests.Accounts;

public class AddressTests
{
    // The EIP-55 specification's examples.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    public void Eip55_examples_round_trip(string text)
    {
        var address = Address.Parse(text);
        address.ToChecksumHex().ShouldBe(text);
        Address.Parse(address.ToBech32()).ShouldBe(address);
    }

    [Fact]
    public void Mixed_case_with_a_wrong_checksum_is_rejected()
    {
        Address.TryParse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("EIP-55");
    }

    [Fact]
    public void Harmony_and_hex_forms_name_the_same_account()
    {
        var fromBech32 = Address.Parse("one14984xa8uuhkmer32s6tuz5e3valxa0cta4tzqy");
        var fromHex = Address.Parse("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
        fromBech32.ShouldBe(fromHex);
        fromHex.ToString().ShouldBe("one14984xa8uuhkmer32s6tuz5e3valxa0cta4tzqy");
        // As ethers.getAddress prints it.
        $"{fromHex:X}".ShouldBe("0xa94f5374Fce5edBC8E2a8697C15331677e6EbF0B");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0x1234", "hex digits")]
    [InlineData("one1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", "")]
    [InlineData("zz4f5374fce5edbc8e2a8697c15331677e6ebf0b", "hex digits")]
    public void Malformed_text_is_rejected_with_a_reason(string text, string reason)
    {
        Address.TryParse(text, out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(reason);
        Should.Throw<FormatException>(() => Address.Parse(text));
    }

    [Fact]
    public void Bytes_round_trip_and_equality_follow_the_bytes()
    {
        byte[] bytes = Convert.FromHexString("a94f5374fce5edbc8e2a8697c15331677e6ebf0b");
        var address = new Address(bytes);
        address.ToArray().ShouldBe(bytes);
        (address == new Address(bytes)).ShouldBeTrue();
        (address != Address.Zero).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => new Address(new byte[19]));
    }

    [Fact]
    public void Uncompressed_key_must_be_64_bytes_or_65_with_prefix()
    {
        Should.Throw<ArgumentException>(() => Address.FromUncompressedPublicKey(new byte[65]));
        Should.Throw<ArgumentException>(() => Address.FromUncompressedPublicKey(new byte[33]));
        byte[] xy = new byte[64];
        xy[0] = 1;
        byte[] prefixed = [0x04, .. xy];
        Address.FromUncompressedPublicKey(xy).ShouldBe(Address.FromUncompressedPublicKey(prefixed));
    }
}
