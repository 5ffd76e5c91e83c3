using System.Text.Json.Nodes;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Records;

namespace Harmony.P2P.Tests.Interop;

/// <summary>Signed peer records between Harmony.P2P and js-libp2p's @libp2p/peer-record, in both directions.</summary>
public sealed class PeerRecordInteropTests
{
    [SkippableFact]
    public async Task A_record_js_sealed_opens_in_csharp_and_encodes_to_the_same_payload()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        var sealedRecord = await js.CommandAsync(new JsonObject
        {
            ["cmd"] = "record.seal",
            ["addrs"] = new JsonArray("/ip4/192.0.2.7/tcp/9000", "/ip6/2001:db8::1/tcp/4001"),
            ["seq"] = "1732200000000",
        });

        byte[] envelope = Convert.FromHexString(sealedRecord["envelopeHex"]!.GetValue<string>());
        PeerRecord.TryOpen(envelope, out var record, out string? problem).ShouldBeTrue(problem);
        record.PeerId.ShouldBe(js.PeerId);
        record.Sequence.ShouldBe(1_732_200_000_000ul);
        record.Addresses.Select(a => a.ToString()).ShouldBe(["/ip4/192.0.2.7/tcp/9000", "/ip6/2001:db8::1/tcp/4001"]);
        Convert.ToHexString(record.Encode()).ShouldBe(sealedRecord["payloadHex"]!.GetValue<string>(), StringCompareShould.IgnoreCase);

        // js-libp2p does not speak RFC 0003's textual form: the same bytes fail as a routing-state record.
        PeerRecord.TryOpen(envelope, out _, out _, PeerRecordFormat.RoutingState).ShouldBeFalse();
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_record_csharp_sealed_opens_in_js(bool secp256k1)
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        using var key = secp256k1 ? Libp2pPrivateKey.GenerateSecp256k1(System.Security.Cryptography.RandomNumberGenerator.Create()) : Libp2pPrivateKey.GenerateEd25519();
        var record = new PeerRecord(key.PeerId, 42, [Multiaddress.Parse("/ip4/127.0.0.1/tcp/4242")]);
        var opened = await js.CommandAsync(new JsonObject
        {
            ["cmd"] = "record.open",
            ["envelopeHex"] = Convert.ToHexString(record.Seal(key).Encode()),
        });

        opened["peer"]!.GetValue<string>().ShouldBe(key.PeerId.ToString());
        opened["signer"]!.GetValue<string>().ShouldBe(key.PeerId.ToString());
        opened["seq"]!.GetValue<string>().ShouldBe("42");
        opened["addrs"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["/ip4/127.0.0.1/tcp/4242"]);
        opened["payloadTypeHex"]!.GetValue<string>().ShouldBe("0301");
    }
}
