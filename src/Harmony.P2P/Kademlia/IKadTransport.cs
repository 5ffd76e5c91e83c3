namespace Harmony.P2P.Kademlia;

/// <summary>
/// How a <see cref="KadNode"/> reaches other peers. The libp2p binding opens a <c>/ipfs/kad/1.0.0</c> stream per call;
/// <see cref="Harmony.P2P.Simulation.SimulatedNetwork"/> delivers messages through a discrete-event simulation.
/// Implementations apply their own request timeout and never throw for network failures.
/// </summary>
public interface IKadTransport
{
    /// <summary>Sends a request and waits for the single response.</summary>
    /// <param name="peer">The destination.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response, or <see langword="null"/> on timeout, reset, refusal or loss. The response is untrusted.</returns>
    ValueTask<KadMessage?> RequestAsync(KadPeer peer, KadMessage request, CancellationToken cancellationToken = default);

    /// <summary>Sends a message that has no response (ADD_PROVIDER).</summary>
    /// <param name="peer">The destination.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>Whether the message was handed to the peer.</returns>
    ValueTask<bool> SendAsync(KadPeer peer, KadMessage message, CancellationToken cancellationToken = default);
}
