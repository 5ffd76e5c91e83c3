using System.Net;
using System.Net.Sockets;

namespace Harmony.P2P.Transport;

/// <summary>Accepts TCP connections on one endpoint and hands each to a callback until disposed.</summary>
public sealed class TcpListenerLoop : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Func<TcpConnection, Task> _onConnection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TcpListenerLoop(Socket socket, Func<TcpConnection, Task> onConnection)
    {
        _socket = socket;
        _onConnection = onConnection;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The bound endpoint (with the real port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds and starts accepting.</summary>
    /// <param name="endPoint">The endpoint to bind.</param>
    /// <param name="onConnection">Called for every accepted connection; it owns the connection.</param>
    /// <param name="backlog">The listen backlog.</param>
    /// <returns>The running listener.</returns>
    public static TcpListenerLoop Start(IPEndPoint endPoint, Func<TcpConnection, Task> onConnection, int backlog = 512)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(onConnection);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            socket.Listen(backlog);
            return new TcpListenerLoop(socket, onConnection);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Stops accepting; connections already accepted are not affected.</summary>
    /// <returns>A task that completes when the accept loop has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            _ = _onConnection(new TcpConnection(accepted));
        }
    }
}
