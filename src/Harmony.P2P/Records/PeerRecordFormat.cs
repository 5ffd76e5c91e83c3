using System.Text;

namespace Harmony.P2P.Records;

/// <summary>
/// The signature domain and payload type a peer record is sealed with. libp2p implementations disagree here:
/// go-libp2p and js-libp2p (whose gossipsub peer exchange carries these records) use the domain
/// <c>libp2p-peer-record</c> and the payload type bytes <c>03 01</c> (the multicodec <c>libp2p-peer-record</c>,
/// 0x0301, written as two raw bytes), while rust-libp2p follows RFC 0003's text: the domain
/// <c>libp2p-routing-state</c> and the UTF-8 payload type <c>/libp2p/routing-state-record</c>. A record sealed in one
/// form does not verify in the other, so pick the one the remote speaks.
/// </summary>
public sealed class PeerRecordFormat
{
    private readonly byte[] _payloadType;

    private PeerRecordFormat(string name, string domain, byte[] payloadType)
    {
        Name = name;
        Domain = domain;
        _payloadType = payloadType;
    }

    /// <summary>The form go-libp2p and js-libp2p use (and the default): domain <c>libp2p-peer-record</c>, payload type <c>03 01</c>.</summary>
    public static PeerRecordFormat Libp2pPeerRecord { get; } = new("libp2p-peer-record", "libp2p-peer-record", [0x03, 0x01]);

    /// <summary>The form of RFC 0003's text and rust-libp2p: domain <c>libp2p-routing-state</c>, payload type <c>/libp2p/routing-state-record</c>.</summary>
    public static PeerRecordFormat RoutingState { get; } = new("routing-state", "libp2p-routing-state", Encoding.UTF8.GetBytes("/libp2p/routing-state-record"));

    /// <summary>A short name for messages.</summary>
    public string Name { get; }

    /// <summary>The signature domain string.</summary>
    public string Domain { get; }

    /// <summary>The payload type bytes the envelope carries.</summary>
    public ReadOnlySpan<byte> PayloadType => _payloadType;

    /// <inheritdoc />
    public override string ToString() => Name;
}
