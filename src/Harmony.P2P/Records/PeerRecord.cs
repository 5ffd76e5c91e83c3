using System.Diagnostics.CodeAnalysis;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Protobuf;

namespace Harmony.P2P.Records;

/// <summary>
/// A libp2p peer routing record (RFC 0003): a peer id, a sequence number that grows with every new record of that
/// peer (a newer record replaces an older one), and the peer's addresses. Sealed in a <see cref="SignedEnvelope"/> by
/// the peer's own key it can be handed on by others (for example in gossipsub peer exchange) and still be trusted.
/// Wire form of the payload: <c>PeerRecord { peer_id = 1; seq = 2; repeated AddressInfo { multiaddr = 1 } addresses = 3 }</c>.
/// </summary>
public sealed class PeerRecord
{
    /// <summary>The most addresses a decoded record may carry.</summary>
    public const int MaxAddresses = 64;

    /// <summary>Creates a record.</summary>
    /// <param name="peerId">The peer the record describes.</param>
    /// <param name="sequence">Its sequence number (js-libp2p and go-libp2p use the Unix time in milliseconds or nanoseconds).</param>
    /// <param name="addresses">The peer's addresses, without <c>/p2p</c>.</param>
    public PeerRecord(PeerId peerId, ulong sequence, IReadOnlyList<Multiaddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(peerId);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(addresses.Count, MaxAddresses);
        PeerId = peerId;
        Sequence = sequence;
        Addresses = [.. addresses];
    }

    /// <summary>The peer the record describes.</summary>
    public PeerId PeerId { get; }

    /// <summary>The sequence number; of two records of one peer, the higher is newer.</summary>
    public ulong Sequence { get; }

    /// <summary>The peer's addresses.</summary>
    public IReadOnlyList<Multiaddress> Addresses { get; }

    /// <summary>Reads the protobuf payload of a record; false with the problem when malformed.</summary>
    /// <param name="payload">The bytes.</param>
    /// <param name="record">The record.</param>
    /// <param name="problem">Why the bytes are not a record.</param>
    /// <returns>Whether the bytes are a well-formed record with a valid peer id and at most <see cref="MaxAddresses"/> valid addresses.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out PeerRecord? record, [NotNullWhen(false)] out string? problem)
    {
        record = null;
        var reader = new ProtoReader(payload);
        PeerId? peer = null;
        ulong sequence = 0;
        var addresses = new List<Multiaddress>();
        while (reader.TryReadField(out int field, out ProtoWireType wireType, out ulong number, out var value))
        {
            switch (field)
            {
                case 1 when wireType == ProtoWireType.LengthDelimited:
                    if (!PeerId.TryFromBytes(value, out peer))
                    {
                        problem = "the peer id is not a valid multihash.";
                        return false;
                    }

                    break;
                case 2 when wireType == ProtoWireType.Varint:
                    sequence = number;
                    break;
                case 3 when wireType == ProtoWireType.LengthDelimited:
                    if (addresses.Count == MaxAddresses)
                    {
                        problem = $"the record has more than {MaxAddresses} addresses.";
                        return false;
                    }

                    if (!TryReadAddressInfo(value, out var address))
                    {
                        problem = $"address {addresses.Count} is not a valid multiaddr.";
                        return false;
                    }

                    addresses.Add(address);
                    break;
            }
        }

        if (reader.Malformed || peer is null)
        {
            problem = peer is null && !reader.Malformed ? "the record has no peer id." : "the record is not valid protobuf.";
            return false;
        }

        record = new PeerRecord(peer, sequence, addresses);
        problem = null;
        return true;
    }

    /// <summary>
    /// Reads a sealed record and checks it: the envelope's signature for the format's domain, its payload type, and
    /// that the signer is the peer the record describes.
    /// </summary>
    /// <param name="envelope">The encoded envelope.</param>
    /// <param name="record">The verified record.</param>
    /// <param name="problem">Why it was refused.</param>
    /// <param name="format">The domain and payload type expected; <see cref="PeerRecordFormat.Libp2pPeerRecord"/> when omitted.</param>
    /// <returns>Whether the record is authentic.</returns>
    public static bool TryOpen(ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out PeerRecord? record, [NotNullWhen(false)] out string? problem, PeerRecordFormat? format = null)
    {
        format ??= PeerRecordFormat.Libp2pPeerRecord;
        record = null;
        if (!SignedEnvelope.TryOpen(envelope, format.Domain, out var opened, out problem))
        {
            return false;
        }

        if (!opened.PayloadType.SequenceEqual(format.PayloadType))
        {
            problem = $"the payload type {Convert.ToHexString(opened.PayloadType)} is not that of a {format} peer record.";
            return false;
        }

        if (!TryDecode(opened.Payload, out var decoded, out problem))
        {
            return false;
        }

        if (!decoded.PeerId.Equals(opened.PublicKey.PeerId))
        {
            problem = $"the record of {decoded.PeerId} is signed by {opened.PublicKey.PeerId}.";
            return false;
        }

        record = decoded;
        return true;
    }

    /// <summary>The protobuf payload (fields in order, a zero sequence omitted as proto3 does).</summary>
    /// <returns>The bytes.</returns>
    public byte[] Encode()
    {
        var writer = new ProtoBufferWriter();
        writer.WriteBytes(1, PeerId.Bytes);
        if (Sequence != 0)
        {
            writer.WriteVarint(2, Sequence);
        }

        foreach (var address in Addresses)
        {
            var info = new ProtoBufferWriter();
            info.WriteBytes(1, address.Bytes);
            writer.WriteBytes(3, info.Written);
        }

        return writer.ToArray();
    }

    /// <summary>Signs the record into an envelope with the peer's own key.</summary>
    /// <param name="key">The key of <see cref="PeerId"/>.</param>
    /// <param name="format">The domain and payload type; <see cref="PeerRecordFormat.Libp2pPeerRecord"/> when omitted.</param>
    /// <returns>The envelope; <see cref="SignedEnvelope.Encode"/> gives its wire bytes.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not the key of <see cref="PeerId"/>.</exception>
    public SignedEnvelope Seal(Libp2pPrivateKey key, PeerRecordFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.PeerId.Equals(PeerId))
        {
            throw new ArgumentException($"The record of {PeerId} cannot be signed by {key.PeerId}.", nameof(key));
        }

        format ??= PeerRecordFormat.Libp2pPeerRecord;
        return SignedEnvelope.Seal(key, format.Domain, format.PayloadType, Encode());
    }

    private static bool TryReadAddressInfo(ReadOnlySpan<byte> info, [NotNullWhen(true)] out Multiaddress? address)
    {
        address = null;
        var reader = new ProtoReader(info);
        while (reader.TryReadField(out int field, out ProtoWireType wireType, out _, out var value))
        {
            if (field == 1 && wireType == ProtoWireType.LengthDelimited && !Multiaddress.TryFromBytes(value, out address))
            {
                return false;
            }
        }

        return !reader.Malformed && address is not null;
    }
}
