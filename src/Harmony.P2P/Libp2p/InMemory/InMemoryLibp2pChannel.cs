using System.IO.Pipelines;

namespace Harmony.P2P.Libp2p.InMemory;

/// <summary>
/// One end of an in-memory stream: two pipes crossed between the ends. <see cref="Reset"/> fails both directions at
/// both ends, as a yamux RST would.
/// </summary>
public sealed class InMemoryLibp2pChannel : ILibp2pChannel
{
    private static readonly PipeOptions Options = new(pauseWriterThreshold: 8 * 1024 * 1024, resumeWriterThreshold: 4 * 1024 * 1024, useSynchronizationContext: false);

    private readonly Pipe _incoming;
    private readonly Pipe _outgoing;
    private readonly Action<InMemoryLibp2pChannel>? _onClosed;
    private int _closed;

    private InMemoryLibp2pChannel(string protocol, PeerId remotePeer, Pipe incoming, Pipe outgoing, Action<InMemoryLibp2pChannel>? onClosed)
    {
        Protocol = protocol;
        RemotePeer = remotePeer;
        _incoming = incoming;
        _outgoing = outgoing;
        _onClosed = onClosed;
    }

    /// <inheritdoc />
    public string Protocol { get; }

    /// <inheritdoc />
    public PeerId RemotePeer { get; }

    /// <inheritdoc />
    public PipeReader Input => _incoming.Reader;

    /// <inheritdoc />
    public PipeWriter Output => _outgoing.Writer;

    /// <summary>Creates the two ends of a stream.</summary>
    /// <param name="protocol">The negotiated protocol id.</param>
    /// <param name="dialer">The peer that opened the stream.</param>
    /// <param name="listener">The peer that accepted it.</param>
    /// <param name="onDialerClosed">Called once when the dialer's end is reset or disposed.</param>
    /// <param name="onListenerClosed">Called once when the listener's end is reset or disposed.</param>
    /// <returns>The dialer's end (its remote is <paramref name="listener"/>) and the listener's end.</returns>
    public static (InMemoryLibp2pChannel Dialer, InMemoryLibp2pChannel Listener) CreatePair(
        string protocol,
        PeerId dialer,
        PeerId listener,
        Action<InMemoryLibp2pChannel>? onDialerClosed = null,
        Action<InMemoryLibp2pChannel>? onListenerClosed = null)
    {
        var toListener = new Pipe(Options);
        var toDialer = new Pipe(Options);
        var dialerEnd = new InMemoryLibp2pChannel(protocol, listener, toDialer, toListener, onDialerClosed);
        var listenerEnd = new InMemoryLibp2pChannel(protocol, dialer, toListener, toDialer, onListenerClosed);
        return (dialerEnd, listenerEnd);
    }

    /// <inheritdoc />
    public async ValueTask CloseWriteAsync() => await _outgoing.Writer.CompleteAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public void Reset()
    {
        // The peer's reads fail with the exception; its writes see a completed reader (as after a yamux RST).
        _outgoing.Writer.Complete(new IOException("The stream was reset."));
        _incoming.Reader.Complete();
        MarkClosed();
    }

    /// <summary>The connection under the stream closed: reads at both ends fail with an <see cref="IOException"/>.</summary>
    internal void Abort()
    {
        var closed = new IOException("The connection was closed.");
        _outgoing.Writer.Complete(closed);
        _incoming.Writer.Complete(closed);
        MarkClosed();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _outgoing.Writer.CompleteAsync().ConfigureAwait(false);
        await _incoming.Reader.CompleteAsync().ConfigureAwait(false);
        MarkClosed();
    }

    private void MarkClosed()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _onClosed?.Invoke(this);
        }
    }
}
