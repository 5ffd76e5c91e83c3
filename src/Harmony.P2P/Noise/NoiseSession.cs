using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Noise;

/// <summary>
/// A Noise-secured connection: a duplex pipe of plaintext over the raw connection, where every transport message is a
/// 2-byte big-endian length followed by at most 65535 bytes of ChaCha20-Poly1305 ciphertext. Writes are cut into
/// messages of at most 65519 plaintext bytes. A message that fails authentication ends the session with
/// <see cref="Libp2pProtocolException"/> on the reader.
/// </summary>
public sealed class NoiseSession : IDuplexPipe, IAsyncDisposable
{
    /// <summary>The largest plaintext carried by one transport message.</summary>
    public const int MaxPlaintextLength = NoiseHandshake.MaxMessageLength - NoiseCipherState.TagLength;

    private readonly IDuplexPipe _raw;
    private readonly NoiseCipherState _send;
    private readonly NoiseCipherState _receive;
    private readonly Pipe _inbound;
    private readonly Pipe _outbound;
    private readonly Task _readLoop;
    private readonly Task _writeLoop;

    internal NoiseSession(IDuplexPipe raw, NoiseCipherState send, NoiseCipherState receive, Libp2pPublicKey remoteKey)
    {
        _raw = raw;
        _send = send;
        _receive = receive;
        RemoteKey = remoteKey;
        _inbound = new Pipe(new PipeOptions(pauseWriterThreshold: 256 * 1024, resumeWriterThreshold: 128 * 1024, useSynchronizationContext: false));
        _outbound = new Pipe(new PipeOptions(pauseWriterThreshold: 256 * 1024, resumeWriterThreshold: 128 * 1024, minimumSegmentSize: 16384, useSynchronizationContext: false));
        _readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>The remote identity key proven in the handshake.</summary>
    public Libp2pPublicKey RemoteKey { get; }

    /// <summary>The remote peer id.</summary>
    public PeerId RemotePeer => RemoteKey.PeerId;

    /// <summary>Decrypted bytes from the remote.</summary>
    public PipeReader Input => _inbound.Reader;

    /// <summary>Bytes to encrypt and send; complete it to close the connection's write side.</summary>
    public PipeWriter Output => _outbound.Writer;

    /// <summary>A task that completes when both directions have ended.</summary>
    public Task Completion => Task.WhenAll(_readLoop, _writeLoop);

    /// <summary>Stops both directions and waits for them.</summary>
    /// <returns>A task that completes when the session is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _outbound.Writer.CompleteAsync().ConfigureAwait(false);
        await _inbound.Reader.CompleteAsync().ConfigureAwait(false);
        _raw.Input.CancelPendingRead();
        await Completion.ConfigureAwait(false);
        _send.Dispose();
        _receive.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var input = _raw.Input;
        var output = _inbound.Writer;
        byte[] scratch = ArrayPool<byte>.Shared.Rent(NoiseHandshake.MaxMessageLength);
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                bool wrote = false;
                while (buffer.Length >= 2)
                {
                    int length = ReadLength(buffer);
                    if (buffer.Length < 2 + length)
                    {
                        break;
                    }

                    var frame = buffer.Slice(2, length);
                    ReadOnlySpan<byte> ciphertext = frame.IsSingleSegment ? frame.FirstSpan : CopyTo(frame, scratch);
                    var destination = output.GetSpan(Math.Max(1, length));
                    if (!_receive.TryDecrypt(ReadOnlySpan<byte>.Empty, ciphertext, destination, out int written))
                    {
                        throw new Libp2pProtocolException("noise: a transport message failed authentication.");
                    }

                    output.Advance(written);
                    wrote = true;
                    buffer = buffer.Slice(2 + length);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (wrote)
                {
                    var flush = await output.FlushAsync().ConfigureAwait(false);
                    if (flush.IsCompleted)
                    {
                        break;
                    }
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    if (!buffer.IsEmpty && !result.IsCanceled)
                    {
                        throw new Libp2pProtocolException("noise: the connection ended inside a transport message.");
                    }

                    break;
                }
            }
        }
        catch (Exception e) when (e is Libp2pProtocolException or IOException or InvalidOperationException or OperationCanceledException)
        {
            error = e;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            await input.CompleteAsync().ConfigureAwait(false);
            await output.CompleteAsync(error).ConfigureAwait(false);
            if (error is not null)
            {
                // A broken session stops sending too.
                _outbound.Reader.CancelPendingRead();
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        var input = _outbound.Reader;
        var output = _raw.Output;
        byte[] scratch = ArrayPool<byte>.Shared.Rent(MaxPlaintextLength);
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    break;
                }

                var buffer = result.Buffer;
                while (!buffer.IsEmpty)
                {
                    int length = (int)Math.Min(buffer.Length, MaxPlaintextLength);
                    var chunk = buffer.Slice(0, length);
                    ReadOnlySpan<byte> plaintext = chunk.FirstSpan.Length >= length ? chunk.FirstSpan[..length] : CopyTo(chunk, scratch);
                    var destination = output.GetSpan(2 + length + NoiseCipherState.TagLength);
                    int written = _send.Encrypt(ReadOnlySpan<byte>.Empty, plaintext, destination[2..]);
                    BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)written);
                    output.Advance(2 + written);
                    buffer = buffer.Slice(length);
                }

                input.AdvanceTo(buffer.End);
                var flush = await output.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted || result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is Libp2pProtocolException or IOException or InvalidOperationException or OperationCanceledException)
        {
            error = e;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            await input.CompleteAsync(error).ConfigureAwait(false);
            await TcpConnection.CompleteQuietlyAsync(output).ConfigureAwait(false);
        }
    }

    internal static int ReadLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[2];
        buffer.Slice(0, 2).CopyTo(prefix);
        return BinaryPrimitives.ReadUInt16BigEndian(prefix);
    }

    private static ReadOnlySpan<byte> CopyTo(ReadOnlySequence<byte> source, byte[] scratch)
    {
        source.CopyTo(scratch);
        return scratch.AsSpan(0, (int)source.Length);
    }
}
