namespace Harmony.P2P.Libp2p;

/// <summary>
/// A libp2p host as protocols see it: the local identity, outbound streams to connected or dialable peers, inbound
/// streams dispatched to registered handlers, and connection notifications. Implemented by the TCP/Noise/yamux host
/// and by an in-memory host for tests.
/// </summary>
public interface ILibp2pHost : IAsyncDisposable
{
    /// <summary>This host's peer id.</summary>
    PeerId LocalPeer { get; }

    /// <summary>Peers with at least one open connection.</summary>
    IReadOnlyCollection<PeerId> ConnectedPeers { get; }

    /// <summary>Raised after a first connection to a peer is established and authenticated.</summary>
    event Action<PeerId>? PeerConnected;

    /// <summary>Raised after the last connection to a peer closes.</summary>
    event Action<PeerId>? PeerDisconnected;

    /// <summary>Describes the open connections to a peer: their direction and the peer's IP address.</summary>
    /// <param name="peer">The remote peer.</param>
    /// <param name="info">The description, when the peer is connected.</param>
    /// <returns>Whether the peer has an open connection.</returns>
    bool TryGetConnectionInfo(PeerId peer, out Libp2pConnectionInfo info);

    /// <summary>
    /// Keeps every connection to <paramref name="peer"/> out of connection-manager trimming while at least one tag
    /// protects it (for example <c>"gossipsub-mesh"</c> for mesh peers or <c>"validator"</c> for the committee). Tags
    /// are independent: the peer stays protected until each is removed with <see cref="Unprotect"/>.
    /// </summary>
    /// <param name="peer">The peer, connected or not.</param>
    /// <param name="tag">Who protects it.</param>
    void Protect(PeerId peer, string tag);

    /// <summary>Removes one protection tag from a peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="tag">The tag given to <see cref="Protect"/>.</param>
    /// <returns>Whether the peer is still protected by another tag.</returns>
    bool Unprotect(PeerId peer, string tag);

    /// <summary>Registers a handler for inbound streams of its protocols; later registrations for an id replace earlier ones.</summary>
    /// <param name="handler">The handler.</param>
    void SetHandler(ILibp2pProtocolHandler handler);

    /// <summary>
    /// Opens a stream to a connected peer and negotiates the first protocol of <paramref name="protocols"/> that the
    /// peer supports.
    /// </summary>
    /// <param name="peer">The remote peer.</param>
    /// <param name="protocols">Protocol ids in order of preference.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The stream, or <see langword="null"/> when the peer is not connected or supports none of them.</returns>
    ValueTask<ILibp2pChannel?> OpenStreamAsync(PeerId peer, IReadOnlyList<string> protocols, CancellationToken cancellationToken = default);
}
