using System.IO.Pipelines;

namespace Harmony.P2P.Libp2p;

/// <summary>
/// One negotiated libp2p stream, called a channel here so that "stream" keeps its System.IO meaning: a yamux stream
/// over a Noise-secured connection, or an in-memory pair in tests. It is a duplex byte pipe bound to a protocol id and
/// the authenticated remote peer.
/// </summary>
public interface ILibp2pChannel : IDuplexPipe, IAsyncDisposable
{
    /// <summary>The protocol id multistream-select agreed on, e.g. <c>/meshsub/1.1.0</c>.</summary>
    string Protocol { get; }

    /// <summary>The authenticated remote peer.</summary>
    PeerId RemotePeer { get; }

    /// <summary>Closes the write side (half-close); the peer may still send.</summary>
    /// <returns>A task that completes when the close is sent.</returns>
    ValueTask CloseWriteAsync();

    /// <summary>Aborts the stream in both directions (yamux RST).</summary>
    void Reset();
}
