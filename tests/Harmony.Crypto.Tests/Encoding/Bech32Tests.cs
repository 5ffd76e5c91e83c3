using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

public class Bech32Tests
{
    // BIP-173 "valid checksum" examples.
    [Theory]
    [InlineData("A12UEL5L")]
    [InlineData("a12uel5l")]
    [InlineData("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [InlineData("11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    [InlineData("?1ezyfcl")]
    public void Bip173_valid_checksums_are_accepted(string text)
    {
        Bech32.TryDecodeValues(text, out string? hrp, out byte[]? values, out string? error).ShouldBeTrue(error);
        hrp.ShouldBe(text[..text.LastIndexOf('1')].ToLowerInvariant());
        values.ShouldNotBeNull();
    }

    // BIP-173 "invalid" examples, each breaking one rule.
    [Theory]
    [InlineData("\u00201nwldj5", "outside the printable")]
    [InlineData("\u007F1axkwrx", "outside the printable")]
    [InlineData("\u00801eym55h", "outside the printable")]
    [InlineData("an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", "at most 90")]
    [InlineData("pzry9x0s0muk", "separator")]
    [InlineData("1pzry9x0s0muk", "separator")]
    [InlineData("x1b4n0q5v", "alphabet")]
    [InlineData("li1dgmt3", "shorter than the 6-character checksum")]
    [InlineData("de1lg7wt\u00FF", "outside the printable")]
    [InlineData("A1G7SGD8", "checksum")]
    [InlineData("10a06t8", "separator")]
    [InlineData("1qzzfhee", "separator")]
    [InlineData("a12UEL5L", "mixes upper and lower")]
    public void Bip173_invalid_strings_are_rejected_with_the_rule_named(string text, string reason)
    {
        Bech32.TryDecodeValues(text, out _, out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(reason);
        Should.Throw<FormatException>(() => Bech32.Decode(text));
    }

    [Fact]
    public void Known_harmony_address_matches_its_hex_form()
    {
        // The address of the widely used test key 0x45a9…f2d8, as Harmony's JavaScript SDK prints it.
        var (hrp, data) = Bech32.Decode("one14984xa8uuhkmer32s6tuz5e3valxa0cta4tzqy");
        hrp.ShouldBe("one");
        Convert.ToHexStringLower(data).ShouldBe("a94f5374fce5edbc8e2a8697c15331677e6ebf0b");
        Bech32.Encode("one", data).ShouldBe("one14984xa8uuhkmer32s6tuz5e3valxa0cta4tzqy");
    }

    [Fact]
    public void Random_byte_strings_round_trip_for_every_length()
    {
        var random = new Random(173);
        for (int length = 0; length <= 50; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            string encoded = Bech32.Encode("one", data);
            var (hrp, decoded) = Bech32.Decode(encoded);
            hrp.ShouldBe("one");
            decoded.ShouldBe(data);
            Bech32.Decode(encoded.ToUpperInvariant()).Data.ShouldBe(data);
        }
    }

    [Fact]
    public void Any_single_character_change_is_detected()
    {
        string address = Bech32.Encode("one", Convert.FromHexString("a94f5374fce5edbc8e2a8697c15331677e6ebf0b"));
        const string alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        for (int i = 4; i < address.Length; i++)
        {
            foreach (char c in alphabet)
            {
                if (c == address[i])
                {
                    continue;
                }

                string changed = string.Concat(address.AsSpan(0, i), c.ToString(), address.AsSpan(i + 1));
                Bech32.TryDecode(changed, out _, out _, out _).ShouldBeFalse(changed);
            }
        }
    }

    [Fact]
    public void Non_zero_padding_is_rejected_when_decoding_bytes()
    {
        // Two 5-bit groups carry 10 bits: one byte and two padding bits, which must be zero.
        string zeroPadding = Bech32.EncodeValues("one", [3, 4]);
        string nonZeroPadding = Bech32.EncodeValues("one", [3, 5]);
        Bech32.Decode(zeroPadding).Data.ShouldBe(new byte[] { 0x19 });
        Bech32.TryDecodeValues(nonZeroPadding, out _, out _, out _).ShouldBeTrue();
        Bech32.TryDecode(nonZeroPadding, out _, out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("padding");
    }

    [Fact]
    public void Encode_refuses_results_longer_than_90_characters()
    {
        Should.Throw<ArgumentException>(() => Bech32.Encode("one", new byte[60]));
        Should.Throw<ArgumentException>(() => Bech32.Encode(string.Empty, new byte[1]));
    }
}
