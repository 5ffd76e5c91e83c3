using System.Net;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>Multiaddr text and binary forms.</summary>
public sealed class MultiaddressTests
{
    [Theory]
    [InlineData("/ip4/127.0.0.1/tcp/4001", "047f000001060fa1")]
    [InlineData("/ip4/1.2.3.4/udp/53", "040102030491020035")]
    [InlineData("/ip6/::1/tcp/80", "2900000000000000000000000000000001060050")]
    [InlineData("/dns4/example.com/tcp/443", "360b6578616d706c652e636f6d0601bb")]
    [InlineData("/ip4/127.0.0.1/tcp/9000/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N", null)]
    [InlineData("/dns6/localhost/tcp/1/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA", null)]
    [InlineData("/dnsaddr/bootstrap.t.hmny.io", null)]
    public void Text_and_binary_forms_round_trip(string text, string? hex)
    {
        var address = Multiaddress.Parse(text);
        address.ToString().ShouldBe(text);
        if (hex is not null)
        {
            Convert.ToHexString(address.Bytes).ShouldBe(hex, StringCompareShould.IgnoreCase);
        }

        Multiaddress.TryFromBytes(address.Bytes, out var decoded).ShouldBeTrue();
        decoded.ShouldBe(address);
    }

    [Fact]
    public void The_p2p_component_uses_the_two_byte_varint_code_421()
    {
        var address = Multiaddress.Parse("/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        address.Bytes[0].ShouldBe((byte)0xA5);
        address.Bytes[1].ShouldBe((byte)0x03);
        address.Bytes[2].ShouldBe((byte)34);
        address.PeerId.ShouldBe(PeerId.Parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N"));
    }

    [Fact]
    public void Peer_ids_are_appended_and_removed_and_tcp_targets_read()
    {
        var peer = PeerId.Parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
        var address = Multiaddress.FromTcpEndPoint(new IPEndPoint(IPAddress.Loopback, 4001)).WithPeerId(peer);
        address.ToString().ShouldBe("/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
        address.PeerId.ShouldBe(peer);
        address.WithoutPeerId().ToString().ShouldBe("/ip4/127.0.0.1/tcp/4001");
        address.TryGetTcpTarget(out var host, out int port).ShouldBeTrue();
        host.ShouldBe("127.0.0.1");
        port.ShouldBe(4001);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ip4/1.2.3.4")]
    [InlineData("/ip4/1.2.3")]
    [InlineData("/ip4/::1")]
    [InlineData("/ip6/1.2.3.4")]
    [InlineData("/tcp/65536")]
    [InlineData("/tcp/-1")]
    [InlineData("/tcp")]
    [InlineData("/quic-v1")]
    [InlineData("/p2p/notapeerid")]
    public void Malformed_text_is_rejected(string text) => Multiaddress.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("04")]
    [InlineData("047f0000")]
    [InlineData("06")]
    [InlineData("a503")]
    [InlineData("a50322")]
    [InlineData("3600")]
    [InlineData("ff01")]
    public void Malformed_binary_is_rejected(string hex) => Multiaddress.TryFromBytes(Convert.FromHexString(hex), out _).ShouldBeFalse();
}
