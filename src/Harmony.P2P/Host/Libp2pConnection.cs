using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Noise;
using Harmony.P2P.Protocols;
using Harmony.P2P.Transport;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Host;

/// <summary>One upgraded connection: TCP, Noise and a yamux session, with what identify learned about the peer.</summary>
internal sealed class Libp2pConnection
{
    private int _closed;

    public Libp2pConnection(TcpConnection tcp, NoiseSession noise, Multiaddress remoteAddress, bool outbound, long openedAt)
    {
        Tcp = tcp;
        Noise = noise;
        RemoteAddress = remoteAddress;
        Outbound = outbound;
        OpenedAt = openedAt;
    }

    public TcpConnection Tcp { get; }

    public NoiseSession Noise { get; }

    public YamuxSession Session { get; set; } = null!;

    public PeerId RemotePeer => Noise.RemotePeer;

    public Multiaddress RemoteAddress { get; }

    public bool Outbound { get; }

    public IdentifyMessage? Identify { get; set; }

    /// <summary>When the connection was established, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long OpenedAt { get; }

    /// <summary>Whether <see cref="CloseAsync"/> has been called.</summary>
    public bool IsClosing => Volatile.Read(ref _closed) != 0;

    /// <summary>Closes the session (go-away), the Noise session and the socket; safe to call more than once.</summary>
    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        await Session.DisposeAsync().ConfigureAwait(false);
        await Noise.DisposeAsync().ConfigureAwait(false);
        await Tcp.DisposeAsync().ConfigureAwait(false);
    }
}
