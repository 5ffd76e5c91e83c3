namespace Harmony.P2P.Libp2p;

/// <summary>Serves inbound streams of one or more protocol ids; registered with an <see cref="ILibp2pHost"/>.</summary>
public interface ILibp2pProtocolHandler
{
    /// <summary>The protocol ids this handler answers, advertised through identify.</summary>
    IReadOnlyList<string> Protocols { get; }

    /// <summary>Serves one inbound stream until it ends. Exceptions are logged by the host and reset the stream.</summary>
    /// <param name="stream">The negotiated stream; the handler disposes it.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>A task that completes when the stream is done.</returns>
    Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken);
}
