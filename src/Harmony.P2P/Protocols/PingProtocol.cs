using System.Security.Cryptography;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2pWire;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Protocols;

/// <summary>
/// libp2p ping (<c>/ipfs/ping/1.0.0</c>): the dialer sends 32 random bytes, the listener echoes them, repeatedly on
/// one stream. This class serves the listener side and measures round trips on the dialer side.
/// </summary>
public sealed class PingProtocol : ILibp2pProtocolHandler
{
    /// <summary>The protocol id.</summary>
    public const string ProtocolId = "/ipfs/ping/1.0.0";

    /// <summary>The payload size.</summary>
    public const int PayloadLength = 32;

    /// <inheritdoc />
    public IReadOnlyList<string> Protocols { get; } = [ProtocolId];

    /// <summary>Sends one ping on an open ping stream and waits for the echo.</summary>
    /// <param name="channel">A stream negotiated for <see cref="ProtocolId"/>.</param>
    /// <param name="random">The source of the payload.</param>
    /// <param name="timeProvider">The clock for the round trip.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The round-trip time.</returns>
    /// <exception cref="Libp2pProtocolException">The echo differs or the stream ended.</exception>
    public static async Task<TimeSpan> PingAsync(ILibp2pChannel channel, RandomNumberGenerator random, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var payload = new byte[PayloadLength];
        random.GetBytes(payload);
        long started = timeProvider.GetTimestamp();
        await channel.Output.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        var echo = await PipeMessages.ReadExactlyAsync(channel.Input, PayloadLength, cancellationToken).ConfigureAwait(false);
        var elapsed = timeProvider.GetElapsedTime(started);
        if (echo is null || !echo.AsSpan().SequenceEqual(payload))
        {
            throw new Libp2pProtocolException(echo is null ? "ping: the stream ended before the echo." : "ping: the echo differs from the payload.");
        }

        return elapsed;
    }

    /// <summary>Echoes 32-byte payloads until the remote closes its side.</summary>
    /// <param name="stream">The negotiated stream.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>A task that completes when the stream is done.</returns>
    public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using (stream.ConfigureAwait(false))
        {
            while (await PipeMessages.ReadExactlyAsync(stream.Input, PayloadLength, cancellationToken).ConfigureAwait(false) is { } payload)
            {
                await stream.Output.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
