using System.Security.Cryptography;
using Harmony.P2P.Identity;
using Harmony.P2P.Multistream;
using Harmony.P2P.Noise;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Tests.Interop;

/// <summary>The raw layers against js-libp2p: TCP, multistream-select, the Noise handshake, then muxer negotiation.</summary>
public sealed class NoiseHandshakeInteropTests
{
    [SkippableTheory]
    [InlineData("ed25519", "12D3KooW")]
    [InlineData("secp256k1", "16Uiu2")]
    public async Task JS_public_keys_decode_to_the_peer_id_js_prints(string jsKeyType, string prefix)
    {
        await using var js = await JsLibp2pPeer.StartAsync(jsKeyType);
        Libp2pPublicKey.TryDecode(Convert.FromHexString(js.PublicKeyHex), out var key).ShouldBeTrue();
        key!.PeerId.ShouldBe(js.PeerId);
        js.PeerId.ToString().ShouldStartWith(prefix);
        key.Encoded.ToArray().ShouldBe(Convert.FromHexString(js.PublicKeyHex));
    }

    [SkippableTheory]
    [InlineData("ed25519")]
    [InlineData("secp256k1")]
    public async Task CSharp_initiator_completes_noise_with_js_and_negotiates_yamux_inside(string jsKeyType)
    {
        await using var js = await JsLibp2pPeer.StartAsync(jsKeyType);
        using var random = RandomNumberGenerator.Create();
        using var identity = Libp2pPrivateKey.GenerateSecp256k1(random);
        js.Address.TryGetTcpTarget(out var host, out int port).ShouldBeTrue();
        await using var tcp = await TcpConnection.ConnectAsync(host!, port, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        (await MultistreamSelect.SelectAsync(tcp, [NoiseHandshake.ProtocolId], timeout.Token)).ShouldBe("/noise");
        await using var session = await NoiseHandshake.InitiateAsync(tcp, identity, js.PeerId, random, timeout.Token);
        session.RemotePeer.ShouldBe(js.PeerId);
        (await MultistreamSelect.SelectAsync(session, ["/mplex/6.7.0", "/yamux/1.0.0"], timeout.Token)).ShouldBe("/yamux/1.0.0");
    }
}
