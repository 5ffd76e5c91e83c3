using System.Security.Cryptography;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>Key protobufs, signatures and peer ids, checked against the test vectors of the libp2p peer-ids spec.</summary>
public sealed class IdentityKeyTests
{
    // libp2p/specs peer-ids/peer-ids.md, "Test vectors": protobuf-encoded key pairs.
    private const string Ed25519Private = "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    private const string Ed25519Public = "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    private const string Secp256k1Private = "0802122053DADF1D5A164D6B4ACDB15E24AA4C5B1D3461BDBD42ABEDB0A4404D56CED8FB";
    private const string Secp256k1Public = "08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99";

    [Theory]
    [InlineData(Ed25519Private, Ed25519Public)]
    [InlineData(Secp256k1Private, Secp256k1Public)]
    public void Spec_private_key_vectors_produce_the_spec_public_key(string privateHex, string publicHex)
    {
        Libp2pPrivateKey.TryDecode(Convert.FromHexString(privateHex), out var key).ShouldBeTrue();
        using (key)
        {
            Convert.ToHexString(key!.PublicKey.Encoded).ShouldBe(publicHex, StringCompareShould.IgnoreCase);
            Convert.ToHexString(key.Encode()).ShouldBe(privateHex, StringCompareShould.IgnoreCase);
        }
    }

    [Theory]
    [InlineData(Ed25519Public)]
    [InlineData(Secp256k1Public)]
    public void Spec_public_key_vectors_round_trip_and_give_inlined_peer_ids(string publicHex)
    {
        var bytes = Convert.FromHexString(publicHex);
        Libp2pPublicKey.TryDecode(bytes, out var key).ShouldBeTrue();
        key!.Encoded.ToArray().ShouldBe(bytes);
        key.PeerId.TryGetInlinedPublicKey(out var inlined).ShouldBeTrue();
        inlined.ToArray().ShouldBe(bytes);
        PeerId.Parse(key.PeerId.ToString()).ShouldBe(key.PeerId);
    }

    [Fact]
    public void Ed25519_peer_ids_start_with_12D3KooW_and_secp256k1_ones_with_16Uiu2()
    {
        using var random = RandomNumberGenerator.Create();
        using var ed = Libp2pPrivateKey.GenerateEd25519(random);
        using var secp = Libp2pPrivateKey.GenerateSecp256k1(random);
        ed.PeerId.ToString().ShouldStartWith("12D3KooW");
        secp.PeerId.ToString().ShouldStartWith("16Uiu2");
    }

    [Theory]
    [InlineData("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA")]
    [InlineData("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N")]
    public void Spec_peer_id_examples_parse_and_print_back(string text)
    {
        PeerId.TryParse(text, out var peer).ShouldBeTrue();
        peer!.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData(Ed25519Private)]
    [InlineData(Secp256k1Private)]
    public void Signatures_verify_and_fail_on_any_flipped_bit(string privateHex)
    {
        Libp2pPrivateKey.TryDecode(Convert.FromHexString(privateHex), out var key).ShouldBeTrue();
        using (key)
        {
            var message = "noise-libp2p-static-key:"u8.ToArray();
            var signature = key!.Sign(message);
            key.PublicKey.Verify(message, signature).ShouldBeTrue();
            for (int bit = 0; bit < signature.Length * 8; bit += 13)
            {
                var broken = (byte[])signature.Clone();
                broken[bit / 8] ^= (byte)(1 << (bit % 8));
                key.PublicKey.Verify(message, broken).ShouldBeFalse();
            }

            message[0] ^= 1;
            key.PublicKey.Verify(message, signature).ShouldBeFalse();
        }
    }

    [Fact]
    public void Secp256k1_signatures_are_strict_der()
    {
        Libp2pPrivateKey.TryDecode(Convert.FromHexString(Secp256k1Private), out var key).ShouldBeTrue();
        using (key)
        {
            var signature = key!.Sign("hello"u8);
            signature[0].ShouldBe((byte)0x30);
            signature[1].ShouldBe((byte)(signature.Length - 2));
            signature[2].ShouldBe((byte)0x02);
            var padded = new byte[signature.Length + 1];
            signature.CopyTo(padded, 0);
            key.PublicKey.Verify("hello"u8, padded).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0801")]
    [InlineData("08011220")]
    [InlineData("080112211ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e00")]
    [InlineData("0800120100")]
    [InlineData("08021221047777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99")]
    [InlineData("ff")]
    public void Malformed_or_unsupported_public_keys_are_rejected(string hex)
    {
        Libp2pPublicKey.TryDecode(Convert.FromHexString(hex), out var key).ShouldBeFalse();
        key.ShouldBeNull();
    }

    [Fact]
    public void An_ed25519_private_key_whose_public_half_does_not_match_is_rejected()
    {
        var bytes = Convert.FromHexString(Ed25519Private);
        bytes[^1] ^= 1;
        Libp2pPrivateKey.TryDecode(bytes, out _).ShouldBeFalse();
    }

    [Fact]
    public void Random_bytes_never_crash_the_key_decoders()
    {
        var random = new Random(5);
        var buffer = new byte[80];
        for (int i = 0; i < 2000; i++)
        {
            var slice = buffer.AsSpan(0, random.Next(buffer.Length));
            random.NextBytes(slice);
            if (i % 3 == 0 && slice.Length > 2)
            {
                slice[0] = 0x08;
                slice[1] = (byte)random.Next(4);
            }

            _ = Libp2pPublicKey.TryDecode(slice, out _);
            if (Libp2pPrivateKey.TryDecode(slice, out var key))
            {
                key.Dispose();
            }
        }
    }
}
