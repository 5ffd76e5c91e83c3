using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Protobuf;
using Harmony.P2P.Records;

namespace Harmony.P2P.Tests.Records;

/// <summary>Signed envelopes and peer records: sealing, opening, and every way a record can be refused.</summary>
public sealed class PeerRecordTests
{
    private static readonly Multiaddress[] Addresses = [Multiaddress.Parse("/ip4/10.0.0.1/tcp/9000"), Multiaddress.Parse("/ip6/::1/tcp/4001")];

    public static TheoryData<string, string> KeysAndFormats => new()
    {
        { "ed25519", "libp2p-peer-record" },
        { "ed25519", "routing-state" },
        { "secp256k1", "libp2p-peer-record" },
        { "secp256k1", "routing-state" },
    };

    [Theory]
    [MemberData(nameof(KeysAndFormats))]
    public void A_sealed_record_opens_to_the_same_record(string keyType, string formatName)
    {
        using var key = NewKey(keyType);
        var format = Format(formatName);
        var record = new PeerRecord(key.PeerId, 1_700_000_000_000, Addresses);
        byte[] sealedBytes = record.Seal(key, format).Encode();

        PeerRecord.TryOpen(sealedBytes, out var opened, out string? problem, format).ShouldBeTrue(problem);
        opened.PeerId.ShouldBe(key.PeerId);
        opened.Sequence.ShouldBe(1_700_000_000_000ul);
        opened.Addresses.ShouldBe(Addresses);

        SignedEnvelope.TryOpen(sealedBytes, format.Domain, out var envelope, out _).ShouldBeTrue();
        envelope.PublicKey.ShouldBe(key.PublicKey);
        envelope.PayloadType.ToArray().ShouldBe(format.PayloadType.ToArray());
        envelope.Payload.ToArray().ShouldBe(record.Encode());
    }

    [Fact]
    public void The_payload_is_the_RFC_0003_protobuf_and_the_envelope_the_RFC_0002_one()
    {
        using var key = Libp2pPrivateKey.FromEd25519Seed(new byte[32]);
        var address = Multiaddress.Parse("/ip4/127.0.0.1/tcp/1");
        var record = new PeerRecord(key.PeerId, 300, [address]);
        byte[] peer = key.PeerId.Bytes.ToArray();
        byte[] addressInfo = [0x0A, (byte)address.Bytes.Length, .. address.Bytes];
        byte[] expected = [0x0A, (byte)peer.Length, .. peer, 0x10, 0xAC, 0x02, 0x1A, (byte)addressInfo.Length, .. addressInfo];
        record.Encode().ShouldBe(expected);

        // Field numbers 1, 2, 3 and 5, and the signature over the length-prefixed domain, type and payload.
        var envelope = record.Seal(key);
        var reader = new ProtoReader(envelope.Encode());
        var fields = new List<int>();
        while (reader.TryReadField(out int field, out _, out _, out _))
        {
            fields.Add(field);
        }

        fields.ShouldBe([1, 2, 3, 5]);
        byte[] domain = "libp2p-peer-record"u8.ToArray();
        byte[] signed = [(byte)domain.Length, .. domain, 2, 0x03, 0x01, (byte)expected.Length, .. expected];
        key.PublicKey.Verify(signed, envelope.Signature).ShouldBeTrue();
    }

    [Fact]
    public void A_record_opened_in_the_other_format_is_refused_for_its_domain()
    {
        using var key = Libp2pPrivateKey.GenerateEd25519();
        byte[] sealedBytes = new PeerRecord(key.PeerId, 1, Addresses).Seal(key, PeerRecordFormat.RoutingState).Encode();
        PeerRecord.TryOpen(sealedBytes, out _, out string? problem).ShouldBeFalse();
        problem.ShouldContain("not valid for the domain 'libp2p-peer-record'");
    }

