using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Harmony.P2P.Transport;

/// <summary>A TCP connection exposed as a duplex pipe (System.IO.Pipelines over the socket's stream).</summary>
public sealed class TcpConnection : IDuplexPipe, IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private int _disposed;

    internal TcpConnection(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 65536, minimumReadSize: 16384, leaveOpen: true));
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 65536, leaveOpen: true));
    }

    /// <summary>The local endpoint.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The remote endpoint.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Bytes from the remote.</summary>
    public PipeReader Input { get; }

    /// <summary>Bytes to the remote.</summary>
    public PipeWriter Output { get; }

    /// <summary>Opens a TCP connection.</summary>
    /// <param name="host">An IP literal or DNS name.</param>
    /// <param name="port">The port.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The connection.</returns>
    public static async Task<TcpConnection> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return new TcpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Completes a writer whose completion flushes to a socket; a remote that already closed (broken pipe, reset)
    /// is not an error at this point.
    /// </summary>
    internal static async ValueTask CompleteQuietlyAsync(PipeWriter writer)
    {
        try
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The remote is gone; there is nothing left to deliver.
        }
        catch (ObjectDisposedException)
        {
            // The socket was aborted first.
        }
    }

    /// <summary>Closes the socket at once; pending reads and writes end.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _socket.Close(0);
            _stream.Dispose();
        }
    }

    /// <summary>Completes both pipes and closes the socket.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await CompleteQuietlyAsync(Output).ConfigureAwait(false);
        await Input.CompleteAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already reset by the remote.
            }

            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
