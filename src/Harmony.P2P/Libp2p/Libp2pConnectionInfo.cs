using System.Net;

namespace Harmony.P2P.Libp2p;

/// <summary>
/// What a host knows about its connection to a peer, for protocols that weigh peers by it (gossipsub's outbound mesh
/// quota D_out and its IP-colocation penalty P6).
/// </summary>
/// <param name="Outbound">Whether this host dialed at least one of its open connections to the peer.</param>
/// <param name="RemoteAddress">The peer's IP address on the connection, or <see langword="null"/> when the transport has none.</param>
public readonly record struct Libp2pConnectionInfo(bool Outbound, IPAddress? RemoteAddress);