    [Fact]
    public void A_valid_signature_over_another_payload_type_is_refused()
    {
        using var key = Libp2pPrivateKey.GenerateEd25519();
        var payload = new PeerRecord(key.PeerId, 1, Addresses).Encode();
        byte[] sealedBytes = SignedEnvelope.Seal(key, PeerRecordFormat.Libp2pPeerRecord.Domain, [0x03, 0x02], payload).Encode();
        PeerRecord.TryOpen(sealedBytes, out _, out string? problem).ShouldBeFalse();
        problem.ShouldContain("payload type 0302");
    }

    [Fact]
    public void A_record_of_one_peer_signed_by_another_is_refused()
    {
        using var victim = Libp2pPrivateKey.GenerateEd25519();
        using var forger = Libp2pPrivateKey.GenerateEd25519();
        var payload = new PeerRecord(victim.PeerId, 1, Addresses).Encode();
        var format = PeerRecordFormat.Libp2pPeerRecord;
        byte[] sealedBytes = SignedEnvelope.Seal(forger, format.Domain, format.PayloadType, payload).Encode();
        PeerRecord.TryOpen(sealedBytes, out _, out string? problem).ShouldBeFalse();
        problem.ShouldContain($"signed by {forger.PeerId}");
        Should.Throw<ArgumentException>(() => new PeerRecord(victim.PeerId, 1, Addresses).Seal(forger));
    }

    [Fact]
    public void Any_flipped_bit_in_a_sealed_record_is_refused()
    {
        using var key = Libp2pPrivateKey.GenerateEd25519();
        byte[] sealedBytes = new PeerRecord(key.PeerId, 7, Addresses).Seal(key).Encode();
        for (int bit = 0; bit < sealedBytes.Length * 8; bit++)
        {
            byte[] tampered = [.. sealedBytes];
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            PeerRecord.TryOpen(tampered, out _, out _).ShouldBeFalse($"bit {bit} flipped");
        }
    }

    [Fact]
    public void Arbitrary_bytes_and_truncations_are_refused_without_throwing()
    {
        using var key = Libp2pPrivateKey.GenerateEd25519();
        byte[] sealedBytes = new PeerRecord(key.PeerId, 7, Addresses).Seal(key).Encode();
        for (int length = 0; length < sealedBytes.Length; length++)
        {
            PeerRecord.TryOpen(sealedBytes.AsSpan(0, length), out _, out string? problem).ShouldBeFalse();
            problem.ShouldNotBeNullOrEmpty();
        }

        // Neither reader throws on arbitrary bytes, and such bytes are never an authentic record.
        Prop.ForAll<byte[]>(bytes =>
        {
            PeerRecord.TryDecode(bytes, out _, out _);
            SignedEnvelope.TryDecode(bytes, out _, out _);
            return !PeerRecord.TryOpen(bytes, out _, out _);
        }).QuickCheckThrowOnFailure();
        SignedEnvelope.TryDecode(new byte[SignedEnvelope.MaxLength + 1], out _, out string? tooLong).ShouldBeFalse();
        tooLong.ShouldContain("limit");
    }

    [Fact]
    public void A_record_with_too_many_addresses_is_refused()
    {
        using var key = Libp2pPrivateKey.GenerateEd25519();
        var writer = new ProtoBufferWriter();
        writer.WriteBytes(1, key.PeerId.Bytes);
        var info = new ProtoBufferWriter();
        info.WriteBytes(1, Addresses[0].Bytes);
        for (int i = 0; i <= PeerRecord.MaxAddresses; i++)
        {
            writer.WriteBytes(3, info.Written);
        }

        PeerRecord.TryDecode(writer.ToArray(), out _, out string? problem).ShouldBeFalse();
        problem.ShouldContain($"more than {PeerRecord.MaxAddresses} addresses");
    }

    private static Libp2pPrivateKey NewKey(string type) =>
        type == "secp256k1" ? Libp2pPrivateKey.GenerateSecp256k1(RandomNumberGenerator.Create()) : Libp2pPrivateKey.GenerateEd25519();

    private static PeerRecordFormat Format(string name) =>
        name == PeerRecordFormat.RoutingState.Name ? PeerRecordFormat.RoutingState : PeerRecordFormat.Libp2pPeerRecord;
}
