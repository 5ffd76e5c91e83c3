namespace Harmony.P2P.Kademlia;

/// <summary>
/// One kad-dht <c>Message</c>, shaped after the <c>/ipfs/kad/1.0.0</c> protobuf: a type, a key, an optional record,
/// closer peers and provider peers. Requests and responses share this shape; a transport binds it to the wire.
/// </summary>
public sealed class KadMessage
{
    private static readonly KadPeer[] NoPeers = [];

    /// <summary>Creates a message.</summary>
    /// <param name="type">The message type.</param>
    /// <param name="key">The key the request is about (peer id for FIND_NODE, multihash for provider requests).</param>
    /// <param name="record">The record (PUT_VALUE request, GET_VALUE response).</param>
    /// <param name="closerPeers">Peers closer to the key (responses).</param>
    /// <param name="providerPeers">Providers of the key (GET_PROVIDERS response, ADD_PROVIDER request).</param>
    public KadMessage(
        KadMessageType type,
        ReadOnlyMemory<byte> key,
        KadRecord? record = null,
        IReadOnlyList<KadPeer>? closerPeers = null,
        IReadOnlyList<KadPeer>? providerPeers = null)
    {
        Type = type;
        Key = key;
        Record = record;
        CloserPeers = closerPeers ?? NoPeers;
        ProviderPeers = providerPeers ?? NoPeers;
    }

    /// <summary>The message type.</summary>
    public KadMessageType Type { get; }

    /// <summary>The key bytes.</summary>
    public ReadOnlyMemory<byte> Key { get; }

    /// <summary>The record, if any.</summary>
    public KadRecord? Record { get; }

    /// <summary>Peers closer to <see cref="Key"/>.</summary>
    public IReadOnlyList<KadPeer> CloserPeers { get; }

    /// <summary>Providers of <see cref="Key"/>.</summary>
    public IReadOnlyList<KadPeer> ProviderPeers { get; }
}
