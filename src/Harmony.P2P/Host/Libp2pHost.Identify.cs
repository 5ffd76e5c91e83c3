using System.Net;
using System.Net.NetworkInformation;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2pWire;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Protobuf;
using Harmony.P2P.Protocols;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Host;

/// <summary>Identify (<c>/ipfs/id/1.0.0</c>): answering it and asking peers.</summary>
public sealed partial class Libp2pHost
{
    /// <summary>The identify protocol id.</summary>
    public const string IdentifyProtocolId = "/ipfs/id/1.0.0";

    /// <summary>Asks a connected peer for its identify message (and records it).</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The peer's identify message.</returns>
    /// <exception cref="Libp2pProtocolException">The peer is not connected or sent an invalid message.</exception>
    public async Task<IdentifyMessage> IdentifyAsync(PeerId peer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var connection = ConnectionsOf(peer).FirstOrDefault()
            ?? throw new Libp2pProtocolException($"identify: {peer} is not connected.");
        return await IdentifyAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IdentifyMessage> IdentifyAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        var channel = await OpenStreamAsync(connection, [IdentifyProtocolId], cancellationToken).ConfigureAwait(false)
            ?? throw new Libp2pProtocolException($"identify: {connection.RemotePeer} does not serve {IdentifyProtocolId}.");
        await using (channel.ConfigureAwait(false))
        {
            using var timeout = new CancellationTokenSource(_options.StreamNegotiationTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var bytes = await PipeMessages.ReadLengthPrefixedAsync(channel.Input, IdentifyMessage.MaxLength, "identify", linked.Token).ConfigureAwait(false)
                ?? throw new Libp2pProtocolException("identify: the stream ended without a message.");
            if (!IdentifyMessage.TryDecode(bytes, out var message))
            {
                throw new Libp2pProtocolException("identify: the message is not a valid Identify protobuf.");
            }

            if (message.PublicKey is not null && !message.PublicKey.PeerId.Equals(connection.RemotePeer))
            {
                throw new Libp2pProtocolException($"identify: the public key belongs to {message.PublicKey.PeerId}, not {connection.RemotePeer}.");
            }

            connection.Identify = message;
            PeerIdentified?.Invoke(connection.RemotePeer, message);
            return message;
        }
    }

    private async Task IdentifyInBackgroundAsync(Libp2pConnection connection)
    {
        try
        {
            await IdentifyAsync(connection, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Libp2pProtocolException or OperationCanceledException or IOException or InvalidOperationException)
        {
            Libp2pLog.IdentifyFailed(_logger, connection.RemotePeer, e.Message);
        }
    }

    private IdentifyMessage BuildIdentify(PeerId remote)
    {
        var observed = ConnectionsOf(remote).FirstOrDefault()?.RemoteAddress;
        return new IdentifyMessage
        {
            PublicKey = _identity.PublicKey,
            ListenAddresses = AnnouncedAddresses(),
            Protocols = Protocols,
            ObservedAddress = observed,
            ProtocolVersion = _options.ProtocolVersion,
            AgentVersion = _options.AgentVersion,
        };
    }

    /// <summary>The listen addresses, with a wildcard (0.0.0.0 or ::) replaced by this machine's interface addresses.</summary>
    private List<Multiaddress> AnnouncedAddresses()
    {
        var announced = new List<Multiaddress>();
        foreach (var address in ListenAddresses)
        {
            if (!address.TryGetTcpTarget(out string? host, out int port) || !IPAddress.TryParse(host, out var ip) ||
                !(ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
            {
                announced.Add(address);
                continue;
            }

            foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (network.OperationalStatus != OperationalStatus.Up)
                {
                    continue;
                }

                foreach (var unicast in network.GetIPProperties().UnicastAddresses)
                {
                    if (unicast.Address.AddressFamily == ip.AddressFamily && !unicast.Address.IsIPv6LinkLocal)
                    {
                        announced.Add(Multiaddress.FromTcpEndPoint(new IPEndPoint(unicast.Address, port)));
                    }
                }
            }
        }

        return announced;
    }

    /// <summary>Answers identify requests with this host's message.</summary>
    private sealed class IdentifyResponder(Libp2pHost host) : ILibp2pProtocolHandler
    {
        public IReadOnlyList<string> Protocols { get; } = [IdentifyProtocolId];

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            await using (stream.ConfigureAwait(false))
            {
                var message = host.BuildIdentify(stream.RemotePeer).Encode();
                await LengthPrefixedFrames.WriteAsync(stream.Output, message, cancellationToken).ConfigureAwait(false);
                await stream.CloseWriteAsync().ConfigureAwait(false);
            }
        }
    }
}
