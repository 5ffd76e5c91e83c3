namespace Harmony.P2P.Kademlia;

/// <summary>
/// A peer as kad-dht messages carry it: the peer id bytes (a multihash), its multiaddresses (binary form) and a
/// connection hint. The keyspace position <see cref="Key"/> is the SHA-256 of the id, computed once.
/// Instances are immutable and may be shared by every routing table that holds the peer.
/// </summary>
public sealed class KadPeer : IEquatable<KadPeer>
{
    private static readonly ReadOnlyMemory<byte>[] NoAddresses = [];

    /// <summary>Creates a peer descriptor.</summary>
    /// <param name="id">The peer id bytes (copied).</param>
    /// <param name="addresses">Binary multiaddresses; none when omitted.</param>
    /// <param name="connection">The connection hint carried on the wire.</param>
    public KadPeer(ReadOnlySpan<byte> id, IReadOnlyList<ReadOnlyMemory<byte>>? addresses = null, KadConnectionType connection = KadConnectionType.NotConnected)
    {
        if (id.IsEmpty)
        {
            throw new ArgumentException("A peer id has at least one byte.", nameof(id));
        }

        Id = id.ToArray();
        Key = KadKey.Hash(id);
        Addresses = addresses ?? NoAddresses;
        Connection = connection;
    }

    /// <summary>The peer id bytes (a libp2p multihash).</summary>
    public ReadOnlyMemory<byte> Id { get; }

    /// <summary>The keyspace position: SHA-256 of <see cref="Id"/>.</summary>
    public KadKey Key { get; }

    /// <summary>Binary multiaddresses the peer can be reached at (empty in simulation).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Addresses { get; }

    /// <summary>The connection hint (kad-dht <c>ConnectionType</c>).</summary>
    public KadConnectionType Connection { get; }

    /// <inheritdoc />
    public bool Equals(KadPeer? other) => other is not null && Key == other.Key && Id.Span.SequenceEqual(other.Id.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KadPeer other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Key.GetHashCode();

    /// <summary>The first bytes of the keyspace position, for logs.</summary>
    /// <returns>A short hex prefix.</returns>
    public override string ToString() => "peer:" + Key.ToString()[..12];
}
